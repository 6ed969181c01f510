// A real Chromium against a real server serving the built app.
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import type { ServerConfig } from '../../src/server/config'
import { startTestServer } from '../server/helpers'

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

export function startAppServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return startTestServer({ staticDir: path.resolve('dist/client'), ...overrides })
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
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<Session> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(url)
  return { context, page, errors }
}
