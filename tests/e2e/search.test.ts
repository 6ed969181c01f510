// Search by name and sort by name, in Chromium against the real server with 3,000 favorites:
// both need every favorite, so the remaining pages load in the background.
import type { Page, Request } from 'playwright-core'
import { afterEach, expect, it } from 'vitest'
import { makeI18n } from '../../src/lib/i18n'
import { FILE_TYPES } from '../../src/wire/format'
import type { ApiCall } from '../../src/server/config'
import { openPage, quiet, withBrowserAndServer } from '../support/browser'

/** List calls wait for this while a test holds them (to press Cancel while pages load). */
let hold: Promise<void> | undefined
const app = withBrowserAndServer({ demoFiles: 3000, latency: (call: ApiCall) => (call.kind === 'list' ? hold : undefined) })
afterEach(() => {
  hold = undefined
  app.server.app.store!.db.prepare('UPDATE files SET starred = 1').run()
})

const PAGES = 30
const isList = (r: Request) => r.url().includes('/koodrive/ose/v1/star/files')
const grid = (page: Page) => page.getByRole('grid', { name: 'Favorites' })
const cells = (page: Page) => grid(page).getByRole('gridcell')
const cellNames = (page: Page) => cells(page).evaluateAll((els) => els.map((el) => el.querySelector('bdi')!.textContent!))
const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search favorites by name' })
const status = (page: Page) => page.getByRole('status').filter({ hasText: /match|Searching|No favorite named/ })
const fold = (s: string) => s.normalize('NFKC').toLowerCase()

/** The server's favorites in its own order (newest first), with whether an administrator pinned them. */
const serverOrder = () =>
  app.server.app
    .store!.db.prepare('SELECT id, name, locked, size FROM files WHERE starred = 1 ORDER BY starred_time DESC, id DESC')
    .all() as {
    id: string
    name: string
    locked: number
    size: number
  }[]

async function openWithListRequests(url = app.server.url) {
  const session = await openPage(app.browser, app.server, 'about:blank')
  const requests: string[] = []
  session.page.on('request', (r) => isList(r) && requests.push(r.url()))
  await session.page.goto(url)
  await cells(session.page).first().waitFor()
  await quiet(session.page)
  return { ...session, requests }
}

it('finds, as it is typed, a favorite that was not loaded when typing began, loading the rest one page at a time', async () => {
  const { page, context, requests, errors } = await openWithListRequests()
  const oldest = serverOrder().at(-1)!
  expect(requests.length).toBeLessThan(PAGES)
  await searchbox(page).pressSequentially(oldest.name)
  await cells(page).filter({ hasText: oldest.name }).first().waitFor()
  await expect.poll(() => status(page).textContent()).toMatch(/^\d+ match(es)? in [\d,]+ favorites$/)
  // Every page once, in order: each asked for with the cursor the one before it gave.
  expect(requests).toHaveLength(PAGES)
  expect(new Set(requests.map((u) => new URL(u).searchParams.get('pageCursor'))).size).toBe(PAGES)
  for (const name of await cellNames(page)) expect(fold(name)).toContain(fold(oldest.name))
  // Each word of the query is marked in the name.
  expect((await cells(page).first().locator('mark').allTextContents()).join(' ')).toBe(oldest.name.split(/\s+/).join(' '))
  expect(new URL(page.url()).searchParams.get('q')).toBe(oldest.name)
  expect(errors).toEqual([])
  await context.close()
})

it('finds Chinese names by a fragment, and half-width names by a full-width query', async () => {
  const { page, context } = await openWithListRequests()
  await searchbox(page).fill('总结')
  await expect.poll(() => status(page).textContent()).toMatch(/matches in/)
  const chinese = await cellNames(page)
  expect(chinese.length).toBeGreaterThan(0)
  for (const name of chinese) expect(name).toContain('总结')

  await searchbox(page).fill('ＰＨＯＴＯ')
  await expect.poll(async () => (await cellNames(page)).every((n) => /photo/i.test(n))).toBe(true)
  const fullWidth = await status(page).textContent()
  await searchbox(page).fill('photo')
  await expect.poll(() => status(page).textContent()).toBe(fullWidth)
  expect(fullWidth).toMatch(/^\d+ matches in/)
  await context.close()
})

it('combines with the file type: only that type is asked for, and searched', async () => {
  const { page, context, requests } = await openWithListRequests(`${app.server.url}/?type=word&q=report`)
  await expect.poll(() => status(page).textContent()).toMatch(/^\d+ matches in [\d,]+ favorites$/)
  const names = await cellNames(page)
  expect(names.length).toBeGreaterThan(0)
  for (const name of names) expect(name).toMatch(/report/i)
  const types = new Set(requests.map((u) => new URL(u).searchParams.get('fileType')))
  expect(types).toEqual(new Set([String(FILE_TYPES.word)]))
  expect(requests.length).toBeGreaterThan(1)
  await context.close()
})

it('keeps the query through a reload; Back leaves the search, and Esc clears it and returns to the grid', async () => {
  const { page, context } = await openWithListRequests()
  await searchbox(page).fill('photo')
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('photo')
  await page.reload()
  await expect.poll(() => searchbox(page).inputValue()).toBe('photo')
  await expect.poll(() => status(page).textContent()).toMatch(/matches in/)
  for (const name of await cellNames(page)) expect(name).toMatch(/photo/i)

  await page.goBack()
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(null)
  await expect.poll(() => searchbox(page).inputValue()).toBe('')
  expect(await status(page).count()).toBe(0)

  // `/` focuses the field from the grid; Esc clears it and puts the focus back on the grid.
  await cells(page).first().focus()
  await page.keyboard.press('/')
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
  // Esc straight after the keys: the URL may not have rendered the query yet.
  await page.keyboard.type('report')
  await page.keyboard.press('Escape')
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(null)
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell')
  await context.close()
})

it('removes from the results at once, and Undo brings the file back into them', async () => {
  const { page, context } = await openWithListRequests()
  const target = serverOrder().find((f) => !f.locked && /photo/i.test(f.name))!
  await searchbox(page).fill(target.name)
  await expect.poll(() => status(page).textContent()).toMatch(/match(es)? in/)
  const before = await cellNames(page)
  expect(before).toContain(target.name)
  const at = before.indexOf(target.name)
  await cells(page).nth(at).click()
  // The toolbar says how much is selected.
  const summary = page.getByRole('toolbar', { name: 'Selection' }).getByText(/^· /)
  await expect.poll(() => summary.textContent()).toBe(`· ${makeI18n('en').size(target.size)}`)
  await page.keyboard.press('Delete')
  await expect
    .poll(async () => (await cellNames(page)).filter((n) => n === target.name).length)
    .toBe(before.filter((n) => n === target.name).length - 1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => cellNames(page)).toEqual(before)
  await quiet(page)
  expect((app.server.app.store!.db.prepare('SELECT starred FROM files WHERE id = ?').get(target.id) as { starred: number }).starred).toBe(1)
  await context.close()
})

it('steps the preview through the matches only', async () => {
  const { page, context } = await openWithListRequests()
  await searchbox(page).fill('photo')
  await expect.poll(() => status(page).textContent()).toMatch(/matches in/)
  const names = await cellNames(page)
  await cells(page).first().dblclick()
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(names[0])
  await dialog.getByRole('button', { name: 'Next' }).click()
  await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(names[1])
  await dialog.getByRole('button', { name: 'Next' }).click()
  await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(names[2])
  for (const name of names.slice(0, 3)) expect(name).toMatch(/photo/i)
  await context.close()
})

it('steps the preview from the last match loaded to the next match, loading on past files that do not match', async () => {
  const { page, context } = await openWithListRequests()
  let release!: () => void
  hold = new Promise((resolve) => (release = resolve))
  await searchbox(page).fill('photo')
  await page.getByRole('button', { name: 'Stop' }).click()
  hold = undefined
  release()
  await expect.poll(() => status(page).textContent()).toMatch(/matches in the first/)
  await quiet(page)
  const checked = Number(/first ([\d,]+)/.exec((await status(page).textContent())!)![1]!.replaceAll(',', ''))
  const all = serverOrder()
  const matching = (f: { name: string }) => fold(f.name).includes('photo')
  const [lastLoaded, nextMatch] = [all.slice(0, checked).findLast(matching)!, all.slice(checked).find(matching)!]
  // The file right after the loaded ones is not a match: Next must not stop there.
  expect(matching(all[checked]!)).toBe(false)
  // The grid asks for the next page when its end comes into view: held, so the last match loaded stays last.
  hold = new Promise((resolve) => (release = resolve))
  await cells(page).first().focus()
  await page.keyboard.press('End')
  await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('bdi')?.textContent)).toBe(lastLoaded.name)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(lastLoaded.name)
  await dialog.getByRole('button', { name: 'Next' }).click()
  hold = undefined
  release()
  await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(nextMatch.name)
  await context.close()
})

it('sorts 3,000 favorites by name in natural order, after loading them all', async () => {
  const { page, context, requests } = await openWithListRequests()
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Name' })
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name')
  await expect.poll(() => requests.length, { timeout: 20_000 }).toBe(PAGES)
  const { compare } = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
  const expected = [...new Set(serverOrder().map((f) => f.name))].sort(compare)
  await expect.poll(async () => (await cellNames(page))[0]).toBe(expected[0])
  const shown = await cellNames(page)
  for (let i = 1; i < shown.length; i++) expect(compare(shown[i - 1]!, shown[i]!)).toBeLessThanOrEqual(0)
  // Name and size orders have no date groups.
  expect(await grid(page).getByRole('rowheader').count()).toBe(0)
  // "File 2" before "File 10": numbers compare as numbers.
  const numbered = shown.filter((n) => /^Photo \d+\./.test(n)).map((n) => Number(/\d+/.exec(n)![0]))
  expect(numbered).toEqual(numbered.toSorted((a, b) => a - b))
  // A removal and its Undo keep the name order.
  const removable = shown.findIndex((n) => !serverOrder().find((f) => f.name === n)!.locked)
  await cells(page).nth(removable).click()
  await page.keyboard.press('Delete')
  const first = async () => (await cellNames(page)).slice(0, 10)
  expect(removable).toBeLessThan(10)
  await expect.poll(first).toEqual(shown.toSpliced(removable, 1).slice(0, 10))
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(first).toEqual(shown.slice(0, 10))
  await context.close()
})

it('Cancel stops the loading that a sort by name needs, and falls back to newest first, saying so', async () => {
  const { page, context, requests } = await openWithListRequests()
  let release!: () => void
  hold = new Promise((resolve) => (release = resolve))
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Name' })
  await page.getByText('Loading every favorite to sort by name…').waitFor()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByText('Sorting by name needs every favorite, so it was cancelled: newest first.').waitFor()
  expect(new URL(page.url()).searchParams.get('sort')).toBe(null)
  release()
  await quiet(page)
  // The page in flight when Cancel was pressed arrives; no other is asked for.
  expect(requests.length).toBe(2)
  expect(await grid(page).getByRole('rowheader').count()).toBeGreaterThan(0)
  expect((await cellNames(page))[0]).toBe(serverOrder()[0]!.name)
  await context.close()
})
