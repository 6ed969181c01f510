// `npm run bench -- depth`: the grid deep into the list, with 1,000, 20,000 and all 100,000
// favorites loaded, each figure beside a control from the same run (a blank scroller of the same
// size). Work per scroll frame must not grow with what is loaded. Nothing is asserted about time.
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { newContext, withBrowserAndServer } from '../support/browser'
import { CONTROL_SCROLLER, idle, instrument, jumpUntil, longFrames, scrollAt, taskSeconds } from './page-timing'
import { median, record } from './results'

const app = withBrowserAndServer({ demoFiles: 100_000, now: () => Date.now() })
const TRIALS = 5
const SPEED = 3000
const SCROLL_MS = 3000
const fmt = (x: number, digits = 2) => x.toFixed(digits)

async function open(control: boolean): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await newContext(app.browser, app.server, { realClock: true })
  await context.addInitScript(instrument)
  const url = control ? `${app.server.url}/bench-control.html` : app.server.url
  if (control) await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: CONTROL_SCROLLER }))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(url)
  if (!control) await page.getByRole('gridcell').first().waitFor()
  return { context, page, cdp }
}

/**
 * Scrolls 9,000 px at 3,000 px/s, ending 3,000 px above the end of what is loaded (no page is
 * asked for): frames, frames over 33 ms, and main-thread milliseconds per frame.
 */
async function scrollDeep(page: Page, cdp: CDPSession) {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=favorites-scroll]')!
    el.scrollTop = Math.max(0, el.scrollHeight - el.clientHeight - 12_000)
  })
  await idle(page)
  const task0 = await taskSeconds(cdp)
  const run = await scrollAt(page, SPEED, SCROLL_MS)
  const task1 = await taskSeconds(cdp)
  return { frames: run.frames, over33: run.over33, msPerFrame: (1000 * (task1 - task0)) / run.frames }
}

const heap = async (page: Page, cdp: CDPSession) => {
  await idle(page)
  await cdp.send('HeapProfiler.collectGarbage')
  return (await cdp.send('Runtime.getHeapUsage')).usedSize
}

type Scroll = Awaited<ReturnType<typeof scrollDeep>>

it('scrolling with 1,000 and with 20,000 loaded, and one more page arriving at 20,000', async () => {
  const at1k: Scroll[] = []
  const at20k: Scroll[] = []
  const control: Scroll[] = []
  const nextPage: number[][] = []
  const pageWork: { at1k: number; at20k: number }[] = []
  /** One more page: main-thread milliseconds from the jump that asks for it to the frame that shows it, and its long frames. */
  const onePage = async (page: Page, cdp: CDPSession, count: number) => {
    await idle(page)
    const task0 = await taskSeconds(cdp)
    const { start, end } = await jumpUntil(page, count + 100)
    const ms = 1000 * ((await taskSeconds(cdp)) - task0)
    await idle(page)
    return { ms, long: await longFrames(page, start, end + 100) }
  }
  for (let i = 0; i < TRIALS; i++) {
    {
      const { context, page, cdp } = await open(false)
      await jumpUntil(page, 1000)
      at1k.push(await scrollDeep(page, cdp))
      const small = await onePage(page, cdp, 1000)
      await jumpUntil(page, 20_000)
      at20k.push(await scrollDeep(page, cdp))
      const large = await onePage(page, cdp, 20_000)
      nextPage.push(large.long)
      pageWork.push({ at1k: small.ms, at20k: large.ms })
      await context.close()
    }
    {
      const { context, page, cdp } = await open(true)
      control.push(await scrollDeep(page, cdp))
      await context.close()
    }
  }
  console.log({ at1k, at20k, control, nextPage, pageWork })
  const m = (runs: Scroll[], k: keyof Scroll) => median(runs.map((r) => r[k]))
  const ratio1k = m(at1k, 'frames') / m(control, 'frames')
  const ratio20k = m(at20k, 'frames') / m(control, 'frames')
  record('depthFrames', {
    value: `${fmt(ratio1k)} / ${fmt(ratio20k)} (worst trial: ${Math.max(...at1k.map((r) => r.over33))} / ${Math.max(...at20k.map((r) => r.over33))} frames over 33 ms)`,
    target: '20,000: >= 0.97',
    met: ratio20k >= 0.97,
  })
  const [w1k, w20k, wControl] = [m(at1k, 'msPerFrame'), m(at20k, 'msPerFrame'), m(control, 'msPerFrame')]
  record('depthWork', {
    value: `${fmt(w1k, 1)} / ${fmt(w20k, 1)} ms (control ${fmt(wControl, 1)} ms)`,
    target: 'the same at 1,000 and 20,000, within noise',
    met: w20k <= w1k * 1.1,
  })
  const [p1k, p20k] = [median(pageWork.map((w) => w.at1k)), median(pageWork.map((w) => w.at20k))]
  record('pageWork', {
    value: `${fmt(p1k, 0)} / ${fmt(p20k, 0)} ms`,
    target: 'does not grow with what is loaded',
    met: p20k <= p1k * 1.25,
  })
  const long = nextPage.map((frames) => frames.filter((f) => f > 50))
  record('nextPageFrames', {
    value: `${median(long.map((f) => f.length))} (worst trial ${Math.max(...long.map((f) => f.length))}), longest ${fmt(Math.max(0, ...nextPage.flat()), 0)} ms`,
    target: 'none over 50 ms',
    met: long.every((f) => f.length === 0),
  })
  expect([...at1k, ...at20k, ...control].every((r) => r.frames > 0)).toBe(true)
})

it('all 100,000 loaded by sorting by name: scrolling and heap per favorite', async () => {
  const app100k: Scroll[] = []
  const control: Scroll[] = []
  const perFavorite: number[] = []
  const rows: number[] = []
  for (let i = 0; i < TRIALS; i++) {
    {
      const { context, page, cdp } = await open(false)
      await jumpUntil(page, 1000)
      const h1k = await heap(page, cdp)
      await page.getByRole('combobox', { name: 'Sort' }).selectOption('name')
      // Sorted: every page loaded (the grid then gives its row count) and no date group left.
      await page.waitForFunction(
        () => document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') !== '-1' && !document.querySelector('[role=rowheader]'),
        null,
        { timeout: 300_000, polling: 500 },
      )
      rows.push(Number(await page.getByRole('grid').getAttribute('aria-rowcount')))
      perFavorite.push(((await heap(page, cdp)) - h1k) / 99_000)
      app100k.push(await scrollDeep(page, cdp))
      await context.close()
    }
    {
      const { context, page, cdp } = await open(true)
      control.push(await scrollDeep(page, cdp))
      await context.close()
    }
  }
  console.log({ app100k, control, perFavorite, rows })
  const ratio = median(app100k.map((r) => r.frames)) / median(control.map((r) => r.frames))
  record('allLoadedFrames', {
    value: `${fmt(ratio)} (${fmt(median(app100k.map((r) => r.msPerFrame)), 1)} ms of main thread per frame)`,
    target: '>= 0.95',
    met: ratio >= 0.95,
  })
  record('heap100k', { value: `${fmt(median(perFavorite), 0)} B`, target: '<= 500 B', met: median(perFavorite) <= 500 })
  // Every trial sorted all 100,000 (rows of tiles, no headers).
  expect(rows.every((r) => r >= 100_000 / 12)).toBe(true)
  expect(perFavorite.every((b) => Number.isFinite(b) && b > 0)).toBe(true)
}, 1_800_000)
