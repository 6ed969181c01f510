import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { launchBrowser, openPage, startAppServer } from './harness'

let browser: Browser
let server: RunningServer
beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchBrowser(), startAppServer({ demoFiles: 300 })])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

it('loads the app and shows demo favorites coming from the server', async () => {
  const { page, context, errors } = await openPage(browser, server.url)
  const first = server.app.store!.list({ limit: 1, descending: true })[0]!
  await page.getByText(first.name, { exact: true }).first().waitFor()
  const thumbnails = page.locator('img[src*="/obs/thumbnails/"]')
  await thumbnails.first().waitFor()
  expect(await thumbnails.count()).toBeGreaterThan(0)
  expect(await page.title()).toBe('KooDrive Favorites')
  expect(errors).toEqual([])
  await context.close()
})
