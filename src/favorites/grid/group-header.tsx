// A date group's header row: its label, and a button that selects or unselects the whole group.
import { useI18n } from '../../lib/i18n'

interface GroupHeaderProps {
  label: string
  columns: number
  allSelected: boolean
  onToggle: () => void
}

export function GroupHeader({ label, columns, allSelected, onToggle }: GroupHeaderProps) {
  const { t } = useI18n()
  return (
    <div
      role="rowheader"
      aria-colspan={columns}
      className="flex h-full items-end gap-2 pb-2 text-sm font-semibold text-slate-700 dark:text-slate-300"
    >
      <span>{label}</span>
      {/* Out of the tab order (the grid is one tab stop); G does the same from the keyboard. */}
      <button
        type="button"
        tabIndex={-1}
        aria-label={t(allSelected ? 'unselectGroup' : 'selectGroup', { group: label })}
        onClick={onToggle}
        className={'rounded px-1.5 py-0.5 text-xs font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800'}
      >
        {t(allSelected ? 'unselect' : 'select')}
      </button>
    </div>
  )
}
