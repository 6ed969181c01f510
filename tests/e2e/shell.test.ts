// What a newcomer meets first: Connect (proxy mode), in the theme they chose, from the first paint.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { openPage, startAppServer, withBrowserAndServer } from './harness'

const app = withBrowserAndServer({ demoFiles: 300 })
let proxy: RunningServer
beforeAll(async () => {
  proxy = await startAppServer({ apiUrl: new URL(app.server.url) })
})
afterAll(() => proxy?.close())

/** Lightness 0..1 of a computed colour, which Tailwind 4 gives in oklch (or the browser in rgb). */
function lightness(color: string): number {
  const oklch = /^oklch\(([\d.]+)(%?)/.exec(color)
  if (oklch) return Number(oklch[1]) / (oklch[2] ? 100 : 1)
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number)
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255
}
const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor)

describe('the theme', () => {
  it('follows a dark system on Connect, with no script needed for it', async () => {
    const { page, context } = await openPage(app.browser, app.server, proxy.url, { colorScheme: 'dark' })
    await page.getByRole('heading', { name: 'Connect to KooDrive' }).waitFor()
    expect(lightness(await background(page, 'body'))).toBeLessThan(0.3)
    expect(lightness(await background(page, 'form'))).toBeLessThan(0.3)
    await context.close()
  })

  it('puts a chosen theme on <html> before the app renders, so Connect starts dark too', async () => {
    const { page, context } = await openPage(app.browser, app.server, 'about:blank', { colorScheme: 'light' })
    await page.addInitScript(() => {
      localStorage.setItem('koodrive.theme', 'dark')
      document.addEventListener('DOMContentLoaded', () => {
        ;(window as unknown as { atLoad: unknown }).atLoad = {
          dark: document.documentElement.classList.contains('dark'),
          rendered: document.getElementById('root')!.childElementCount,
        }
      })
    })
    await page.goto(proxy.url)
    await page.getByRole('heading', { name: 'Connect to KooDrive' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { atLoad: unknown }).atLoad)).toEqual({ dark: true, rendered: 0 })
    expect(lightness(await background(page, 'form'))).toBeLessThan(0.3)
    await context.close()
  })

  it('keeps a chosen light theme on a dark system', async () => {
    const { page, context } = await openPage(app.browser, app.server, 'about:blank', { colorScheme: 'dark' })
    await page.addInitScript(() => localStorage.setItem('koodrive.theme', 'light'))
    await page.goto(proxy.url)
    await page.getByRole('heading', { name: 'Connect to KooDrive' }).waitFor()
    expect(lightness(await background(page, 'body'))).toBeGreaterThan(0.9)
    expect(lightness(await background(page, 'form'))).toBeGreaterThan(0.9)
    await context.close()
  })
})
