// The app shell: configuration, language, API client, query client, router, Connect, offline.
import { onlineManager, QueryCache, QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { PersistQueryClientProvider, persistQueryClientSave } from '@tanstack/react-query-persist-client'
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { ApiError, createClient, type KooDriveClient } from '../api/client'
import { favoriteQueries, sessionQueries, shouldRetry } from '../data/queries'
import { starMutationOptions, type StarMutationOptions } from '../data/star-mutation'
import { FavoritesPage } from '../favorites/favorites-page'
import { listFilter, readFilter } from '../favorites/filters'
import { ClientContext, StarMutationContext, useKooDriveClient } from '../data/client-context'
import { I18nProvider, useI18n } from '../lib/i18n'
import { afterPaint, whenIdle } from '../lib/idle'
import { isNetworkFailure, networkFailed, watchNetwork } from '../lib/network'
import { session, useSession } from '../lib/session'
import { startOutbox } from '../data/outbox'
import { MAX_AGE_MS, persistOptions } from '../data/persist'
import { forgetStored } from '../data/forget'
import { Button } from '../ui/controls'
import { ErrorBoundary } from './error-boundary'

// Connect is a chunk of its own: most starts (a session, the demo) never show it. It is fetched
// when shown; the configuration that decides it is preloaded by index.html, so that is early.
// Mounted once the first screen is idle: registering the service worker and offering updates.
const UpdatePrompt = lazy(() => import('./update-prompt').then((m) => ({ default: m.UpdatePrompt })))
const ConnectScreen = lazy(() => import('./connect-screen').then((m) => ({ default: m.ConnectScreen })))

export interface AppClients {
  client: KooDriveClient
  queryClient: QueryClient
  starMutation: StarMutationOptions
}

/** Retries like shouldRetry, except that a request that found no network waits for one, however long. */
function retry(failureCount: number, error: unknown): boolean {
  if (isNetworkFailure(error)) {
    networkFailed()
    return true
  }
  return shouldRetry(failureCount, error)
}

export function makeAppClients(client: KooDriveClient): AppClients {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.unauthorized) session.expire(error.msg)
      },
    }),
    defaultOptions: {
      // Kept at least as long as the offline copy is (a week), so a restored list is not collected.
      queries: { staleTime: 5 * 60_000, gcTime: MAX_AGE_MS, refetchOnWindowFocus: false, retry },
    },
  })
  const starMutation = starMutationOptions(client, {
    reauthorize: (error) => {
      const { userId, previousUserId, user } = session.getState()
      session.expire(error.msg)
      return session.reconnected(userId ?? previousUserId ?? user)
    },
    networkFailed,
    // Splitting and sending 20,000 files in the click's own task held the removal's paint back.
    beforeSend: afterPaint,
  })
  // TanStack resumes paused queries on reconnect only after every paused mutation has finished.
  // A change that waits for Connect would then wait for the query that says who is connected:
  // resume the queries at once.
  onlineManager.subscribe((online) => online && queryClient.getQueryCache().onOnline())
  watchNetwork()
  // The same object the screens pass to useMutation: a change resumed with only its key and
  // variables (after a 401, or from the outbox) runs exactly what a click runs.
  queryClient.setMutationDefaults(starMutation.mutationKey, starMutation)
  return { client, queryClient, starMutation }
}

/** The providers; with `user`, that user's favorites are kept in IndexedDB and restored first. */
export function AppProviders({ client, queryClient, starMutation, user, children }: AppClients & { user?: string; children: ReactNode }) {
  const inner = (
    <ClientContext value={client}>
      <StarMutationContext value={starMutation}>{children}</StarMutationContext>
    </ClientContext>
  )
  const options = useMemo(() => user && persistOptions(user), [user])
  if (!options) return <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>
  return (
    // Keyed by user: another user's copy is restored into a fresh subtree, never mixed in.
    // Saved once restored too: a first page fetched during the restore (the demo's, see
    // useAppConfig) changes nothing after the provider starts listening.
    <PersistQueryClientProvider
      key={user}
      client={queryClient}
      persistOptions={options}
      onSuccess={() => persistQueryClientSave({ queryClient, ...options })}
    >
      {inner}
    </PersistQueryClientProvider>
  )
}

function Crash({ error }: { error: Error }) {
  const { t } = useI18n()
  return (
    <main role="alert" className="mx-auto mt-16 max-w-lg space-y-3 p-6 text-center">
      <h1 className="text-xl font-semibold">{t('crashTitle')}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t('crashBody')}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">{error.message}</p>
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('reload')}
      </Button>
    </main>
  )
}

function Shell() {
  const { userId, endedBecause, user } = useSession()
  const open = !userId && !endedBecause
  // index.html preloads the check, so its answer is usually in before the app has rendered.
  const client = useKooDriveClient()
  const queryClient = useQueryClient()
  const check = useQuery({ ...sessionQueries.check(client.baseUrl), enabled: open })
  const connected = open ? check.data : undefined
  useEffect(() => {
    if (!connected) return
    const kept = session.getState().user === connected
    session.connect(connected)
    // Without a kept copy to show, the first page is asked for at once, not after the favorites
    // screen has rendered. A kept copy is restored first, and refreshed by the screen's query.
    if (!kept)
      void queryClient.prefetchInfiniteQuery(favoriteQueries.list(client, listFilter(readFilter(new URLSearchParams(location.search)))))
  }, [connected, client, queryClient])
  const refused = check.error instanceof ApiError && check.error.unauthorized ? check.error : undefined
  const nobody = check.data === null || refused !== undefined
  if (userId) return <FavoritesPage />
  if (open && !nobody) {
    // A kept copy is shown at once, before any answer; the check then says who is connected.
    if (user) return <FavoritesPage />
    if (check.isError) return <Crash error={check.error} />
    // Waiting for the check (a session connects just after it), unless there is no network for it.
    if (check.fetchStatus !== 'paused') return null
  }
  return (
    <Suspense>
      {/* Not connected at all is no news; a session that ended (a forged cookie, a new server key) is. */}
      <ConnectScreen reason={endedBecause ?? (refused?.code === 'SESSION.ENDED' ? refused.msg : undefined)} />
    </Suspense>
  )
}

export function App({ baseUrl = window.location.origin }: { baseUrl?: string }) {
  const [clients] = useState(() =>
    makeAppClients(
      createClient({
        baseUrl,
        getLanguage: () => (document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en-US'),
      }),
    ),
  )
  const { user } = useSession()
  // The service worker is registered once the first screen is done (its precache would compete
  // with the first thumbnails otherwise), as Workbox advises.
  const [idle, setIdle] = useState(false)
  useEffect(() => whenIdle(() => setIdle(true), 3000), [])
  useEffect(() => {
    const outbox = startOutbox({
      queryClient: clients.queryClient,
      starMutation: clients.starMutation,
      user: () => session.getState().user,
    })
    // Disconnect: nothing of that user stays behind (their copy, their queued changes, thumbnails).
    let last = session.getState().user
    const unsubscribe = session.subscribe(() => {
      const now = session.getState().user
      if (last && !now) void forgetStored(last)
      if (now) void outbox.adopt()
      last = now
    })
    return () => {
      unsubscribe()
      outbox()
    }
  }, [clients])
  return (
    <I18nProvider>
      <ErrorBoundary fallback={(error) => <Crash error={error} />}>
        <AppProviders {...clients} user={user}>
          <BrowserRouter>
            <Shell />
          </BrowserRouter>
          <Suspense>{idle && <UpdatePrompt />}</Suspense>
        </AppProviders>
      </ErrorBoundary>
    </I18nProvider>
  )
}
