// How far a search, or a sort that needs every favorite, has got: the counts, and Stop or Cancel.
// Only the phase is a live region: the count that changes with every page is not announced.
import { useI18n } from '../../lib/i18n'
import { Button } from '../../ui/controls'
import { needsAll, type ViewFilter } from '../filters'
import type { Gathering } from './use-search'
import '../../lib/messages/en-later'

interface SearchStatusProps {
  filter: ViewFilter
  searching: boolean
  gathering: Gathering | null
  /** Favorites loaded and looked at, and how many of them are shown. */
  checked: number
  matched: number
  onStop: () => void
  onResume: () => void
  onCancelSort: () => void
  /** A sort by name or size that was cancelled, and the list is back to newest first. */
  cancelled: 'name' | 'size' | null
}

export function SearchStatus(props: SearchStatusProps) {
  const { t } = useI18n()
  const { cancelled } = props
  return (
    <>
      <Progress {...props} />
      {cancelled && (
        <p role="status" className="mx-4 mt-3 text-sm text-slate-700 dark:text-slate-300">
          {t(`sortCancelled.${cancelled}`)}
        </p>
      )}
    </>
  )
}

function Progress({ filter, searching, gathering, checked, matched, onStop, onResume, onCancelSort }: SearchStatusProps) {
  const { t } = useI18n()
  const sortLoading = needsAll(filter.sort) && gathering === 'loading'
  let phase: string
  let detail: string | null = null
  let action: [string, () => void] | null = null
  if (sortLoading) {
    phase = t(`sorting.${filter.sort as 'name' | 'size'}`)
    detail = t('loaded', { count: checked })
    action = [t('cancel'), onCancelSort]
  } else if (!gathering || (!searching && gathering === 'done')) {
    return null
  } else if (!searching) {
    phase = t('sortPartial', { count: checked })
  } else if (gathering === 'loading') {
    phase = t('searching')
    detail = t('checked', { count: checked })
    action = [t('stop'), onStop]
  } else if (gathering === 'done') {
    phase = matched === 0 ? t('noMatch', { q: filter.q.trim() }) : t('matches', { count: matched, total: checked })
  } else if (gathering === 'offline') {
    phase = t('matchesKept', { count: matched, total: checked })
  } else {
    phase = t('matchesSoFar', { count: matched, total: checked })
    if (gathering === 'stopped') action = [t('searchAll'), onResume]
  }
  return (
    <div className="mx-4 mt-3 flex min-h-9 flex-wrap items-center gap-x-3 text-sm text-slate-700 dark:text-slate-300">
      <span role="status" className="font-medium text-slate-900 dark:text-slate-100">
        {phase}
      </span>
      {detail && <span className="tabular-nums">{detail}</span>}
      {action && <Button onClick={action[1]}>{action[0]}</Button>}
    </div>
  )
}
