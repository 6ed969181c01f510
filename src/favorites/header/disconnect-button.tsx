// Disconnect: the server ends the session first (only it can clear the HttpOnly cookie); then
// everything of this user is forgotten here. Without an answer the session is still open, and the
// user is told.
import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { ApiError } from '../../api/client'
import { forgetUser, sessionQueries } from '../../data/queries'
import { sessionCall } from '../../api/session'
import { useKooDriveClient } from '../../data/client-context'
import { useI18n } from '../../lib/i18n'
import { session } from '../../lib/session'
import { Button } from '../../ui/controls'

// Shown only when Disconnect cannot reach the server, so not in the first screen's JavaScript.
const DisconnectFailed = lazy(() => import('./disconnect-failed').then((m) => ({ default: m.DisconnectFailed })))

export function DisconnectButton({ className }: { className?: string }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const client = useKooDriveClient()
  const [failed, setFailed] = useState<string>()
  const [pending, setPending] = useState(false)
  async function disconnect() {
    setPending(true)
    setFailed(undefined)
    try {
      await sessionCall(client.baseUrl, 'DELETE')
    } catch (error) {
      setFailed(error instanceof ApiError ? error.msg : String(error))
      setPending(false)
      return
    }
    queryClient.setQueryData(sessionQueries.check(client.baseUrl).queryKey, null)
    session.disconnect()
    forgetUser(queryClient)
  }
  return (
    <>
      <Button className={className} disabled={pending} onClick={() => void disconnect()}>
        {t('disconnect')}
      </Button>
      {failed && (
        <Suspense>
          <DisconnectFailed msg={failed} onDismiss={() => setFailed(undefined)} />
        </Suspense>
      )}
    </>
  )
}
