// Disconnect could not reach the app's server: the session is still open, and the user is told.
import { useI18n } from '../../lib/i18n'
import { Button } from '../../ui/controls'
import '../../lib/messages/en-later'

export function DisconnectFailed({ msg, onDismiss }: { msg: string; onDismiss: () => void }) {
  const { t } = useI18n()
  return (
    <div
      role="alert"
      className="absolute top-full right-4 z-40 mt-2 flex max-w-sm items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 shadow dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="flex-1">{t('disconnectFailed', { msg })}</p>
      <Button onClick={onDismiss}>{t('dismiss')}</Button>
    </div>
  )
}
