// The session the app's server holds, in a real Chromium against the real server in proxy mode:
// it survives reloads, tabs and a relaunched profile, the page never holds the token, and other
// sites cannot use it. Also what must not be lost on the way: failed writes, blocked storage.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { DEMO_TOKEN, DEMO_USER_ID, type ApiCall } from '../../src/server/config'
import { TIME_ZONE } from '../support/clock'
import { recorder } from '../support/server'
import { CHROME_ARGS, launchBrowser, newContext, quiet, startAppServer } from '../support/browser'

const KEY = randomBytes(32)
const calls: ApiCall[] = []
/** While set, the embedded KooDrive holds each batch's (or list page's) answer until it resolves. */
let holdBatches: Promise<void> | undefined
let holdLists: Promise<void> | undefined
let browser: Browser
let upstream: RunningServer
let proxy: RunningServer
/** While true, the proxy drops every request (a real network cut lets nothing through). */
let cut = false

beforeAll(async () => {
  ;[browser, upstream] = await Promise.all([
    launchBrowser(),
    startAppServer({
      demoFiles: 400,
      latency: (call) => {
        calls.push(call)
        return call.kind === 'batch' ? holdBatches : holdLists
      },
    }),
  ])
  proxy = await startAppServer({ apiUrl: new URL(upstream.url), sessionKey: KEY })
  const handlers = proxy.server.listeners('request') as http.RequestListener[]
  proxy.server.removeAllListeners('request')
  proxy.server.on('request', (req, res) => (cut ? req.socket.destroy() : handlers.forEach((h) => h.call(proxy.server, req, res))))
})
afterAll(async () => {
  await browser?.close()
  await Promise.all([proxy?.close(), upstream?.close()])
})
afterEach(() => {
  cut = false
  holdLists = undefined
  calls.length = 0
  upstream.config.demoToken = DEMO_TOKEN
  upstream.app.store!.db.prepare('UPDATE files SET starred = 1').run()
})

const grid = (page: Page) => page.getByRole('grid', { name: 'Favorites' })
const cells = (page: Page) => grid(page).getByRole('gridcell')
const connectHeading = (page: Page) => page.getByRole('heading', { name: 'Connect to KooDrive' })
const sessionCookies = async (context: BrowserContext) => (await context.cookies()).filter((c) => c.name === 'koodrive_session')
const batches = () => calls.filter((c) => c.kind === 'batch')
const unstarredOnServer = () =>
  (upstream.app.store!.db.prepare('SELECT id FROM files WHERE starred = 0').all() as { id: string }[]).map((f) => f.id)
/** Places in the grid (server order) of files KooDrive lets go: some are pinned by an administrator. */
const removable = (from: number) =>
  (
    upstream.app.store!.db.prepare('SELECT locked FROM files WHERE starred = 1 ORDER BY starred_time DESC, id DESC').all() as {
      locked: number
    }[]
  )
    .map((f, i) => ({ ...f, i }))
    .find((f) => f.i >= from && !f.locked)!.i

async function connect(page: Page) {
  await connectHeading(page).waitFor()
  await page.getByLabel('Access token').fill(DEMO_TOKEN)
  await page.getByLabel('User ID').fill(DEMO_USER_ID)
  await page.getByRole('button', { name: 'Connect' }).click()
  await cells(page).first().waitFor()
}

async function connected(server: RunningServer = proxy) {
  const context = await newContext(browser, server)
  const page = await context.newPage()
  await page.goto(server.url)
  await connect(page)
  return { context, page }
}

async function removeAt(page: Page, index: number) {
  await cells(page).nth(index).click()
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Remove from favorites' }).click()
}

/** How many records an IndexedDB store of the app holds. */
const records = (page: Page, db: string, store: string) =>
  page.evaluate(
    ([dbName, storeName]) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(dbName!)
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const opened = request.result
          if (!opened.objectStoreNames.contains(storeName!)) return resolve(0)
          const count = opened.transaction(storeName!).objectStore(storeName!).count()
          count.onsuccess = () => resolve(count.result)
        }
      }),
    [db, store],
  )
/** Kept favorites (one record per user). */
const keptCopies = (page: Page) => records(page, 'koodrive-cache', 'clients')
/** How many changes the offline outbox holds. */
const queuedChanges = (page: Page) => records(page, 'koodrive-outbox', 'changes')
describe('the session', () => {
  it('is an HttpOnly, SameSite=Strict cookie that holds no form of the token, out of document.cookie, and outlives a reload and a new tab', async () => {
    const { context, page } = await connected()
    const cookies = await sessionCookies(context)
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/koodrive/' })
    for (const form of [DEMO_TOKEN, Buffer.from(DEMO_TOKEN).toString('base64'), Buffer.from(DEMO_TOKEN).toString('base64url')]) {
      expect(cookies[0]!.value).not.toContain(form)
    }
    expect(await page.evaluate(() => document.cookie)).toBe('')
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(DEMO_TOKEN)

    await page.reload()
    await cells(page).first().waitFor()
    expect(await connectHeading(page).count()).toBe(0)
    const second = await context.newPage()
    await second.goto(proxy.url)
    await cells(second).first().waitFor()
    expect(await connectHeading(second).count()).toBe(0)
    await context.close()
  })

  it('survives closing the installed app: a change made offline before it closed is sent once when it reopens online', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-profile-'))
    const launch = async () => {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: CHROME_ARGS,
        viewport: { width: 1280, height: 800 },
        timezoneId: TIME_ZONE,
      })
      await context.clock.install({ time: proxy.config.now() })
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(proxy.url)
      return { context, page }
    }
    let { context, page } = await launch()
    await connect(page)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await quiet(page)

    cut = true
    await context.setOffline(true)
    const index = removable(6)
    await removeAt(page, index)
    await page.getByText('1 change waiting to be sent').waitFor()
    await expect.poll(() => queuedChanges(page)).toBe(1)
    await context.close()
    expect(batches()).toEqual([])

    cut = false
    ;({ context, page } = await launch())
    await cells(page).first().waitFor()
    await expect.poll(() => batches().length).toBe(1)
    await expect.poll(() => queuedChanges(page)).toBe(0)
    expect(unstarredOnServer()).toHaveLength(1)
    expect(await connectHeading(page).count()).toBe(0)
    await quiet(page)
    expect(batches()).toHaveLength(1)
    await context.close()
  })

  it('reopened, the installed app shows its kept favorites before any list request is answered', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-profile-'))
    const launch = async (later = 0) => {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: CHROME_ARGS,
        viewport: { width: 1280, height: 800 },
        timezoneId: TIME_ZONE,
      })
      await context.clock.install({ time: upstream.config.now() + later })
      return { context, page: context.pages()[0] ?? (await context.newPage()) }
    }
    let { context, page } = await launch()
    await page.goto(upstream.url)
    await cells(page).first().waitFor()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await quiet(page)
    await expect.poll(() => keptCopies(page)).toBe(1)
    const firstNames = await cells(page).evaluateAll((els) => els.slice(0, 12).map((el) => el.textContent))
    await context.close()

    let answer!: () => void
    holdLists = new Promise<void>((resolve) => (answer = resolve))
    try {
      // Six minutes later: the kept copy is stale (fresh for five), so the screen asks for the list.
      ;({ context, page } = await launch(6 * 60_000))
      const listsAsked = () => calls.filter((c) => c.kind === 'list').length
      const before = listsAsked()
      await page.goto(upstream.url)
      await cells(page).first().waitFor()
      // The kept copy is on screen while every list request is still held by the server.
      expect(await cells(page).evaluateAll((els) => els.slice(0, 12).map((el) => el.textContent))).toEqual(firstNames)
      await expect.poll(listsAsked).toBeGreaterThan(before)
      expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('true')
    } finally {
      answer()
      holdLists = undefined
    }
    await quiet(page)
    await context.close()
  })

  it('is refused to another site’s form, though the browser sends the cookie with it, and nothing goes upstream', async () => {
    const { context, page } = await connected()
    const atProxy: (string | undefined)[] = []
    const listener = (req: http.IncomingMessage) => void (req.url?.includes('/star/batch') && atProxy.push(req.headers.cookie))
    proxy.server.prependListener('request', listener)
    // Another app on the same host (another port: the same site, so a Strict cookie goes along).
    const file = upstream.app.store!.db.prepare('SELECT id, container_id FROM files WHERE locked = 0 LIMIT 1').get() as {
      id: string
      container_id: string
    }
    const body = JSON.stringify({ starred: false, subRequestList: [{ fileId: file.id, containerId: file.container_id }] })
    const sibling = await recorder((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          `<form method="post" enctype="text/plain" action="${proxy.url}/koodrive/ose/v1/star/batch">` +
            `<input type="hidden" name='${body.slice(0, -1)}, "x": "' value='"}'><button>Win a prize</button></form>`,
        ),
    )
    try {
      await page.goto(sibling.url)
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().includes('/star/batch')), page.getByRole('button').click()])
      expect(answer.status()).toBe(403)
      expect(atProxy).toHaveLength(1)
      expect(atProxy[0]).toContain('koodrive_session=')
      expect(batches()).toEqual([])
      expect(unstarredOnServer()).toEqual([])
    } finally {
      proxy.server.off('request', listener)
      await sibling.close()
      await context.close()
    }
  })

  it('with a tampered cookie brings Connect back, saying so, and the cookie is gone', async () => {
    const { context, page } = await connected()
    const [cookie] = await sessionCookies(context)
    const bytes = Buffer.from(cookie!.value, 'base64url')
    bytes[bytes.length - 1]! ^= 1
    await context.addCookies([{ ...cookie!, value: bytes.toString('base64url') }])
    await page.reload()
    await connectHeading(page).waitFor()
    await page.getByRole('alert').filter({ hasText: 'no longer valid' }).waitFor()
    expect(await sessionCookies(context)).toEqual([])
    await connect(page)
    await context.close()
  })

  it('ends when KooDrive answers 401: Connect with KooDrive’s reason, and the cookie is cleared', async () => {
    const { context, page } = await connected()
    upstream.config.demoToken = 'rotated-token'
    await page.getByRole('combobox', { name: 'File type' }).selectOption('images')
    await connectHeading(page).waitFor()
    await page.getByRole('alert').filter({ hasText: 'Your session ended: The access token is invalid or has expired' }).waitFor()
    expect(await sessionCookies(context)).toEqual([])
    await context.close()
  })

  it('after a reload, a 500 or a malformed answer shows the failure with Retry, not Connect', async () => {
    const { context, page } = await connected()
    let answer = { status: 500, body: JSON.stringify({ code: 'APIGW.0101', msg: 'Backend unavailable' }) }
    await page.route('**/koodrive/ose/v1/star/files**', (route) => route.fulfill({ ...answer, contentType: 'application/json' }))
    // A list this browser has no copy of, so that the failure is what shows.
    await page.goto(`${proxy.url}/?type=videos`)
    await expect.poll(() => page.getByRole('combobox', { name: 'File type' }).inputValue()).toBe('videos')
    await page.getByRole('alert').filter({ hasText: 'Could not load favorites' }).waitFor({ timeout: 20_000 })
    await page.getByRole('alert').filter({ hasText: 'Backend unavailable' }).waitFor()
    answer = { status: 200, body: JSON.stringify({ code: '0', starFileList: 'not a list' }) }
    await page.getByRole('button', { name: 'Retry' }).click()
    await page.getByRole('alert').filter({ hasText: 'starFileList' }).waitFor()
    expect(await connectHeading(page).count()).toBe(0)
    await page.unroute('**/koodrive/ose/v1/star/files**')
    await page.getByRole('button', { name: 'Retry' }).click()
    await cells(page).first().waitFor()
    await context.close()
  })

  it('is served by two server processes that share the key, each in turn, behind a load balancer', async () => {
    const backends = await Promise.all([0, 1].map(() => startAppServer({ apiUrl: new URL(upstream.url), sessionKey: KEY })))
    const served = [0, 0]
    let turn = 0
    const balancer = http.createServer((req, res) => {
      // Round robin over the session's calls (the app's files may come from either).
      const withSession = req.url?.startsWith('/koodrive/') && req.headers.cookie?.includes('koodrive_session=')
      const i = withSession ? turn++ % 2 : 0
      if (withSession) served[i]!++
      const target = new URL(backends[i]!.url)
      const forward = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers)
          r.pipe(res)
        },
      )
      forward.on('error', () => res.destroy())
      req.pipe(forward)
    })
    await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`
    const context = await newContext(browser, proxy)
    try {
      const page = await context.newPage()
      await page.goto(url)
      await connect(page)
      for (let i = 0; i < 3; i++) {
        await page.reload()
        await cells(page).first().waitFor()
        await quiet(page)
        expect(await connectHeading(page).count()).toBe(0)
      }
      expect(served[0]).toBeGreaterThan(1)
      expect(served[1]).toBeGreaterThan(1)
    } finally {
      await context.close()
      balancer.closeAllConnections()
      await new Promise((resolve) => balancer.close(resolve))
      await Promise.all(backends.map((b) => b.close()))
    }
  })

  it('Disconnect clears the cookie: a reload then asks to connect', async () => {
    const { context, page } = await connected()
    await page.getByRole('button', { name: 'Disconnect' }).click()
    await connectHeading(page).waitFor()
    expect(await sessionCookies(context)).toEqual([])
    await page.reload()
    await connectHeading(page).waitFor()
    await context.close()
  })
})

describe('nothing lost', () => {
  it('a change whose IndexedDB write fails is still sent, and the app says it could not be saved on this device', async () => {
    const context = await newContext(browser, upstream)
    // The fault: the outbox's store refuses every write, as a full disk or a private window does.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'changes') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return put.apply(this, args)
      }
    })
    const page = await context.newPage()
    await page.goto(upstream.url)
    await cells(page).first().waitFor()
    let answer!: () => void
    holdBatches = new Promise<void>((resolve) => (answer = resolve))
    try {
      await removeAt(page, removable(4))
      await page.getByText('Not saved on this device').waitFor()
      expect(await queuedChanges(page)).toBe(0)
    } finally {
      answer()
      holdBatches = undefined
    }
    await expect.poll(() => unstarredOnServer()).toHaveLength(1)
    await expect.poll(() => page.getByText('not saved on this device').count()).toBe(0)
    await context.close()
  })

  it('with storage that throws on every use, the app still starts, works and keeps settings for the page', async () => {
    const context = await newContext(browser, upstream)
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        })
      }
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(upstream.url)
    await cells(page).first().waitFor()
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    await removeAt(page, removable(4))
    await expect.poll(() => unstarredOnServer()).toHaveLength(1)
    expect(errors).toEqual([])
    await context.close()
  })
})
