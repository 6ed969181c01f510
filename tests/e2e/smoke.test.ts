import { expect, it } from 'vitest'
import { newContext, withBrowserAndServer } from '../support/browser'

const app = withBrowserAndServer({ demoFiles: 300 })

it('loads the app and shows demo favorites coming from the server', async () => {
  const context = await newContext(app.browser, app.server)
  const scripts: string[] = []
  context.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(app.server.url)
  const first = app.server.app.store!.list({ limit: 1, descending: true })[0]!
  await page.getByText(first.name, { exact: true }).first().waitFor()
  const thumbnails = page.locator('img[src*="/obs/thumbnails/"]')
  await thumbnails.first().waitFor()
  await expect.poll(() => thumbnails.count()).toBeGreaterThan(0)
  await expect.poll(() => page.title()).toBe('KooDrive Favorites')
  expect(errors).toEqual([])
  // The demo connects by itself: the Connect screen is never rendered, so its code is not fetched.
  expect(scripts.filter((s) => s.startsWith('/assets/index-'))).toHaveLength(1)
  expect(scripts.filter((s) => s.includes('connect-screen'))).toEqual([])
  await context.close()
})
