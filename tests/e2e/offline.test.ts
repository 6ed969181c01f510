// The installable PWA offline: the service worker on, the network cut with context.setOffline
// (which in playwright-core 1.65 also cuts the worker's own fetches).
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import type { ApiCall } from '../../src/server/config'
import { DEMO_TOKEN } from '../../src/server/config'
import { runningClock } from '../support/clock'
import { CHROME_ARGS, launchBrowser, newContext, nextFrame, quiet, startAppServer, withBrowserAndServer } from '../support/browser'

const calls: ApiCall[] = []
/** While set, the server holds each batch's answer until it resolves. */
let holdBatches: Promise<void> | undefined
/**
 * While a test has the network cut, the server also drops every request that reaches it anyway.
 * (Chromium's emulated offline has let the first requests of a freshly opened tab through in some
 * runs; a real network cut lets nothing through, and neither does this.)
 */
let cut = false
const app = withBrowserAndServer({
  demoFiles: 1500,
  latency: (call) => {
    calls.push(call)
    return call.kind === 'batch' ? holdBatches : undefined
  },
})
beforeAll(() => {
  const server = app.server.server
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[]
  server.removeAllListeners('request')
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (cut) return void req.socket.destroy()
    for (const handle of handlers) handle.call(server, req, res)
  })
})
function cutServer() {
  cut = true
}
function restoreServer() {
  cut = false
}
afterEach(() => {
  restoreServer()
  calls.length = 0
  app.server.app.store!.db.prepare('UPDATE files SET starred = 1').run()
})

const grid = (page: Page) => page.getByRole('grid', { name: 'Favorites' })
const cells = (page: Page) => grid(page).getByRole('gridcell')
const cellNames = (page: Page) => cells(page).evaluateAll((els) => els.map((el) => el.querySelector('bdi')!.textContent!))
/** The server's order, which the grid shows before anything changes. */
const serverOrder = () =>
  app.server.app.store!.db.prepare('SELECT id, name, locked FROM files WHERE starred = 1 ORDER BY starred_time DESC, id DESC').all() as {
    id: string
    name: string
    locked: number
  }[]
/** Places (from `from` on) of files KooDrive lets go: some demo files are pinned by an administrator. */
const removable = (from: number, count: number) =>
  serverOrder()
    .map((f, i) => ({ ...f, i }))
    .filter((f) => f.i >= from && !f.locked)
    .slice(0, count)
    .map((f) => f.i)
const starredOnServer = (id: string) =>
  (app.server.app.store!.db.prepare('SELECT starred FROM files WHERE id = ?').get(id) as { starred: number }).starred === 1
const batchesFor = (id: string) => calls.filter((c) => c.kind === 'batch' && c.fileIds?.includes(id)).length

/** Names of the visible tiles whose thumbnail has loaded. */
const thumbnailsShown = (page: Page) =>
  cells(page).evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect()
        const img = el.querySelector('img')
        return r.bottom > 0 && r.top < innerHeight && img !== null && img.complete && img.naturalWidth > 0
      })
      .map((el) => el.querySelector('bdi')!.textContent!),
  )

/** Everything IndexedDB holds under a database and store, as JSON text. */
function readStore(page: Page, db: string, store: string): Promise<string[]> {
  return page.evaluate(
    ([dbName, storeName]) =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open(dbName!)
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const database = request.result
          if (!database.objectStoreNames.contains(storeName!)) return resolve([])
          const all = database.transaction(storeName!).objectStore(storeName!).getAll()
          all.onsuccess = () => resolve(all.result.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))))
          all.onerror = () => reject(all.error)
        }
      }),
    [db, store],
  )
}
/** How many favorites the kept copy holds. */
const keptFavorites = async (page: Page) =>
  (await readStore(page, 'koodrive-cache', 'clients'))
    .map((text) => JSON.parse(text) as { clientState: { queries: { state: { data?: { pages: { items: unknown[] }[] } } }[] } })
    .flatMap((c) => c.clientState.queries.flatMap((q) => q.state.data?.pages ?? []))
    .reduce((sum, p) => sum + p.items.length, 0)
const queuedChanges = async (page: Page) => (await readStore(page, 'koodrive-outbox', 'changes')).length

/**
 * A new context (in a browser of its own: an offline context in a browser that had run another
 * offline test let a service-worker-handled request through in some runs) with the app open.
 */
async function openControlled(server: RunningServer = app.server) {
  const browser = await launchBrowser()
  const context = await newContext(browser, server, { serviceWorkers: 'allow' })
  context.on('close', () => void browser.close())
  const page = await context.newPage()
  await page.goto(server.url)
  await cells(page).first().waitFor()
  // The first worker claims the page when it activates.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await quiet(page)
  return { context, page }
}

/**
 * Closes the tab and opens the app again in the same profile. (A page.reload() right after the
 * network was cut let the first request through in some runs; a new tab starts offline.)
 */
async function reopen(context: BrowserContext, page: Page) {
  await page.close()
  const next = await context.newPage()
  await next.goto(app.server.url)
  await cells(next).first().waitFor()
  return next
}

/** The session cookies the browser holds (HttpOnly: only the browser itself can list them). */
const sessionCookies = async (context: BrowserContext) => (await context.cookies()).filter((c) => c.name === 'koodrive_session')

/** Cuts the network, and waits until a request from the page (through its worker) fails. */
async function goOffline(context: BrowserContext, page: Page) {
  cutServer()
  await context.setOffline(true)
  const reach = () =>
    page.evaluate(() =>
      fetch('/app-config.json', { cache: 'no-store' }).then(
        () => 'reached',
        () => 'failed',
      ),
    )
  await expect.poll(reach).toBe('failed')
}

/** Selects the tiles at these places (click, then Ctrl-click) and removes them; returns their files. */
async function removeAt(page: Page, indexes: number[]) {
  const order = serverOrder()
  await cells(page).nth(indexes[0]!).click()
  for (const i of indexes.slice(1))
    await cells(page)
      .nth(i)
      .click({ modifiers: ['Control'] })
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Remove from favorites' }).click()
  return indexes.map((i) => order[i]!)
}
/** The app open with a kept copy, the network cut, and the files at these places removed. */
async function removeOfflineAt(indexes: number[]) {
  const { context, page } = await openControlled()
  await expect.poll(() => keptFavorites(page)).toBeGreaterThanOrEqual(100)
  await goOffline(context, page)
  return { context, page, files: await removeAt(page, indexes) }
}
const shownIds = async (page: Page) => {
  const byName = new Map(serverOrder().map((f) => [f.name, f.id]))
  return (await cellNames(page)).map((n) => byName.get(n))
}

describe('installable', () => {
  it('Chromium finds no installability errors and no manifest errors', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-profile-'))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROME_ARGS,
    })
    try {
      const page = await context.newPage()
      await page.goto(app.server.url)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      const cdp = await context.newCDPSession(page)
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string }
      expect(manifest.url).toMatch(/manifest\.webmanifest$/)
      expect(manifest.errors).toEqual([])
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }
      expect(installabilityErrors).toEqual([])
    } finally {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    }
  })
})

describe('offline', () => {
  it('browse 10 pages, go offline, reload: the same favorites in the same order, thumbnails from the cache, and an offline note', async () => {
    const { context, page } = await openControlled()
    const scroller = page.getByTestId('favorites-scroll')
    for (let i = 0; i < 200 && calls.filter((c) => c.kind === 'list').length < 10; i++) {
      await scroller.evaluate((el) => el.scrollBy(0, 4000))
      await nextFrame(page)
    }
    await quiet(page)
    await scroller.evaluate((el) => el.scrollTo(0, 0))
    await expect.poll(() => keptFavorites(page)).toBeGreaterThanOrEqual(1000)
    const shown = await expect.poll(() => thumbnailsShown(page)).not.toEqual([])
    void shown
    const before = await cellNames(page)
    const withThumbnails = await thumbnailsShown(page)

    await context.setOffline(true)
    const started = Date.now()
    await page.reload()
    await cells(page).first().waitFor()
    console.log(`offline reload: first tile after ${Date.now() - started} ms`)
    // The same favorites in the same order. Compared over the first 20: the offline note above the
    // grid can leave one row fewer rendered, depending on where the date groups break (the hour and
    // time zone); and polled, as the rows below the fold follow the first paint.
    expect(before.length).toBeGreaterThan(20)
    await expect.poll(async () => (await cellNames(page)).slice(0, 20)).toEqual(before.slice(0, 20))
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Offline · updated / })
          .count(),
      )
      .toBe(1)
    await expect
      .poll(async () => (await thumbnailsShown(page)).filter((n) => withThumbnails.includes(n)).length / withThumbnails.length)
      .toBeGreaterThanOrEqual(0.8)
    await context.close()
  })

  it('a search offline looks through the kept copy, and says that it is all it looked through', async () => {
    const { context, page } = await openControlled()
    await expect.poll(() => keptFavorites(page)).toBeGreaterThanOrEqual(100)
    await goOffline(context, page)
    const next = await reopen(context, page)
    await next.getByRole('searchbox', { name: 'Search favorites by name' }).fill('photo')
    const kept = serverOrder().slice(0, 100)
    const expected = kept.filter((f) => f.name.toLowerCase().includes('photo')).map((f) => f.name)
    await expect
      .poll(() => next.getByRole('status').filter({ hasText: 'kept on this device' }).textContent())
      .toBe(`Offline: ${expected.length} matches in the 100 favorites kept on this device`)
    expect(await cellNames(next)).toEqual(expected)
    // Nothing was asked of the network for it.
    expect(calls.filter((c) => c.kind === 'list')).toHaveLength(1)
    await context.close()
  })

  it('offline: remove 3, reload offline, go online: the server has exactly those 3 unstarred, each sent once', async () => {
    const { context, page: first, files } = await removeOfflineAt(removable(10, 3))
    let page = first
    const ids = files.map((f) => f.id)
    await expect.poll(async () => (await shownIds(page)).filter((id) => ids.includes(id!))).toEqual([])
    await expect.poll(() => page.getByText('3 changes waiting to be sent').count()).toBe(1)
    await expect.poll(() => queuedChanges(page)).toBe(1)

    page = await reopen(context, page)
    await expect.poll(() => page.getByText('3 changes waiting to be sent').count()).toBe(1)
    expect((await shownIds(page)).filter((id) => ids.includes(id!))).toEqual([])
    expect(ids.map(starredOnServer)).toEqual([true, true, true])

    await context.setOffline(false)
    restoreServer()
    await expect.poll(() => ids.map(starredOnServer)).toEqual([false, false, false])
    expect(ids.map(batchesFor)).toEqual([1, 1, 1])
    expect(app.server.app.store!.db.prepare('SELECT COUNT(*) AS n FROM files WHERE starred = 0').get()).toEqual({ n: 3 })
    await expect.poll(() => queuedChanges(page)).toBe(0)
    await context.close()
  })

  it('two tabs with a queued change: it is sent once', async () => {
    const { context, page: first, files } = await removeOfflineAt(removable(14, 1))
    let page = first
    const [file] = files
    await expect.poll(() => queuedChanges(page)).toBe(1)
    // Both tabs start offline from the same store; one of them takes the change.
    page = await reopen(context, page)
    const second = await context.newPage()
    await second.goto(app.server.url)
    await cells(second).first().waitFor()
    for (const tab of [page, second]) {
      expect((await shownIds(tab)).includes(file!.id)).toBe(false)
    }
    await context.setOffline(false)
    restoreServer()
    await expect.poll(() => starredOnServer(file!.id)).toBe(false)
    await quiet(page)
    await quiet(second)
    await expect.poll(() => queuedChanges(page)).toBe(0)
    expect(batchesFor(file!.id)).toBe(1)
    await context.close()
  })

  it('a tab opened offline shows a change another live tab has queued, even one its kept copy predates', async () => {
    const { context, page } = await openControlled()
    await expect.poll(() => keptFavorites(page)).toBeGreaterThanOrEqual(100)
    await goOffline(context, page)
    const file = serverOrder()[removable(3, 1)[0]!]!
    const { container_id: containerId } = app.server.app.store!.db.prepare('SELECT container_id FROM files WHERE id = ?').get(file.id) as {
      container_id: string
    }
    // As a live tab records a change (outbox.ts): its record, and its tab lock held, so that no
    // tab adopts it. The kept copy was saved before it, so it still has the file.
    await page.evaluate(
      ([record]) =>
        new Promise<void>((resolve, reject) => {
          void navigator.locks.request(`koodrive-tab:${record.tab}`, () => new Promise(() => {}))
          const request = indexedDB.open('koodrive-outbox')
          request.onerror = () => reject(request.error)
          request.onsuccess = () => {
            const tx = request.result.transaction('changes', 'readwrite')
            tx.objectStore('changes').put(record, `${record.tab}:1`)
            tx.oncomplete = () => resolve()
            tx.onerror = () => reject(tx.error)
          }
        }),
      [
        { user: app.server.config.demoUserId, tab: 'live-tab', askedAt: Date.now(), files: [{ id: file.id, containerId }], starred: false },
      ] as const,
    )
    const second = await context.newPage()
    await second.goto(app.server.url)
    await cells(second).first().waitFor()
    // Not retried: the first tiles this tab shows must already leave the file out.
    const shown = await shownIds(second)
    expect(shown).toContain(serverOrder()[0]!.id)
    expect(shown).not.toContain(file.id)
    await context.close()
  })

  it('the network goes off and on every 300 ms for 10 s while files are removed one by one: every removal arrives, nothing else changes', async () => {
    const { context, page } = await openControlled()
    let offline = false
    const flap = setInterval(() => {
      offline = !offline
      void context.setOffline(offline).catch(() => {})
    }, 300)
    const removed: string[] = []
    const until = Date.now() + 10_000
    try {
      const files = serverOrder()
      const byName = new Map(files.map((f) => [f.name, f]))
      for (let n = 0; n < 30 && Date.now() < until; n++) {
        // The first file on screen that KooDrive lets go (some demo files are pinned).
        const names = await cellNames(page)
        const index = names.findIndex((name) => byName.get(name)?.locked === 0)
        const file = byName.get(names[index]!)!
        await cells(page).nth(index).click()
        await page.keyboard.press('Delete')
        removed.push(file.id)
        await expect.poll(async () => (await cellNames(page)).includes(file.name)).toBe(false)
      }
    } finally {
      clearInterval(flap)
      await context.setOffline(false)
    }
    expect(removed.length).toBeGreaterThanOrEqual(5)
    await expect.poll(() => removed.map(starredOnServer), { timeout: 60_000 }).toEqual(removed.map(() => false))
    const unstarred = app.server.app.store!.db.prepare('SELECT id FROM files WHERE starred = 0').all() as { id: string }[]
    expect(unstarred.map((f) => f.id).sort()).toEqual([...removed].sort())
    await context.close()
  })

  it('after Disconnect no favorites, thumbnails or queued changes remain, and the token was never stored', async () => {
    const { context, page } = await openControlled()
    await expect.poll(() => keptFavorites(page)).toBeGreaterThanOrEqual(100)
    await expect.poll(() => page.evaluate(async () => (await (await caches.open('thumbnails')).keys()).length)).toBeGreaterThan(0)
    await goOffline(context, page)
    await removeAt(page, removable(16, 1))
    await expect.poll(() => queuedChanges(page)).toBe(1)

    const everything = async () => {
      const stored = [
        ...(await readStore(page, 'koodrive-cache', 'clients')),
        ...(await readStore(page, 'koodrive-outbox', 'changes')),
        await page.evaluate(() => JSON.stringify({ ...localStorage })),
        await page.evaluate(() => JSON.stringify({ ...sessionStorage })),
        await page.evaluate(() => document.cookie),
        await page.evaluate(async () => {
          const out: string[] = []
          for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) out.push(request.url, JSON.stringify([...request.headers]))
          }
          return out.join('\n')
        }),
      ]
      return stored.join('\n')
    }
    expect(await everything()).not.toContain(DEMO_TOKEN)

    // Offline, the server cannot end the session: Disconnect says so, and nothing is lost.
    await page.getByRole('button', { name: 'Disconnect' }).click()
    await page.getByRole('alert').filter({ hasText: 'Could not disconnect' }).waitFor()
    expect(await queuedChanges(page)).toBe(1)
    expect(await keptFavorites(page)).toBeGreaterThanOrEqual(100)
    expect(await sessionCookies(context)).toHaveLength(1)

    // Online, with the queued change on its way (the server holds its answer): Disconnect ends the
    // session on the server, then forgets everything of the user, the change still waiting included.
    let answer!: () => void
    holdBatches = new Promise<void>((resolve) => (answer = resolve))
    try {
      await context.setOffline(false)
      restoreServer()
      await expect.poll(() => calls.some((c) => c.kind === 'batch')).toBe(true)
      await page.getByRole('button', { name: 'Disconnect' }).click()
      await page.getByRole('heading', { name: 'Connect to KooDrive' }).waitFor()
      await expect.poll(() => keptFavorites(page), { timeout: 15_000 }).toBe(0)
      await expect.poll(() => queuedChanges(page)).toBe(0)
      await expect.poll(() => page.evaluate(() => caches.has('thumbnails'))).toBe(false)
      expect(await page.evaluate(() => localStorage.getItem('koodrive.user'))).toBeNull()
      expect(await sessionCookies(context)).toEqual([])
      expect(await everything()).not.toContain(DEMO_TOKEN)
    } finally {
      answer()
      holdBatches = undefined
    }
    await context.close()
  })
})

describe('updates', () => {
  it('a new version is offered, and Reload waits while a change is being sent', async () => {
    // A copy of the build, so that a deploy can be played: a new sw.js is a new version.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-dist-'))
    fs.cpSync(path.resolve('dist/client'), dir, { recursive: true })
    let hold: Promise<void> | undefined
    const server = await startAppServer({ staticDir: dir, demoFiles: 200, latency: (call) => (call.kind === 'batch' ? hold : undefined) })
    const { context, page } = await openControlled(server)
    try {
      let answer!: () => void
      hold = new Promise<void>((resolve) => (answer = resolve))
      await cells(page).nth(20).click()
      await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Remove from favorites' }).click()
      await expect.poll(() => page.getByRole('main').getAttribute('aria-busy')).toBe('true')

      fs.appendFileSync(path.join(dir, 'sw.js'), '\n// the next version\n')
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready.' })
      await prompt.waitFor()
      let answered = false
      let reloadedBeforeAnswer = false
      page.on('framenavigated', (frame) => frame === page.mainFrame() && !answered && (reloadedBeforeAnswer = true))
      await prompt.getByRole('button', { name: 'Reload' }).click()
      await page.getByText('Saving your changes first…').waitFor()
      // The batch is still unanswered: the page waits (it has not navigated).
      expect(reloadedBeforeAnswer).toBe(false)
      answered = true
      answer()
      await page.waitForEvent('framenavigated')
      await cells(page).first().waitFor()
      expect(reloadedBeforeAnswer).toBe(false)
      await expect.poll(() => page.getByText('A new version is ready.').count()).toBe(0)
    } finally {
      await context.close()
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('hosts and time', () => {
  it('thumbnails from an object store that sends no CORS headers still show online, and are not kept', async () => {
    const objects = await startAppServer({ demoFiles: 10, objectsCors: false })
    const server = await startAppServer({ demoFiles: 200, objectsOrigin: objects.url, imageOrigins: [objects.url] })
    const { context, page } = await openControlled(server)
    try {
      // Scrolled while the worker controls the page: these pass through it.
      await page.getByTestId('favorites-scroll').evaluate((el) => el.scrollBy(0, 1500))
      await quiet(page)
      await expect.poll(async () => (await thumbnailsShown(page)).length).toBeGreaterThan(5)
      // Every CORS attempt fails there and is replaced by a plain request (some may still be in flight).
      await expect.poll(() => grid(page).locator('img[crossorigin]').count()).toBe(0)
      const sources = await grid(page)
        .locator('img')
        .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src))
      expect(sources.every((src) => src.startsWith(objects.url))).toBe(true)
      expect(await page.evaluate(async () => (await (await caches.open('thumbnails')).keys()).length)).toBe(0)
    } finally {
      await context.close()
      await Promise.all([server.close(), objects.close()])
    }
  })

  it('a change queued longer than the 15-minute X-Date window goes through, with a fresh X-Date', async () => {
    let shift = 0
    const clock = runningClock()
    const sent: number[] = []
    const server = await startAppServer({
      demoFiles: 200,
      now: () => clock() + shift,
      latency: (call) => void (call.kind === 'batch' && sent.push(shift)),
    })
    const { context, page } = await openControlled(server)
    try {
      const order = server.app
        .store!.db.prepare('SELECT id, locked FROM files WHERE starred = 1 ORDER BY starred_time DESC, id DESC')
        .all() as {
        id: string
        locked: number
      }[]
      const index = order.findIndex((f, i) => i >= 10 && !f.locked)
      await context.setOffline(true)
      await cells(page).nth(index).click()
      await page.keyboard.press('Delete')
      await expect.poll(() => page.getByText('1 change waiting to be sent').count()).toBe(1)
      // Twenty minutes pass, for the server and for the browser.
      shift = 20 * 60_000
      await context.clock.fastForward('20:00')
      await context.setOffline(false)
      const starred = () =>
        (server.app.store!.db.prepare('SELECT starred FROM files WHERE id = ?').get(order[index]!.id) as { starred: number }).starred
      await expect.poll(starred).toBe(0)
      expect(sent).toEqual([20 * 60_000])
      expect(await page.getByRole('alert').count()).toBe(0)
    } finally {
      await context.close()
      await server.close()
    }
  })
})
