// What the benchmark installs in its pages (long animation frames, and when the first thumbnail
// was painted), and the measurements its files share: scrolling, loading, main-thread time, long frames.
import type { CDPSession, Page } from 'playwright-core'
import { quiet } from '../support/browser'

/** Installed in every page (addInitScript): runs in the page, so it must stand alone. */
export function instrument() {
  const w = window as unknown as {
    bench: { loaf: { start: number; duration: number }[]; firstImage?: number; firstImagePainted: Promise<number> }
  }
  let painted: (at: number) => void = () => {}
  w.bench = { loaf: [], firstImagePainted: new Promise((resolve) => (painted = resolve)) }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.bench.loaf.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'long-animation-frame', buffered: true })
  document.addEventListener(
    'load',
    (e) => {
      const img = e.target
      if (img instanceof HTMLImageElement && img.src.includes('/obs/thumbnails/') && w.bench.firstImage === undefined) {
        requestAnimationFrame(() => painted((w.bench.firstImage ??= performance.now())))
      }
    },
    true,
  )
}

/**
 * When the first thumbnail was painted, in ms since navigation. Asked over CDP, not with
 * Playwright's waitForFunction: that installs Playwright's injected script in the page, 30-60 ms
 * of main thread here, in the middle of the app's start-up.
 */
export const firstPainted = async (cdp: CDPSession) =>
  (
    await cdp.send('Runtime.evaluate', {
      expression: 'window.bench.firstImagePainted',
      awaitPromise: true,
      returnByValue: true,
    })
  ).result.value as number

/** A blank scroller the size of the app's, with content as tall as 100,000 favorites. */
export const CONTROL_SCROLLER = `<!doctype html><html><body style="margin:0">
<div data-testid="favorites-scroll" style="height:100vh;overflow-y:auto"><div style="height:4000000px"></div></div></body></html>`

export const taskSeconds = async (cdp: CDPSession) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value

/** Scrolls the favorites scroller at `speed` px/s, frame by frame, for `ms`; counts frames. */
export function scrollAt(page: Page, speed: number, ms: number) {
  return page.evaluate(
    ([speed, ms]) =>
      new Promise<{ frames: number; over33: number; start: number; end: number }>((resolve) => {
        const el = document.querySelector<HTMLElement>('[data-testid=favorites-scroll]')!
        let pos = el.scrollTop
        let first: number | undefined
        let last = 0
        let frames = 0
        let over33 = 0
        const step = (t: number) => {
          if (first === undefined) first = last = t
          else {
            frames++
            if (t - last > 33.4) over33++
            pos = Math.min(pos + (speed * (t - last)) / 1000, el.scrollHeight - el.clientHeight)
            el.scrollTop = pos
            last = t
          }
          if (t - first < ms) requestAnimationFrame(step)
          else resolve({ frames, over33, start: first, end: t })
        }
        requestAnimationFrame(step)
      }),
    [speed, ms] as const,
  )
}

/** Durations of the long animation frames that started between `from` and `to`. */
export const longFrames = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([from, to]) =>
      (window as unknown as { bench: { loaf: { start: number; duration: number }[] } }).bench.loaf
        .filter((f) => f.start >= from && f.start <= to)
        .map((f) => f.duration),
    [from, to] as const,
  )

/** Puts the favorites scroller at its end every frame until the favorite at `count - 1` is shown. */
export const jumpUntil = (page: Page, count: number) =>
  page.evaluate(
    (count) =>
      new Promise<{ start: number; end: number }>((resolve) => {
        const el = document.querySelector('[data-testid=favorites-scroll]')!
        const start = performance.now()
        const step = () => {
          el.scrollTop = el.scrollHeight
          if (document.querySelector(`[data-index="${count - 1}"]`)) resolve({ start, end: performance.now() })
          else requestAnimationFrame(step)
        }
        step()
      }),
    count,
  )

/** Waits until the app loads nothing (a control page has nothing to load) and the browser has been idle twice. */
export async function idle(page: Page) {
  if ((await page.getByRole('main').count()) > 0) await quiet(page)
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))))
}
