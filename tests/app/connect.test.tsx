// Connect and the session: refusals say why, a 401 later brings Connect back, Disconnect forgets.
import { screen, waitFor, within } from '@testing-library/react'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, beforeEach, expect, it, onTestFinished } from 'vitest'
import { App } from '../../src/app/app'
import { session } from '../../src/lib/session'
import type { RunningServer } from '../../src/server/app'
import type { ServerConfig } from '../../src/server/config'
import { TOKEN, USER, testConfig } from '../support/server'
import { startServer } from '../../src/server/app'
import { browserCookies } from '../support/browser-cookies'

let server: RunningServer
let config: ServerConfig
beforeAll(async () => {
  config = testConfig({ demoFiles: 12 })
  server = await startServer(config)
})
afterAll(() => server.close())
beforeEach(() => {
  session.disconnect()
  config.demoToken = TOKEN
  localStorage.setItem('koodrive.locale', 'en')
  window.history.replaceState(null, '', '/') // the App's BrowserRouter reads jsdom's shared URL
})

async function connect(user: ReturnType<typeof userEvent.setup>, token: string, userId: string) {
  await user.type(screen.getByLabelText('Access token'), token)
  await user.type(screen.getByLabelText('User ID'), userId)
  await user.click(screen.getByRole('button', { name: 'Connect' }))
}

it('opens the demo library straight away, with no form, and the page never holds the token', async () => {
  const jar = browserCookies(server.url)
  render(<App baseUrl={server.url} />)
  expect(await screen.findByRole('grid', { name: 'Favorites' })).toBeInTheDocument()
  expect(session.getState().userId).toBe(USER)
  expect(jar.has('koodrive_session')).toBe(true)
  expect(JSON.stringify({ ...localStorage, ...sessionStorage, ...session.getState() })).not.toContain(TOKEN)
})

it('shows Connect in proxy mode, says why KooDrive refused the credentials, and connects with the right ones', async () => {
  const user = userEvent.setup()
  const proxy = await startServer(testConfig({ apiUrl: new URL(server.url) }))
  onTestFinished(() => proxy.close())
  const jar = browserCookies(proxy.url)
  render(<App baseUrl={proxy.url} />)
  await screen.findByRole('heading', { name: 'Connect to KooDrive' })
  expect(screen.getByText(/An administrator creates both/)).toBeInTheDocument()

  await connect(user, 'wrong-token', USER)
  expect(await screen.findByText('KooDrive refused these credentials: The access token is invalid or has expired')).toBeInTheDocument()
  // The refusal cleared the session: no cookie outlives a wrong token.
  expect(jar.size).toBe(0)
  await user.clear(screen.getByLabelText('Access token'))
  await user.clear(screen.getByLabelText('User ID'))
  await connect(user, TOKEN, 'someone-else')
  expect(await screen.findByText('KooDrive refused these credentials: X-User-Id does not match the access token')).toBeInTheDocument()

  await user.clear(screen.getByLabelText('Access token'))
  await user.clear(screen.getByLabelText('User ID'))
  await connect(user, TOKEN, USER)
  expect(await screen.findByRole('grid', { name: 'Favorites' })).toBeInTheDocument()
  // The server holds the token, sealed in the cookie; the page knows only the user.
  expect(session.getState().userId).toBe(USER)
  expect(jar.get('koodrive_session')?.value).not.toContain(TOKEN)
  expect(JSON.stringify({ ...sessionStorage, ...localStorage, ...session.getState() })).not.toContain(TOKEN)
})

it('rides out a transient 500 at Connect, and the first page it loads is the check: no extra round trip', async () => {
  const user = userEvent.setup()
  const proxy = await startServer(testConfig({ apiUrl: new URL(server.url) }))
  onTestFinished(() => proxy.close())
  const lists: string[] = []
  const listener = (req: { url?: string }) => void (req.url?.includes('/star/files') && lists.push(req.url))
  proxy.server.prependListener('request', listener)
  render(<App baseUrl={proxy.url} />)
  await screen.findByRole('heading', { name: 'Connect to KooDrive' })
  // Fault injection: the app's first API call after Connect meets a backend hiccup (the proxy's
  // own upstream calls, made with the same global fetch in this process, are left alone).
  let failures = 1
  browserCookies(proxy.url, (url) =>
    url.pathname.startsWith('/koodrive/ose/') && failures-- > 0
      ? new Response(JSON.stringify({ code: 'APIGW.0101', msg: 'Backend unavailable' }), { status: 500 })
      : undefined,
  )
  await connect(user, TOKEN, USER)
  expect(await screen.findByRole('grid', { name: 'Favorites' }, { timeout: 5_000 })).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(failures).toBe(-1) // the 500 was met, and the call after it went through
  // One list request reached KooDrive: the first page, full size, which the grid then showed.
  expect(lists).toHaveLength(1)
  expect(new URL(lists[0]!, proxy.url).searchParams.get('pageSize')).toBe('100')
})

it('brings Connect back with the reason when the token stops working, then returns to the list', async () => {
  const user = userEvent.setup()
  browserCookies(server.url)
  render(<App baseUrl={server.url} />)
  await screen.findByRole('grid', { name: 'Favorites' })
  config.demoToken = 'rotated-token' // the server revokes the token
  await user.selectOptions(screen.getByRole('combobox', { name: 'File type' }), 'images')
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Your session ended: The access token is invalid or has expired')
  await connect(user, 'rotated-token', USER)
  expect(await screen.findByRole('combobox', { name: 'File type' })).toHaveValue('images')
})

it('forgets the user on Disconnect, once the server has ended the session', async () => {
  const user = userEvent.setup()
  const jar = browserCookies(server.url)
  render(<App baseUrl={server.url} />)
  const grid = await screen.findByRole('grid', { name: 'Favorites' })
  expect(within(grid).getAllByRole('gridcell').length).toBeGreaterThan(0)
  await user.click(screen.getByRole('button', { name: 'Disconnect' }))
  expect(await screen.findByRole('heading', { name: 'Connect to KooDrive' })).toBeInTheDocument()
  expect(jar.size).toBe(0)
  expect(session.getState().userId).toBeUndefined()
  expect(localStorage.getItem('koodrive.user')).toBeNull()
})

it('switches to Simplified Chinese, remembers it, and sends it as the language header', async () => {
  const user = userEvent.setup()
  const languages: (string | undefined)[] = []
  const listener = (req: { url?: string; headers: Record<string, unknown> }) => {
    if (req.url?.includes('/star/files')) languages.push(req.headers.language as string | undefined)
  }
  server.server.prependListener('request', listener)
  onTestFinished(() => void server.server.off('request', listener))
  browserCookies(server.url)
  render(<App baseUrl={server.url} />)
  await screen.findByRole('grid', { name: 'Favorites' })
  expect(languages).toEqual(['en-US'])
  await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '简体中文')
  expect(await screen.findByRole('grid', { name: '收藏夹' })).toBeInTheDocument()
  expect(localStorage.getItem('koodrive.locale')).toBe('zh-CN')
  await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN')) // set in an effect after the render
  await user.selectOptions(screen.getByRole('combobox', { name: '文件类型' }), '图片')
  await waitFor(() => expect(languages).toHaveLength(2))
  expect(languages[1]).toBe('zh-CN')
})

it('switches to the dark theme and remembers it', async () => {
  const user = userEvent.setup()
  browserCookies(server.url)
  render(<App baseUrl={server.url} />)
  await screen.findByRole('grid', { name: 'Favorites' })
  await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Dark')
  expect(document.documentElement).toHaveClass('dark')
  expect(localStorage.getItem('koodrive.theme')).toBe('dark')
  await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Light')
  expect(document.documentElement).not.toHaveClass('dark')
})
