// `npm run screenshots`: the README's and the manifest's pictures, taken from the built app
// against the embedded server's demo library at the pinned "now", each checked for its size.
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { newContext, quiet, rowsBelowFold, withBrowserAndServer } from '../support/browser'

const app = withBrowserAndServer({ demoFiles: 600 })
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

type Shot = { file: string; viewport: typeof DESKTOP; dark?: boolean; url?: string; then?: (page: Page) => Promise<void> }

const SHOTS: Shot[] = [
  { file: 'desktop.png', viewport: DESKTOP },
  { file: 'phone-light.png', viewport: PHONE },
  { file: 'phone-dark.png', viewport: PHONE, dark: true },
  {
    file: 'phone-options-dark.png',
    viewport: PHONE,
    dark: true,
    then: (page) => page.getByRole('button', { name: 'View options' }).click(),
  },
  // The search, as a user finds a photo by a word of its name.
  { file: 'search-desktop-light.png', viewport: DESKTOP, url: '/?q=photo' },
  { file: 'search-desktop-dark.png', viewport: DESKTOP, dark: true, url: '/?q=photo' },
  { file: 'search-phone-light.png', viewport: PHONE, url: '/?q=%E7%85%A7%E7%89%87' },
  { file: 'search-phone-dark.png', viewport: PHONE, dark: true, url: '/?q=photo' },
]

it.each(SHOTS)('takes public/screenshots/$file', async ({ file, viewport, dark, url = '/', then }) => {
  const context = await newContext(app.browser, app.server, { viewport, colorScheme: dark ? 'dark' : 'light' })
  const page = await context.newPage()
  await page.goto(new URL(url, app.server.url).href)
  await page.getByRole('grid', { name: 'Favorites' }).locator('img').first().waitFor()
  await quiet(page)
  await rowsBelowFold(page)
  // The seed's deleted files bring the "went away" notice: the pictures show the grid without it.
  await page.getByRole('button', { name: 'Dismiss' }).click()
  // A search has looked through every favorite.
  if (url.includes('q=')) await page.getByRole('status').filter({ hasText: 'matches in' }).waitFor()
  await then?.(page)
  // Every thumbnail in view has arrived and is decoded.
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('main img')].every((img) => (img as HTMLImageElement).complete)))
    .toBe(true)
  const png = await page.screenshot({ path: `public/screenshots/${file}` })
  await context.close()
  // A PNG's width and height are the big-endian words at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([viewport.width, viewport.height])
  expect(fs.statSync(`public/screenshots/${file}`).size).toBe(png.length)
})
