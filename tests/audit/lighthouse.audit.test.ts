// `npm run audit`: Lighthouse (mobile and desktop) on the built app against the embedded server,
// in the same Chromium the tests use. Reports the category scores and every failing audit of
// Best practices and Accessibility, of the median of three runs after a warm-up. A measurement, not
// a gate (it asserts only that it ran).
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { startAppServer } from '../support/browser'

let server: RunningServer
let chrome: chromeLauncher.LaunchedChrome
beforeAll(async () => {
  // The real clock: Lighthouse's Chromium has it too (a pinned server clock would answer the first call 401 for X-Date).
  server = await startAppServer({ demoFiles: 5000, now: () => Date.now() })
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
})
afterAll(async () => {
  chrome?.kill()
  await server?.close()
})

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

/** Measured runs per form factor, after one run that is thrown away. */
const RUNS = 3

it.each(['mobile', 'desktop'] as const)('Lighthouse, %s', async (formFactor) => {
  const run = async () =>
    (await lighthouse(
      server.url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      formFactor === 'desktop' ? desktopConfig : undefined,
    ))!.lhr
  // The first run warms the server: it makes the first screen's thumbnails (sharp) on that run's
  // requests, which a real KooDrive serves ready-made; the benchmark warms up the same way.
  await run()
  const runs: Awaited<ReturnType<typeof run>>[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await run())
  const perfScore = (lhr: (typeof runs)[number]) => lhr.categories.performance?.score ?? 0
  // The median run by performance score, as Lighthouse's own guidance on variance advises.
  const lhr = [...runs].sort((a, b) => perfScore(a) - perfScore(b))[Math.floor(RUNS / 2)]!
  const scores = CATEGORIES.map((c) => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`).join(', ')
  const failing = (category: string) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id)
  const metrics = ['largest-contentful-paint', 'cumulative-layout-shift', 'total-blocking-time']
    .map((id) => `${id} ${lhr.audits[id]?.displayValue ?? '?'}`)
    .join(', ')
  console.log(
    `Lighthouse ${formFactor}, median of ${RUNS} runs (performance ${runs.map((r) => Math.round(perfScore(r) * 100)).join(', ')}): ${scores}\n  ${metrics}\n  failing best-practices: ${failing('best-practices').join(', ') || 'none'}; ` +
      `failing accessibility: ${failing('accessibility').join(', ') || 'none'}`,
  )
  const errors = (lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ?? []
  for (const e of errors.slice(0, 5)) console.log(`  console error: ${e.description ?? ''} ${e.url ?? ''}`)
  // A run that could not score (an error page, a crashed renderer) has a null score.
  expect(perfScore(lhr)).toBeGreaterThan(0)
})
