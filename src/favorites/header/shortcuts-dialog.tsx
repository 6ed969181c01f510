// The `?` sheet: every keyboard shortcut of the grid.
import { useI18n, type MessageKey } from '../../lib/i18n'
import { Button } from '../../ui/controls'
import { Dialog } from '../../ui/dialog'
import '../../lib/messages/en-later'

const SHORTCUTS: [keys: string, what: MessageKey][] = [
  ['← ↑ → ↓', 'key.arrows'],
  ['Home / End', 'key.homeEnd'],
  ['Space', 'key.space'],
  ['Shift + ← ↑ → ↓', 'key.shiftArrows'],
  ['Ctrl/⌘ + A', 'key.selectAll'],
  ['G', 'key.group'],
  ['Esc', 'key.escape'],
  ['Enter', 'key.enter'],
  ['Delete', 'key.delete'],
  ['/', 'key.search'],
  ['?', 'key.help'],
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog aria-labelledby="shortcuts-title" onClose={onClose} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-6">
      <h2 id="shortcuts-title" className="mb-4 text-lg font-semibold">
        {t('shortcuts')}
      </h2>
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1.5 pr-4 text-left font-mono font-medium whitespace-nowrap">
                {keys}
              </th>
              <td className="py-1.5">{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{t('key.click')}</p>
      <div className="mt-4 flex justify-end">
        {/* In a modal <dialog>, autofocus names what showModal() focuses (the HTML spec's advice). */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <Button autoFocus onClick={onClose}>
          {t('close')}
        </Button>
      </div>
    </Dialog>
  )
}
