// Small primitives shared by the screens: Button (and buttonClass for links), Select, Icon.
import type { ComponentProps } from 'react'
import { cn } from './cn'

const BASE =
  'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60'
const VARIANTS = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 ' +
    'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ' +
    'dark:hover:bg-slate-800',
  ghost: 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
} as const
const SIZES = {
  md: 'h-9 px-3 text-sm',
  lg: 'h-10 px-4 text-sm',
  icon: 'size-9 p-0',
} as const

export interface ButtonStyle {
  variant?: keyof typeof VARIANTS
  size?: keyof typeof SIZES
}

/**
 * The one button style set, for <button> and for links that look like buttons. Each variant and
 * size owns the properties it sets; `className` is for placement (width, margins) only, so there
 * is never a second padding or colour for the cascade to pick from.
 */
export function buttonClass({ variant = 'secondary', size = 'md' }: ButtonStyle = {}, className?: string): string {
  return cn(BASE, VARIANTS[variant], SIZES[size], className)
}

export function Button({ className, variant, size, ...props }: ComponentProps<'button'> & ButtonStyle) {
  return <button type="button" className={buttonClass({ variant, size }, className)} {...props} />
}

interface SelectProps<T extends string> extends Omit<ComponentProps<'select'>, 'onChange' | 'value'> {
  label: string
  /** e.g. 'max-sm:sr-only': the label stays the select's name where it is not shown. */
  labelClassName?: string
  value: T
  options: { id: T; label: string }[]
  onChange: (value: T) => void
}

export function Select<T extends string>({ label, labelClassName, value, options, onChange, className, ...props }: SelectProps<T>) {
  return (
    <label className={cn('flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-300', className)}>
      <span className={labelClassName}>{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        className={
          'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 ' +
          'focus-visible:outline-2 focus-visible:outline-blue-600 ' +
          'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'
        }
        {...props}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Outlines on a 24-unit grid, drawn in the text colour. */
const ICONS = {
  check: 'M5 12.5l4.5 4.5 9.5-10.5',
  close: 'M6 6l12 12M18 6L6 18',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  file: 'M6 2h8l4 4v16H6zM14 2v4h4',
  folder: 'M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  keyboard:
    'M4.5 6h15a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-15a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2zM6 10h1m2.5 0h1m2.5 0h1m2.5 0h1M6 14h1m2 0h6m1.5 0h1',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13a6.5 6.5 0 0 0 0 13zM20 20l-4.8-4.8',
  options: 'M4 7h10m4 0h2M4 17h4m4 0h8M14 7a2 2 0 1 0 4 0a2 2 0 1 0-4 0M8 17a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
}

/** An icon, hidden from assistive technology: the button or tile around it carries the name. */
export function Icon({ name, className }: { name: keyof typeof ICONS; className: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={name == 'check' ? 3.5 : 1.75}
      strokeLinecap="round"
    >
      <path d={ICONS[name]} />
    </svg>
  )
}
