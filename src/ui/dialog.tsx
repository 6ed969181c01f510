// A modal <dialog>: focus trap, Esc and the backdrop come from the browser.
import { useLayoutEffect, useRef, type ComponentProps } from 'react'
import { cn } from './cn'

interface DialogProps extends Omit<ComponentProps<'dialog'>, 'onClose' | 'onCancel'> {
  /** Esc or a close button: the owner decides, usually by unmounting the dialog. */
  onClose: () => void
}

/** Open while mounted. */
export function Dialog({ onClose, className, children, ...props }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useLayoutEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    // A layout effect's cleanup runs before React takes the element out of the document (a
    // passive one runs after): closed while still there, the browser gives focus back to where
    // it was before the dialog opened, instead of dropping it on <body>.
    return () => dialog?.close?.()
  }, [])
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      className={cn('bg-white text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:bg-slate-900 dark:text-slate-100', className)}
      {...props}
    >
      {children}
    </dialog>
  )
}
