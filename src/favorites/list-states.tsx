// What the screen shows instead of the grid: loading, a first page that failed, an empty list.
import { useI18n } from '../lib/i18n'
import { Button } from '../ui/controls'
import { errorDetail } from './grid/grid-footer'

export function Loading() {
  const { t } = useI18n()
  return (
    <p role="status" className="p-8 text-center text-slate-600 dark:text-slate-400">
      {t('loading')}
    </p>
  )
}

export function LoadFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <div role="alert" className="mx-auto mt-12 flex max-w-xl flex-col items-center gap-3 p-4 text-center">
      <p className="font-semibold text-red-800 dark:text-red-300">{t('loadFailed')}</p>
      <p className="text-sm text-slate-700 dark:text-slate-300">{errorDetail(error)}</p>
      <Button onClick={onRetry}>{t('retry')}</Button>
    </div>
  )
}

/** No favorite at all, or none of the chosen type (with the way back to all). */
export function EmptyList({ onShowAll }: { onShowAll?: () => void }) {
  const { t } = useI18n()
  return (
    <div className="mx-auto mt-12 flex max-w-xl flex-col items-center gap-3 p-4 text-center text-slate-700 dark:text-slate-300">
      <p role="status">{onShowAll ? t('emptyFiltered') : t('emptyAll')}</p>
      {onShowAll && <Button onClick={onShowAll}>{t('showAll')}</Button>}
    </div>
  )
}

/** A search that found nothing: the status line says so; here, the way out. */
export function NoMatch({ onClear }: { onClear: () => void }) {
  const { t } = useI18n()
  return (
    <div className="mx-auto mt-12 flex max-w-xl justify-center p-4">
      <Button onClick={onClear}>{t('clearSearch')}</Button>
    </div>
  )
}
