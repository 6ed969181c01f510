// A real Chromium against a real server serving the built app.
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import type { ServerConfig } from '../../src/server/config'
import { startTestServer } from './server'
import { TIME_ZONE, runningClock } from './clock'

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROME_ARGS })
}

/** The server's clock starts at the pinned "now" (see tests/support/clock.ts), so the seed is the same at any hour. */
export function startAppServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return startTestServer({ staticDir: path.resolve('dist/client'), now: runningClock(), ...overrides })
}

/**
 * A browser context on the server's clock and this process's time zone: date groups ("Today",
 * "Yesterday") then depend on the pinned "now", never on the hour the tests run.
 */
export async function newContext(browser: Browser, server: RunningServer, options: ContextOptions = {}): Promise<BrowserContext> {
  const { realClock, ...contextOptions } = options
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    timezoneId: TIME_ZONE,
    ...contextOptions,
  })
  if (!realClock) await context.clock.install({ time: server.config.now() })
  return context
}

/** `realClock`: leave the page's timers alone (the benchmark measures time with them). */
export type ContextOptions = BrowserContextOptions & { realClock?: boolean }

/** Waits until the app says it is not loading or saving anything (`aria-busy` on its main region). */
export async function quiet(page: Page) {
  await expect.poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false')
}

/** Waits until the grid has rendered rows below the fold too (they follow its first paint). */
export async function rowsBelowFold(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const box = document.querySelector('[data-testid=favorites-scroll]')?.getBoundingClientRect()
        return !!box && [...document.querySelectorAll('[role=gridcell]')].some((cell) => cell.getBoundingClientRect().top >= box.bottom)
      }),
    )
    .toBe(true)
}

/** A browser and an app server for one test file, closed after it. */
export function withBrowserAndServer(overrides: Partial<ServerConfig>) {
  const fixture = {} as { browser: Browser; server: RunningServer }
  beforeAll(async () => {
    ;[fixture.browser, fixture.server] = await Promise.all([launchBrowser(), startAppServer(overrides)])
  })
  afterAll(async () => {
    await fixture.browser?.close()
    await fixture.server?.close()
  })
  return fixture
}

export interface Session {
  context: BrowserContext
  page: Page
  errors: string[]
}

/** A fresh context and page that record uncaught page errors, so a test can assert there were none. */
export async function openPage(browser: Browser, server: RunningServer, url = server.url, options: ContextOptions = {}): Promise<Session> {
  const context = await newContext(browser, server, options)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(url)
  return { context, page, errors }
}

/** Resolves after the page painted its next frame: paces a loop without a fixed sleep. */
export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}
