// `npm run audit`: Lighthouse (mobile and desktop) on the built app against the embedded server,
// in the same Chromium the tests use. Reports the category scores and every failing audit of
// Best practices and Accessibility. A measurement, not a gate (it asserts only that it ran).
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { startAppServer } from '../e2e/harness'

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

it.each(['mobile', 'desktop'] as const)('Lighthouse, %s', async (formFactor) => {
  const result = await lighthouse(
    server.url,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
    formFactor === 'desktop' ? desktopConfig : undefined,
  )
  const lhr = result!.lhr
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
    `Lighthouse ${formFactor}: ${scores}\n  ${metrics}\n  failing best-practices: ${failing('best-practices').join(', ') || 'none'}; ` +
      `failing accessibility: ${failing('accessibility').join(', ') || 'none'}`,
  )
  const errors = (lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ?? []
  for (const e of errors.slice(0, 5)) console.log(`  console error: ${e.description ?? ''} ${e.url ?? ''}`)
  expect(lhr.categories['best-practices']).toBeDefined()
})
