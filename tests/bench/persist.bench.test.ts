// `npm run bench`: what keeping the favorites offline costs with 20,000 loaded. Each save's
// main-thread part (serialising the kept copy) and its IndexedDB write are User Timing measures
// in persist.ts; long tasks are observed while the list is scrolled and loaded. Reported only.
import { expect, it } from 'vitest'
import { MAX_PAGES } from '../../src/data/persist'
import { newContext, withBrowserAndServer } from '../support/browser'

const app = withBrowserAndServer({ demoFiles: 22_000, now: () => Date.now() })
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0

it('saving the offline copy while 20,000 favorites load', async () => {
  const context = await newContext(app.browser, app.server, { realClock: true })
  const page = await context.newPage()
  await page.goto(app.server.url)
  await page.getByRole('gridcell').first().waitFor()
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] }
    w.longTasks = []
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' })
  })
  const scroller = page.getByTestId('favorites-scroll')
  // Fling to the end, frame after frame, until 20,000 are loaded.
  for (let i = 0; i < 5_000 && (await page.locator('[data-index="19999"]').count()) === 0; i++) {
    await scroller.evaluate((el) => new Promise((resolve) => requestAnimationFrame(() => resolve(el.scrollBy(0, 8000 / 60)))))
    if (i % 30 === 0) await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  }
  // Let the last save land.
  await page.waitForFunction(() => performance.getEntriesByName('persist:write').length > 0)
  const result = await page.evaluate(() => ({
    serialize: performance.getEntriesByName('persist:serialize').map((e) => e.duration),
    write: performance.getEntriesByName('persist:write').map((e) => e.duration),
    longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    loaded: document.querySelectorAll('[data-index]').length,
  }))
  const { serialize, write, longTasks } = result
  console.log(
    `persist with 20,000 loaded (kept: first ${(MAX_PAGES * 100).toLocaleString('en')}): ${serialize.length} saves; serialise median ${quantile(serialize, 0.5).toFixed(1)} ms, ` +
      `max ${Math.max(...serialize).toFixed(1)} ms; IndexedDB write median ${quantile(write, 0.5).toFixed(1)} ms (off the main thread mostly); ` +
      `long tasks while loading: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`,
  )
  expect(serialize.length).toBeGreaterThan(0)
  await context.close()
})
