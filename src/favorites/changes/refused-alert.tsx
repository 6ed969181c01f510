// What KooDrive refused in the last change, said as an alert naming each file and the server's reason.
import type { StarFailure } from '../../api/endpoints'
import { useI18n } from '../../lib/i18n'
import { Button } from '../../ui/controls'
import { displayName } from '../grid/display-name'
import '../../lib/messages/en-later'

/** Names shown in the alert; the rest are counted. */
const MAX_NAMED = 8

export interface Refusal {
  starred?: boolean
  failed: (StarFailure & { name: string })[]
}

export function RefusedAlert({ failure, onDismiss }: { failure: Refusal; onDismiss: () => void }) {
  const { t } = useI18n()
  return (
    <div
      role="alert"
      className={
        'pointer-events-auto w-full max-w-xl rounded-lg border border-red-300 bg-red-50 ' +
        'p-4 text-sm text-red-950 shadow-lg ' +
        'dark:border-red-800 dark:bg-slate-900 dark:text-red-100'
      }
    >
      <p className="font-semibold">
        {failure.starred ? t('notAdded', { count: failure.failed.length }) : t('notRemoved', { count: failure.failed.length })}
      </p>
      <ul className="mt-2 list-disc space-y-0.5 pl-5">
        {failure.failed.slice(0, MAX_NAMED).map((f) => (
          <li key={f.id}>
            <bdi className="font-medium">{displayName(f.name)}</bdi>: {f.message}
          </li>
        ))}
        {failure.failed.length > MAX_NAMED && <li>… +{failure.failed.length - MAX_NAMED}</li>}
      </ul>
      <div className="mt-3 flex justify-end">
        <Button onClick={onDismiss}>{t('dismiss')}</Button>
      </div>
    </div>
  )
}
