// A labelled text input: the label is the input's name, and the value comes back as a string.
import type { ComponentProps } from 'react'
import { cn } from './cn'

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'onChange'> {
  label: string
  onValue: (value: string) => void
}

export function TextField({ label, onValue, className, ...props }: TextFieldProps) {
  return (
    <label className={cn('block text-sm font-medium', className)}>
      {label}
      <input
        className={
          'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 ' +
          'text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 ' +
          'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'
        }
        onChange={(e) => onValue(e.target.value)}
        {...props}
      />
    </label>
  )
}
