// The favorites grid in a real Chromium against the real server with 5,000 favorites.
import type { Page, Request } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SPECIAL } from '../../src/server/seed'
import { nextFrame, openPage, quiet, startAppServer, withBrowserAndServer } from '../support/browser'

const app = withBrowserAndServer({ demoFiles: 5000 })

const isList = (r: Request) => r.url().includes('/koodrive/ose/v1/star/files')
const grid = (page: Page) => page.getByRole('grid', { name: 'Favorites' })
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const cellNamed = (page: Page, name: string) => page.getByRole('gridcell', { name: new RegExp(`^${escapeRegExp(name)}`) })

/** The server's own order, to know what the UI must show. */
function serverOrder(where = '', descending = true) {
  return app.server.app
    .store!.db.prepare(
      `SELECT id, name FROM files WHERE starred = 1 ${where} ORDER BY starred_time ${descending ? 'DESC' : 'ASC'}, id ${descending ? 'DESC' : 'ASC'}`,
    )
    .all() as { id: string; name: string }[]
}

async function domFigures(page: Page) {
  return page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    tiles: document.querySelectorAll('[role=gridcell]').length,
  }))
}

it('scrolls from top to bottom of 5,000 favorites: one request per page, a bounded number of mounted tiles', async () => {
  const { page, context, errors } = await openPage(app.browser, app.server, 'about:blank')
  const requests: string[] = []
  page.on('request', (r) => isList(r) && requests.push(r.url()))
  await page.goto(app.server.url)
  await grid(page).getByRole('gridcell').first().waitFor()
  await quiet(page)
  const top = await domFigures(page)

  let maxTiles = 0
  const end = page.getByText('That is all: 5,000 favorites')
  const scroller = page.getByTestId('favorites-scroll')
  const atBottom = () => scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1)
  for (let step = 0; step < 600 && !((await end.count()) > 0 && (await atBottom())); step++) {
    await scroller.evaluate((el) => el.scrollBy(0, 4000))
    await nextFrame(page)
    maxTiles = Math.max(maxTiles, (await domFigures(page)).tiles)
  }
  await end.waitFor({ timeout: 10_000 })
  const bottom = await domFigures(page)
  console.log(
    `DOM at top: ${top.nodes} nodes, ${top.tiles} tiles; after 5,000: ${bottom.nodes} nodes, ${bottom.tiles} tiles; most tiles mounted at once: ${maxTiles}`,
  )

  expect(requests).toHaveLength(50)
  const cursors = requests.map((u) => new URL(u).searchParams.get('pageCursor'))
  expect(new Set(cursors).size).toBe(50)
  expect(new URL(requests[0]!).searchParams.get('imageProcess')!.split(';')).toHaveLength(4)
  expect(maxTiles).toBeLessThan(120)
  expect(bottom.nodes).toBeLessThan(1200)
  // The last favorite is really there, after the 4,999 others.
  const last = serverOrder().at(-1)!
  const lastCell = page.locator('[role=gridcell][data-index="4999"]')
  await expect.poll(() => lastCell.textContent()).toContain(last.name)
  expect(errors).toEqual([])
  await context.close()
})

it.each([1, 2])('shows every tile picture at least as sharp as the screen at DPR %i, landscape and portrait alike', async (dpr) => {
  const { page, context } = await openPage(app.browser, app.server, app.server.url, { deviceScaleFactor: dpr })
  await page.getByRole('combobox', { name: 'File type' }).selectOption({ label: 'Images' })
  await grid(page).getByRole('gridcell').first().waitFor()
  const pictures = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('[role=gridcell] img')].map((img) => {
        const box = img.getBoundingClientRect()
        return {
          complete: img.complete && img.naturalWidth > 0,
          natural: [img.naturalWidth, img.naturalHeight],
          box: [box.width, box.height],
        }
      }),
    )
  await expect.poll(async () => (await pictures()).filter((p) => p.complete).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(12)
  const loaded = (await pictures()).filter((p) => p.complete)
  // Cover-cropped into its box, each picture keeps at least one image pixel per device pixel.
  const soft = loaded.filter((p) => p.natural[0]! < Math.floor(p.box[0]! * dpr) || p.natural[1]! < Math.floor(p.box[1]! * dpr))
  expect(soft).toEqual([])
  expect(loaded.some((p) => p.natural[0]! > p.natural[1]!)).toBe(true) // landscape
  expect(loaded.some((p) => p.natural[0]! < p.natural[1]!)).toBe(true) // portrait
  await context.close()
})

describe('filter and sort', () => {
  it('work through the UI and land in the URL', async () => {
    const { page, context } = await openPage(app.browser, app.server)
    await grid(page).getByRole('gridcell').first().waitFor()
    const request = page.waitForRequest((r) => isList(r) && r.url().includes('fileType=15'))
    await page.getByRole('combobox', { name: 'File type' }).selectOption({ label: 'Images' })
    expect(new URL((await request).url()).searchParams.get('sortDirection')).toBe('2')
    expect(new URL(page.url()).searchParams.get('type')).toBe('images')
    const newestImage = serverOrder("AND file_type = '15'")[0]!
    await cellNamed(page, newestImage.name).first().waitFor()

    const sorted = page.waitForRequest((r) => isList(r) && r.url().includes('sortDirection=1') && r.url().includes('fileType=15'))
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Oldest first' })
    await sorted
    expect(new URL(page.url()).search).toBe('?type=images&sort=oldest')
    const oldestImage = serverOrder("AND file_type = '15'", false)[0]!
    await expect.poll(() => grid(page).getByRole('gridcell').first().getAttribute('data-index')).toBe('0')
    await cellNamed(page, oldestImage.name).first().waitFor()
    await expect.poll(() => grid(page).getByRole('gridcell').first().textContent()).toContain(oldestImage.name)
    await context.close()
  })

  it('are restored from a link', async () => {
    const { page, context } = await openPage(app.browser, app.server, `${app.server.url}/?type=videos&sort=oldest`)
    await grid(page).getByRole('gridcell').first().waitFor()
    await expect.poll(() => page.getByRole('combobox', { name: 'File type' }).inputValue()).toBe('videos')
    await expect.poll(() => page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('oldest')
    const oldestVideo = serverOrder("AND file_type = '20'", false)[0]!
    await expect.poll(() => grid(page).getByRole('gridcell').first().textContent()).toContain(oldestVideo.name)
    await context.close()
  })
})

describe('preview', () => {
  it('opens from a link, goes to the next file across a page boundary, and Esc returns focus to its tile', async () => {
    const order = serverOrder()
    const [last1, first2] = [order[99]!, order[100]!]
    const { page, context } = await openPage(app.browser, app.server, 'about:blank')
    const requests: string[] = []
    page.on('request', (r) => isList(r) && requests.push(r.url()))
    await page.goto(`${app.server.url}/?file=${last1.id}`)
    const dialog = page.getByRole('dialog', { name: last1.name })
    await dialog.waitFor()
    expect(requests).toHaveLength(1)
    await dialog.getByRole('term').first().waitFor()
    await expect.poll(() => dialog.textContent()).toContain('Individual space')

    await page.keyboard.press('ArrowRight')
    await page.getByRole('dialog', { name: first2.name }).waitFor()
    expect(requests).toHaveLength(2)
    expect(new URL(page.url()).searchParams.get('file')).toBe(first2.id)
    await page.keyboard.press('ArrowLeft')
    await page.getByRole('dialog', { name: last1.name }).waitFor()
    await page.keyboard.press('ArrowRight')
    await page.getByRole('dialog', { name: first2.name }).waitFor()

    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'gridcell')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain(first2.name)
    expect(new URL(page.url()).searchParams.get('file')).toBeNull()
    await context.close()
  })

  it('opens with a double click and with Enter, and Back closes it', async () => {
    const first = serverOrder()[0]!
    const { page, context } = await openPage(app.browser, app.server)
    await cellNamed(page, first.name).dblclick()
    await page.getByRole('dialog', { name: first.name }).waitFor()
    await page.goBack()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)

    await cellNamed(page, first.name).focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: serverOrder()[1]!.name }).waitFor()
    await context.close()
  })
  it('gives focus back to the tile it was opened from, by double click or by Enter, when Esc closes it', async () => {
    const [first, second] = serverOrder()
    const { page, context } = await openPage(app.browser, app.server)
    const focusedName = () =>
      page.evaluate(() =>
        document.activeElement?.getAttribute('role') === 'gridcell'
          ? document.activeElement.querySelector('bdi')?.textContent
          : document.activeElement?.tagName,
      )
    await cellNamed(page, first!.name).dblclick()
    await page.getByRole('dialog', { name: first!.name }).waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(focusedName).toBe(first!.name)

    await cellNamed(page, second!.name).click()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: second!.name }).waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(focusedName).toBe(second!.name)
    // And the keys go on working from there.
    await page.keyboard.press('ArrowLeft')
    await expect.poll(focusedName).toBe(first!.name)
    await context.close()
  })
})

describe('hostile data', () => {
  it('shows a file name full of HTML as inert text', async () => {
    const { page, context, errors } = await openPage(app.browser, app.server, 'about:blank')
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(app.server.url)
    const name = app.server.app.store!.get(SPECIAL.htmlName)!.name
    const cell = cellNamed(page, name)
    await cell.waitFor()
    await expect.poll(() => cell.textContent()).toContain('<img src=x onerror="alert(1)"><b>bold</b>.png')
    await expect.poll(() => grid(page).locator('b, img[src="x"]').count()).toBe(0)
    await cell.dblclick()
    // Once the preview's picture has loaded, an injected onerror would long have fired.
    await page
      .getByRole('dialog', { name })
      .getByRole('img', { name })
      .evaluate((img: HTMLImageElement) => img.decode())
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('never renders a javascript: download link as a link', async () => {
    const { page, context } = await openPage(app.browser, app.server)
    await cellNamed(page, 'Click me.pdf').dblclick()
    const dialog = page.getByRole('dialog', { name: 'Click me.pdf' })
    await dialog.getByText('No download link').waitFor()
    expect(await dialog.getByRole('link').count()).toBe(0)
    await expect.poll(() => page.locator('a[href^="javascript:" i]').count()).toBe(0)
    // A normal file has both links, pointing at its http(s) content URL.
    await page.keyboard.press('Escape')
    await cellNamed(page, 'Company handbook').dblclick()
    const handbook = page.getByRole('dialog', { name: /^Company handbook/ })
    await handbook.waitFor()
    const links = handbook.getByRole('link')
    await expect.poll(() => links.count()).toBe(2)
    await expect.poll(() => links.first().getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/obs\/content\//)
    await context.close()
  })
})

it('connects in proxy mode through the Connect screen', async () => {
  const proxy = await startAppServer({ apiUrl: new URL(app.server.url) })
  try {
    const { page, context } = await openPage(app.browser, app.server, proxy.url)
    await page.getByRole('heading', { name: 'Connect to KooDrive' }).waitFor()
    await page.getByLabel('Access token').fill('not-the-token')
    await page.getByLabel('User ID').fill('demo-user')
    await page.getByRole('button', { name: 'Connect' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: 'KooDrive refused these credentials: The access token is invalid or has expired' })
      .waitFor()
    await page.getByLabel('Access token').fill('demo-access-token')
    await page.getByRole('button', { name: 'Connect' }).click()
    await grid(page).getByRole('gridcell').first().waitFor()
    // The server holds the session: the page and its stores never see the token, and a reload keeps the grid.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage, cookie: document.cookie }))).not.toContain(
      'demo-access-token',
    )
    await page.reload()
    await grid(page).getByRole('gridcell').first().waitFor()
    expect(await page.getByRole('heading', { name: 'Connect to KooDrive' }).count()).toBe(0)
    await context.close()
  } finally {
    await proxy.close()
  }
})

it('renders only the rows in view first, and the rows below the fold after that first paint', async () => {
  const { page, context, errors } = await openPage(app.browser, app.server, 'about:blank')
  // The tiles of the first commit that has any, recorded as the DOM gets them.
  await page.addInitScript(() => {
    const w = window as unknown as { firstTiles?: number }
    new MutationObserver(() => {
      const tiles = document.querySelectorAll('[role=gridcell]').length
      if (w.firstTiles === undefined && tiles > 0) w.firstTiles = tiles
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto(app.server.url)
  await grid(page).getByRole('gridcell').first().waitFor()
  await quiet(page)
  const { first, inView, now } = await page.evaluate(() => {
    const box = document.querySelector('[data-testid=favorites-scroll]')!.getBoundingClientRect()
    const cells = [...document.querySelectorAll('[role=gridcell]')]
    return {
      first: (window as unknown as { firstTiles: number }).firstTiles,
      inView: cells.filter((c) => c.getBoundingClientRect().top < box.bottom).length,
      now: cells.length,
    }
  })
  expect(first).toBe(inView)
  expect(now).toBeGreaterThan(inView)
  expect(errors).toEqual([])
  await context.close()
})

it.each(['light', 'dark'] as const)(
  'scrolls the grid on the compositor, in %s: its contents are a layer of their own',
  async (colorScheme) => {
    // A scroller Chromium does not composite (a transparent one, at DPR 1) is repainted on the main
    // thread for every frame of a scroll; a composited one has a layer as big as what it scrolls.
    const { page, context } = await openPage(app.browser, app.server, app.server.url, { colorScheme, deviceScaleFactor: 1 })
    await grid(page).getByRole('gridcell').first().waitFor()
    const cdp = await context.newCDPSession(page)
    const layers = new Promise<{ width: number; height: number; drawsContent: boolean }[]>((resolve) =>
      cdp.once('LayerTree.layerTreeDidChange', (e) => resolve(e.layers ?? [])),
    )
    await cdp.send('LayerTree.enable')
    const scroller = page.getByTestId('favorites-scroll')
    await scroller.evaluate((el) => el.scrollBy(0, 100))
    const size = await scroller.evaluate((el) => ({ width: el.scrollWidth, height: el.scrollHeight }))
    expect((await layers).filter((l) => l.drawsContent && l.width === size.width && l.height === size.height)).toHaveLength(1)
    await context.close()
  },
)
