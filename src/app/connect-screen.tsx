// Connect: the access token and user ID go to the app's own server once, which keeps them sealed
// in an HttpOnly cookie. Their check is the first page of favorites itself, through that session,
// and that page is what the grid then shows.
import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router-dom'
import { ApiError, type Credentials } from '../api/client'
import { listFavorites } from '../api/endpoints'
import { favoriteMutations, favoriteQueries, forgetUser, shouldRetry } from '../data/queries'
import { sessionCall } from '../api/session'
import { listFilter, readFilter } from '../favorites/filters'
import { Button } from '../ui/controls'
import { TextField } from '../ui/text-field'
import { useKooDriveClient } from '../data/client-context'
import { useI18n } from '../lib/i18n'
import { session } from '../lib/session'
import '../lib/messages/en-later'

export function ConnectScreen({ reason }: { reason?: string }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const client = useKooDriveClient()
  const [params] = useSearchParams()
  const [token, setToken] = useState('')
  const [userId, setUserId] = useState('')
  const helpId = useId()
  // A change the 401 interrupted waits in the mutation cache and is sent once the same user is back.
  const waiting = useIsMutating({ mutationKey: favoriteMutations.setStarredKey() }) > 0

  const connect = useMutation({
    mutationFn: async (credentials: Credentials) => {
      const filter = listFilter(readFilter(params))
      const userId = (await sessionCall(client.baseUrl, 'POST', credentials))!
      // A refusal clears the session on the server: the cookie never outlives a wrong token.
      const first = await listFavorites(client, filter)
      // Back as the same user after a 401: the cache (and where they were) stays; anyone else starts clean.
      if (session.getState().previousUserId !== userId) forgetUser(queryClient)
      const { queryKey } = favoriteQueries.list(client, filter)
      if (!queryClient.getQueryData(queryKey)) queryClient.setQueryData(queryKey, { pages: [first], pageParams: [undefined] })
      session.connect(userId)
    },
    // A transient failure (network, 5xx, 429) is retried as everywhere else; a 401 is an answer.
    retry: shouldRetry,
  })

  function onSubmit(e: FormEvent) {
    e.preventDefault()
    connect.mutate({ token: token.trim(), userId: userId.trim() })
  }

  const { error } = connect
  const errorText = !error
    ? undefined
    : error instanceof ApiError && error.status === 401
      ? t('connectRefused', { msg: error.msg })
      : error instanceof Error
        ? error.message
        : String(error)

  return (
    <main className="flex min-h-dvh items-center justify-center bg-page p-4 text-slate-900 dark:text-slate-100">
      <form
        onSubmit={onSubmit}
        className={
          'w-full max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900'
        }
        aria-describedby={helpId}
      >
        <h1 className="flex items-center gap-2 text-xl font-semibold">
          <img src="/icon.svg" alt="" className="h-8 w-8" />
          {t('connectTitle')}
        </h1>
        {reason && (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
            {t('sessionExpired', { msg: reason })}
            {waiting && ` ${t('waitingForConnect')}`}
          </p>
        )}
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('connectIntro')}</p>
        <TextField label={t('accessToken')} type="password" autoComplete="off" required value={token} onValue={setToken} />
        <TextField label={t('userId')} type="text" autoComplete="username" required value={userId} onValue={setUserId} />
        <p id={helpId} className="text-sm text-slate-600 dark:text-slate-400">
          {t('connectHelp')}
        </p>
        {errorText && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {errorText}
          </p>
        )}
        <Button type="submit" variant="primary" size="lg" disabled={connect.isPending} className="w-full">
          {connect.isPending ? t('connecting') : t('connect')}
        </Button>
      </form>
    </main>
  )
}
