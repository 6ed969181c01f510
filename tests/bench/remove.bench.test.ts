// `npm run bench`: click-to-paint time of "Remove from favorites" for 1 and for 1,000 selected
// tiles, in Chromium against the real server (5,000 favorites). Reported, never asserted.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { openPage, quiet, withBrowserAndServer } from '../e2e/harness'

const app = withBrowserAndServer({ demoFiles: 5000 })
const RUNS = 5
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function select(page: Page, count: number) {
  const grid = page.getByRole('grid', { name: 'Favorites' })
  await grid.getByRole('gridcell').first().waitFor()
  if (count === 1) return grid.getByRole('gridcell').nth(3).click()
  // Load pages until `count` files are there, then Home and Shift+End-by-range with the keyboard.
  const scroller = page.getByTestId('favorites-scroll')
  for (let i = 0; i < 200 && (await page.locator(`[data-index="${count - 1}"]`).count()) === 0; i++) {
    await scroller.evaluate((el) => el.scrollBy(0, 2000))
    await page.waitForTimeout(30)
  }
  await page.locator(`[data-index="${count - 1}"]`).click()
  await scroller.evaluate((el) => el.scrollTo(0, 0))
  await grid.getByRole('gridcell').first().waitFor()
  await page.locator('[data-index="0"]').click({ modifiers: ['Shift'] })
}

/** Clicks Remove and counts time and frames until a frame starts with every selected tile gone. */
function clickToPaint(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; frames: number }>((resolve) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('[role=toolbar] button')].find(
          (b) => b.textContent === 'Remove from favorites',
        )!
        const start = performance.now()
        button.click()
        let frames = 0
        const check = () => {
          frames++
          if (!document.querySelector('[role=gridcell][aria-selected=true]')) resolve({ ms: performance.now() - start, frames })
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
  )
}

it.each([
  [1, 1],
  [1000, 1],
  [1, 4],
  [1000, 4],
])('click to paint: removing %i selected tile(s), CPU slowed %ix', async (count, throttle) => {
  const results: { ms: number; frames: number }[] = []
  for (let run = 0; run < RUNS; run++) {
    app.server.app.store!.db.prepare('UPDATE files SET starred = 1').run()
    const { page, context } = await openPage(app.browser, app.server, app.server.url, { realClock: true })
    await select(page, count)
    await page
      .getByRole('toolbar', { name: 'Selection' })
      .getByText(`${count.toLocaleString('en')} selected`)
      .waitFor()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    results.push(await clickToPaint(page))
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await quiet(page)
    await context.close()
  }
  const times = results.map((r) => r.ms)
  console.log(
    `remove ${count} at ${throttle}x CPU: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ` +
      `painted in frame ${median(results.map((r) => r.frames))} after the click`,
  )
  expect(results).toHaveLength(RUNS)
})
