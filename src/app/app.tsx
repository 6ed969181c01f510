// The app shell: configuration, language, API client, query client, router, Connect.
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router-dom'
import { ApiError, createClient, type KooDriveClient } from '../api/client'
import { registerStarMutation } from '../api/optimistic'
import { shouldRetry } from '../api/queries'
import { FavoritesPage } from '../favorites/favorites-page'
import { Button } from '../ui/controls'
import { ClientContext } from '../lib/client-context'
import { ConnectScreen } from './connect-screen'
import { ErrorBoundary } from './error-boundary'
import { I18nProvider, useI18n } from '../lib/i18n'
import { loadAppConfig, session, useSession } from '../lib/session'

export function makeQueryClient(client: KooDriveClient): QueryClient {
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
  registerStarMutation(queryClient, client, {
    reauthorize: (error) => {
      const userId = session.credentials()?.userId ?? session.getState().previousUserId
      session.expire(error.msg)
      return session.reconnected(userId)
    },
  })
  return queryClient
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

function Shell({ baseUrl }: { baseUrl: string }) {
  const { credentials, endedBecause } = useSession()
  if (!credentials) return <ConnectScreen baseUrl={baseUrl} reason={endedBecause} />
  return (
    <Routes>
      <Route path="*" element={<FavoritesPage />} />
    </Routes>
  )
}

export function App({ baseUrl = window.location.origin }: { baseUrl?: string }) {
  const [client] = useState(() =>
    createClient({
      baseUrl,
      getCredentials: session.credentials,
      getLanguage: () => (document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en-US'),
    }),
  )
  const [queryClient] = useState(() => makeQueryClient(client))
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading')

  useEffect(() => {
    const controller = new AbortController()
    loadAppConfig(baseUrl, controller.signal)
      .then((config) => {
        // Demo mode opens straight onto the demo library; its credentials travel like real ones.
        if (config.mode === 'demo' && config.token && config.userId && !session.credentials()) {
          session.connect({ token: config.token, userId: config.userId })
        }
        setState('ready')
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState(error instanceof Error ? error : new Error(String(error)))
      })
    return () => controller.abort()
  }, [baseUrl])

  return (
    <I18nProvider>
      <ErrorBoundary fallback={(error) => <Crash error={error} />}>
        {state === 'loading' ? null : state instanceof Error ? (
          <Crash error={state} />
        ) : (
          <QueryClientProvider client={queryClient}>
            <ClientContext value={client}>
              <BrowserRouter>
                <Shell baseUrl={baseUrl} />
              </BrowserRouter>
            </ClientContext>
          </QueryClientProvider>
        )}
      </ErrorBoundary>
    </I18nProvider>
  )
}
