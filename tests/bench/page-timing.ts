// What the benchmark installs in its pages: long animation frames, and when the first thumbnail
// was painted (asked over CDP, see firstPainted).
import type { CDPSession } from 'playwright-core'

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
