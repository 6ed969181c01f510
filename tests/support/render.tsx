// Renders app pieces with fresh providers, talking to a real server through the real client.
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { createClient, type KooDriveClient } from '../../src/api/client'
import { AppProviders, makeAppClients } from '../../src/app/app'
import { I18nProvider } from '../../src/lib/i18n'
import { session } from '../../src/lib/session'
import { TOKEN, USER } from './server'

/** A client that signs its own calls, as KooDrive's pages describe (the app's goes through the session cookie). */
export function testClient(baseUrl: string, fetchImpl?: typeof fetch): KooDriveClient {
  return createClient({ baseUrl, getCredentials: () => ({ token: TOKEN, userId: USER }), fetch: fetchImpl })
}

export function renderWithApp(ui: ReactNode, { client, route = '/' }: { client: KooDriveClient; route?: string }) {
  session.connect(USER)
  // The app's router: the page makes its changes to the URL as it is now (window.location).
  window.history.replaceState(null, '', route)
  // The app's own query client (its mutation defaults are part of what is tested), without retries.
  const clients = makeAppClients(client)
  const { queryClient } = clients
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } })
  return {
    queryClient,
    ...render(
      <I18nProvider initial="en">
        <AppProviders {...clients}>
          <BrowserRouter>{ui}</BrowserRouter>
        </AppProviders>
      </I18nProvider>,
    ),
  }
}
