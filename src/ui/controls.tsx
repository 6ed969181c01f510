// Small form primitives shared by the screens.
import type { ComponentProps } from 'react'
import { cn } from './cn'

const BASE = cn(
  'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium',
  'focus-visible:outline-2 focus-visible:outline-offset-2',
  'focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60',
)
const VARIANTS = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800',
  secondary: cn(
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
    'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
    'dark:hover:bg-slate-800',
  ),
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
        className={cn(
          'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900',
          'focus-visible:outline-2 focus-visible:outline-blue-600',
          'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
        )}
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
