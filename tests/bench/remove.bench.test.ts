// `npm run bench`: click-to-paint time of "Remove from favorites" with 1, 1,000, 10,000 and
// 20,000 selected, in Chromium against the real server. Reported in docs/bench/results.md, never asserted.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { openPage, quiet, withBrowserAndServer } from '../support/browser'
import { median, record } from './results'

const app = withBrowserAndServer({ demoFiles: 20_500, now: () => Date.now() })
const TRIALS = 5
const COUNTS = [1, 1000, 10_000, 20_000]

/** Loads until tile `count - 1` is there (jumping to the end each frame), clicks it, then Shift+Home. */
async function select(page: Page, count: number) {
  await page.getByRole('gridcell').first().waitFor()
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const el = document.querySelector('[data-testid=favorites-scroll]')!
        const step = () => {
          if (document.querySelector(`[data-index="${count - 1}"]`)) return resolve()
          el.scrollTop = el.scrollHeight
          requestAnimationFrame(step)
        }
        step()
      }),
    count,
  )
  await page.locator(`[data-index="${count - 1}"]`).click()
  if (count > 1) await page.keyboard.press('Shift+Home')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByText(`${count.toLocaleString('en')} selected`)
    .waitFor()
  await quiet(page)
}

/** Clicks Remove and counts time and frames until a frame starts with every selected tile gone. */
async function clickToPaint(page: Page) {
  const button = await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Remove from favorites' })
    .elementHandle()
  return page.evaluate(
    (button) =>
      new Promise<{ ms: number; frames: number }>((resolve) => {
        const start = performance.now()
        ;(button as HTMLButtonElement).click()
        let frames = 0
        const check = () => {
          frames++
          if (!document.querySelector('[role=gridcell][aria-selected=true]')) resolve({ ms: performance.now() - start, frames })
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    button,
  )
}

it('click to paint: removing 1, 1,000, 10,000 and 20,000 selected', async () => {
  const results = new Map<number, number[]>(COUNTS.map((c) => [c, []]))
  for (let trial = 0; trial < TRIALS; trial++) {
    for (const count of COUNTS) {
      app.server.app.store!.db.prepare('UPDATE files SET starred = 1').run()
      const { page, context } = await openPage(app.browser, app.server, app.server.url, { realClock: true })
      await select(page, count)
      const { ms } = await clickToPaint(page)
      results.get(count)!.push(ms)
      await quiet(page)
      await context.close()
    }
  }
  for (const [count, times] of results) console.log(`remove ${count}: ${times.map((t) => t.toFixed(1)).join(', ')} ms`)
  const m = COUNTS.map((c) => median(results.get(c)!))
  record('remove', {
    value: m.map((x) => `${x.toFixed(0)} ms`).join(' / '),
    target: '<= 50 ms at 10,000, <= 80 ms at 20,000',
    met: m[2]! <= 50 && m[3]! <= 80,
  })
  expect([...results.values()].every((t) => t.length === TRIALS)).toBe(true)
})
