import { expect, it } from 'vitest'
import { openPage, withBrowserAndServer } from './harness'

const app = withBrowserAndServer({ demoFiles: 300 })

it('loads the app and shows demo favorites coming from the server', async () => {
  const { page, context, errors } = await openPage(app.browser, app.server)
  const first = app.server.app.store!.list({ limit: 1, descending: true })[0]!
  await page.getByText(first.name, { exact: true }).first().waitFor()
  const thumbnails = page.locator('img[src*="/obs/thumbnails/"]')
  await thumbnails.first().waitFor()
  await expect.poll(() => thumbnails.count()).toBeGreaterThan(0)
  await expect.poll(() => page.title()).toBe('KooDrive Favorites')
  expect(errors).toEqual([])
  await context.close()
})
