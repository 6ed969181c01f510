// The app shell: configuration, language, API client, query client, router, Connect.
import { QueryCache, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { ApiError, createClient, type KooDriveClient } from '../api/client'
import { shouldRetry } from '../api/queries'
import { starMutationOptions, type StarMutationOptions } from '../api/star-mutation'
import { FavoritesPage } from '../favorites/favorites-page'
import { ClientContext, StarMutationContext } from '../lib/client-context'
import { I18nProvider, useI18n } from '../lib/i18n'
import { loadAppConfig, session, useSession } from '../lib/session'
import { Button } from '../ui/controls'
import { ErrorBoundary } from './error-boundary'

// Connect is a chunk of its own: most starts (a session, the demo) never show it. With no
// session at boot it is fetched at once, beside the configuration, so it costs no round trip.
const loadConnect = () => import('./connect-screen')
const ConnectScreen = lazy(() => loadConnect().then((m) => ({ default: m.ConnectScreen })))

export interface AppClients {
  client: KooDriveClient
  queryClient: QueryClient
  starMutation: StarMutationOptions
}

export function makeAppClients(client: KooDriveClient): AppClients {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.unauthorized) session.expire(error.msg)
      },
    }),
    defaultOptions: {
      queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: shouldRetry },
    },
  })
  const starMutation = starMutationOptions(client, {
    reauthorize: (error) => {
      const userId = session.credentials()?.userId ?? session.getState().previousUserId
      session.expire(error.msg)
      return session.reconnected(userId)
    },
  })
  // The same object the screens pass to useMutation: a change resumed with only its key and
  // variables (after a 401, or from storage) runs exactly what a click runs.
  queryClient.setMutationDefaults(starMutation.mutationKey, starMutation)
  return { client, queryClient, starMutation }
}

export function AppProviders({ client, queryClient, starMutation, children }: AppClients & { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ClientContext value={client}>
        <StarMutationContext value={starMutation}>{children}</StarMutationContext>
      </ClientContext>
    </QueryClientProvider>
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

/** The start-up facts: which mode the server runs in, and the demo library's credentials. */
function useAppConfig(baseUrl: string) {
  return useQuery({
    queryKey: ['app-config', baseUrl],
    queryFn: async ({ signal }) => {
      const config = await loadAppConfig(baseUrl, signal)
      // Demo mode opens straight onto the demo library; its credentials travel like real ones.
      if (config.mode === 'demo' && config.token && config.userId && !session.credentials()) {
        session.connect({ token: config.token, userId: config.userId })
      }
      return config
    },
    staleTime: Infinity,
    gcTime: Infinity,
  })
}

function Shell({ baseUrl }: { baseUrl: string }) {
  const config = useAppConfig(baseUrl)
  const { credentials, endedBecause } = useSession()
  if (config.isPending) return null
  if (config.isError) return <Crash error={config.error} />
  if (!credentials)
    return (
      <Suspense>
        <ConnectScreen baseUrl={baseUrl} reason={endedBecause} />
      </Suspense>
    )
  // One screen, whatever the path: the router keeps the view (filters, the preview) in the URL.
  return <FavoritesPage />
}

export function App({ baseUrl = window.location.origin }: { baseUrl?: string }) {
  useEffect(() => {
    if (!session.credentials()) void loadConnect()
  }, [])
  const [clients] = useState(() =>
    makeAppClients(
      createClient({
        baseUrl,
        getCredentials: session.credentials,
        getLanguage: () => (document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en-US'),
      }),
    ),
  )
  return (
    <I18nProvider>
      <ErrorBoundary fallback={(error) => <Crash error={error} />}>
        <AppProviders {...clients}>
          <BrowserRouter>
            <Shell baseUrl={baseUrl} />
          </BrowserRouter>
        </AppProviders>
      </ErrorBoundary>
    </I18nProvider>
  )
}
