// Says when the app works from its offline copy (and how old it is), and how many changes wait.
import { useMutationState } from '@tanstack/react-query'
import type { StarMutation } from '../../data/star-mutation'
import { useStarMutationOptions } from '../../data/client-context'
import { useI18n } from '../../lib/i18n'
import { useOnline } from '../../lib/network'
import { useSession } from '../../lib/session'
import { useUnsavedChanges } from '../../data/unsaved-changes'
import '../../lib/messages/en-later'

export function OfflineStatus({ updatedAt }: { updatedAt: number }) {
  const { t, date } = useI18n()
  const online = useOnline()
  const connected = useSession().userId !== undefined
  // Waiting: paused for the network, or (offline, or not connected) held until it is there.
  const waiting = useMutationState({
    filters: { mutationKey: useStarMutationOptions().mutationKey, status: 'pending' },
    select: (m: StarMutation) => (m.state.isPaused || !online || !connected ? (m.state.variables?.files.length ?? 0) : 0),
  }).reduce((sum, n) => sum + n, 0)
  const unsaved = useUnsavedChanges()
  if (online && waiting === 0 && !unsaved) return null
  return (
    <p
      role="status"
      className="mx-4 mt-3 flex flex-wrap gap-x-3 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
    >
      {!online && <span className="font-semibold">{updatedAt ? t('offlineSince', { time: date(updatedAt) }) : t('offline')}</span>}
      {waiting > 0 && <span>{t('waiting', { count: waiting })}</span>}
      {!online && <span>{t('needsNetwork')}</span>}
      {unsaved && <span className="font-semibold">{t('notSavedOffline')}</span>}
    </p>
  )
}
