// What the last change did, said politely, with Undo; and what KooDrive refused, said as an alert.
import { useMutationState } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { failedFiles } from '../../data/optimistic'
import type { SetStarredVariables } from '../../data/queries'
import type { StarMutation } from '../../data/star-mutation'
import { useStarMutationOptions } from '../../data/client-context'
import { useI18n } from '../../lib/i18n'
import '../../lib/messages/en-later'

// Shown only when KooDrive refuses a change, so not in the first screen's JavaScript.
const RefusedAlert = lazy(() => import('./refused-alert').then((m) => ({ default: m.RefusedAlert })))

interface ChangeStatusProps {
  /** The last change asked for on this screen. */
  last?: SetStarredVariables
  /** How many files it really changed (once KooDrive answered, without those it refused). */
  changed: number
  onUndo: () => void
  onDismiss: () => void
}

export function ChangeStatus({ last, changed: count, onUndo, onDismiss }: ChangeStatusProps) {
  const { t } = useI18n()
  const [dismissedFailure, setDismissedFailure] = useState(-1)
  const settled = useMutationState({
    filters: { mutationKey: useStarMutationOptions().mutationKey, predicate: (m) => m.state.status !== 'pending' },
    select: (m: StarMutation) => {
      const names = new Map(m.state.variables?.files.map((f) => [f.id, f.name ?? f.id]))
      const failed = failedFiles(m.state).map((f) => ({ ...f, name: names.get(f.id) ?? f.id }))
      return { id: m.mutationId, starred: m.state.variables?.starred, failed }
    },
  })
  const failure = settled.findLast((f) => f.failed.length > 0 && f.id > dismissedFailure)
  const message = !last || count === 0 ? '' : last.starred ? t('added', { count }) : t('removed', { count })

  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-30 flex flex-col items-center gap-2 px-4">
      {failure && (
        <Suspense>
          <RefusedAlert failure={failure} onDismiss={() => setDismissedFailure(failure.id)} />
        </Suspense>
      )}
      <div
        className={
          last
            ? 'pointer-events-auto flex items-center gap-3 rounded-lg bg-slate-900 py-2 pr-2 ' +
              'pl-4 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900'
            : 'sr-only'
        }
      >
        {/* Always in the page, so screen readers hear each change (a polite live region). */}
        <p role="status">{message}</p>
        {last && !last.starred && count > 0 && (
          <button
            type="button"
            onClick={onUndo}
            className={
              'rounded-md px-3 py-1.5 font-semibold text-blue-200 hover:bg-white/10 ' +
              'focus-visible:outline-2 focus-visible:outline-white ' +
              'dark:text-blue-800 dark:hover:bg-slate-900/10 ' +
              'dark:focus-visible:outline-slate-900'
            }
          >
            {t('undo')}
          </button>
        )}
        {last && (
          <button
            type="button"
            onClick={onDismiss}
            aria-label={t('dismiss')}
            className={
              'rounded-md px-2 py-1.5 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white dark:hover:bg-slate-900/10'
            }
          >
            ✕
          </button>
        )}
      </div>
    </div>
  )
}
