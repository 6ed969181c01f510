// `npm run audit`: axe-core on the grid, the preview, the selection toolbar and Connect, in light
// and dark, in the built app against the embedded server (Connect through a proxy-mode server).
// Every violation is printed with its elements; the check is that there are none.
import { createRequire } from 'node:module'
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import type { AxeResults } from 'axe-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { openPage, quiet, startAppServer, withBrowserAndServer } from '../support/browser'

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const app = withBrowserAndServer({ demoFiles: 300, now: () => Date.now() })
let proxy: RunningServer
beforeAll(async () => {
  proxy = await startAppServer({ apiUrl: new URL(app.server.url), now: () => Date.now() })
})
afterAll(() => proxy?.close())

/** The screens, each reached as a user would. */
const SCREENS: Record<string, { url: () => string; reach: (page: Page) => Promise<void> }> = {
  grid: {
    url: () => app.server.url,
    reach: async (page) => {
      await page.getByRole('grid', { name: 'Favorites' }).locator('img').first().waitFor()
      await quiet(page)
    },
  },
  'selection toolbar': {
    url: () => app.server.url,
    reach: async (page) => {
      await page
        .getByRole('gridcell')
        .nth(2)
        .click({ modifiers: ['ControlOrMeta'] })
      await page.getByRole('toolbar', { name: 'Selection' }).waitFor()
    },
  },
  preview: {
    url: () => app.server.url,
    reach: async (page) => {
      await page.getByRole('gridcell').first().dblclick()
      await page.getByRole('dialog').waitFor()
    },
  },
  Connect: {
    url: () => proxy.url,
    reach: (page) => page.getByRole('heading', { name: 'Connect to KooDrive' }).waitFor(),
  },
}

const cases = Object.keys(SCREENS).flatMap((screen) => (['light', 'dark'] as const).map((scheme) => [screen, scheme] as const))

it.each(cases)('axe: %s, %s', async (screen, colorScheme) => {
  // The app's CSP allows no inline script; axe is injected by the test, so the context bypasses it.
  const { page, context, errors } = await openPage(app.browser, app.server, SCREENS[screen]!.url(), {
    colorScheme,
    bypassCSP: true,
    realClock: true,
  })
  await SCREENS[screen]!.reach(page)
  await page.addScriptTag({ content: AXE_SOURCE })
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  )
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  )
  console.log(
    `axe ${screen}, ${colorScheme}: ${results.passes.length} rules pass, ${results.violations.length} violated${found.length ? '\n  ' + found.join('\n  ') : ''}`,
  )
  expect(found).toEqual([])
  expect(errors).toEqual([])
  await context.close()
})
