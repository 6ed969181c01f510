// What a newcomer meets first: Connect (proxy mode), in the theme they chose, from the first paint.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { openPage, startAppServer, withBrowserAndServer } from '../support/browser'

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
const background = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor)

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

/** The boxes of the visible controls in a bar, and the bar's own box. */
async function line(page: Page, bar: ReturnType<Page['locator']>) {
  return bar.evaluate((el) => {
    const boxes = [...el.querySelectorAll('button, select, input, h1')]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right }))
    const own = el.getBoundingClientRect()
    return { boxes, bar: { top: own.top, bottom: own.bottom, right: own.right, height: own.height } }
  })
}
/** Every control shares one horizontal band with the first, and none leaves the bar. */
function oneLine({ boxes, bar }: Awaited<ReturnType<typeof line>>) {
  const middle = (boxes[0]!.top + boxes[0]!.bottom) / 2
  return boxes.every((b) => b.top < middle && b.bottom > middle && b.right <= bar.right + 0.5 && b.bottom <= bar.bottom + 0.5)
}

describe.each([360, 390, 768])('on a %i px wide screen', (width) => {
  it('keeps the header and the selection toolbar on one line; the other view settings are in a sheet', async () => {
    const { page, context } = await openPage(app.browser, app.server, app.server.url, { viewport: { width, height: 844 }, hasTouch: true })
    const header = page.getByRole('banner')
    await page.getByRole('grid', { name: 'Favorites' }).getByRole('gridcell').first().waitFor()
    const top = await line(page, header)
    expect(top.boxes.length).toBe(4) // title, the search (a button on a phone), file type, View options
    expect(oneLine(top)).toBe(true)
    expect(await page.getByRole('combobox', { name: 'Sort' }).count()).toBe(0)

    await header.getByRole('button', { name: 'View options' }).click()
    const sheet = page.getByRole('dialog', { name: 'View options' })
    await sheet.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Oldest first' })
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('oldest')
    for (const name of ['Thumbnail size', 'Language', 'Theme']) expect(await sheet.getByRole('combobox', { name }).count()).toBe(1)
    for (const name of ['Keyboard shortcuts', 'Disconnect']) expect(await sheet.getByRole('button', { name }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('View options')

    // The selection toolbar, in the header's place, on one line too, its buttons named in full.
    const cells = page.getByRole('grid', { name: 'Favorites' }).getByRole('gridcell')
    await cells.first().click({ modifiers: ['Control'] })
    await cells.nth(1).click({ modifiers: ['Control'] })
    const toolbar = page.getByRole('toolbar', { name: 'Selection' })
    await toolbar.getByText('2 selected').waitFor()
    const bar = await line(page, toolbar)
    expect(oneLine(bar)).toBe(true)
    expect(bar.bar.height).toBe(top.bar.height)
    for (const name of ['Download', 'Remove from favorites', 'Clear selection'])
      expect(await toolbar.getByRole('button', { name }).count()).toBe(1)
    await context.close()
  })
})

it('on a phone, a search left open closes to the icon and its query: the file type and the view options are back', async () => {
  const { page, context } = await openPage(app.browser, app.server, app.server.url, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  })
  const header = page.getByRole('banner')
  const cells = page.getByRole('grid', { name: 'Favorites' }).getByRole('gridcell')
  await cells.first().waitFor()
  await header.getByRole('button', { name: 'Search', exact: true }).click()
  const field = header.getByRole('searchbox', { name: 'Search favorites by name' })
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
  await field.fill('photo')
  // A tap outside the field (here the search's status line) leaves it.
  await page.getByText(/matches in/).click()
  const chip = header.getByRole('button', { name: 'Search: photo' })
  await chip.waitFor()
  expect(await field.isVisible()).toBe(false)
  const top = await line(page, header)
  expect(top.boxes.length).toBe(4) // title, the search and its query, file type, View options
  expect(oneLine(top)).toBe(true)
  // The query takes the short title's room: the heading keeps its icon and its name, no "Fav…".
  const heading = header.getByRole('heading', { name: 'KooDrive Favorites' })
  expect(await heading.evaluate((h) => [...h.querySelectorAll('[aria-hidden=true]')].map((el) => getComputedStyle(el).display))).toEqual([
    'none',
  ])
  expect(new URL(page.url()).searchParams.get('q')).toBe('photo')
  await chip.click()
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
  expect(await field.inputValue()).toBe('photo')
  await context.close()
})

it('shows every setting on the header line of a wide screen, and follows the window to narrow and back', async () => {
  const { page, context } = await openPage(app.browser, app.server)
  const header = page.getByRole('banner')
  await header.getByRole('combobox', { name: 'Sort' }).waitFor()
  expect(oneLine(await line(page, header))).toBe(true)
  expect(await header.getByRole('button', { name: 'View options' }).count()).toBe(0)
  await page.setViewportSize({ width: 390, height: 844 })
  await header.getByRole('button', { name: 'View options' }).waitFor()
  expect(await header.getByRole('combobox', { name: 'Sort' }).count()).toBe(0)
  await page.setViewportSize({ width: 1280, height: 800 })
  await header.getByRole('combobox', { name: 'Sort' }).waitFor()
  expect(await header.getByRole('button', { name: 'View options' }).count()).toBe(0)
  await context.close()
})
