// What follows the last row: a loader, a failed page with Retry, or the end line.
import { useI18n } from '../../lib/i18n'
import { Button } from '../../ui/controls'

interface GridFooterProps {
  total: number
  /** Entries of the loaded pages that were not files at all (no id): said, never hidden. */
  skipped: number
  hasNextPage: boolean
  isFetchingNextPage: boolean
  error: Error | null
  onRetry: () => void
}

/** ApiError's message already carries status, code and trace ID. */
export function errorDetail(error: Error): string {
  return error.message || String(error)
}

export function GridFooter({ total, skipped, hasNextPage, isFetchingNextPage, error, onRetry }: GridFooterProps) {
  const { t } = useI18n()
  if (error && !isFetchingNextPage) {
    return (
      <div
        role="alert"
        className={'mx-auto my-6 flex max-w-xl flex-col items-center gap-2 text-center text-sm text-red-800 dark:text-red-300'}
      >
        <p>
          <strong>{t('loadMoreFailed')}</strong>: {errorDetail(error)}
        </p>
        <Button onClick={onRetry}>{t('retry')}</Button>
      </div>
    )
  }
  if (hasNextPage || isFetchingNextPage) {
    return (
      <p role="status" className="my-6 text-center text-sm text-slate-600 dark:text-slate-400">
        {t('loadingMore')}
      </p>
    )
  }
  return (
    <p role="status" className="my-6 text-center text-sm text-slate-600 dark:text-slate-400">
      {t('endOfList', { count: total })}
      {skipped > 0 && ` ${t('skipped', { count: skipped })}`}
    </p>
  )
}
