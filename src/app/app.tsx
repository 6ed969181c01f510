// The app shell: configuration, API client, query client, router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router-dom'
import { createClient, type KooDriveClient } from '../api/client'
import { FavoritesPage } from '../favorites/favorites-page'
import { ClientContext } from './client-context'
import { loadAppConfig, session } from './session'

function makeClient(): KooDriveClient {
  return createClient({
    baseUrl: window.location.origin,
    getCredentials: session.get,
    getLanguage: () => navigator.language || 'en-US',
  })
}

export function App() {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  const [client] = useState(makeClient)
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading')

  useEffect(() => {
    const controller = new AbortController()
    loadAppConfig(controller.signal)
      .then((config) => {
        if (config.mode === 'demo' && config.token && config.userId && !session.get()) {
          session.set({ token: config.token, userId: config.userId })
        }
        setState('ready')
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState(error instanceof Error ? error : new Error(String(error)))
      })
    return () => controller.abort()
  }, [])

  if (state === 'loading') return <p className="p-6 text-slate-600">Loading…</p>
  if (state instanceof Error) return <p role="alert" className="p-6 text-red-700">{state.message}</p>
  return (
    <QueryClientProvider client={queryClient}>
      <ClientContext value={client}>
        <BrowserRouter>
          <Routes>
            <Route path="*" element={<FavoritesPage />} />
          </Routes>
        </BrowserRouter>
      </ClientContext>
    </QueryClientProvider>
  )
}
