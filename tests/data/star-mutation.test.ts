// @vitest-environment node
// The registered star/unstar mutation, driven through a real QueryClient against the real server.
// The server's latency hook holds answers back, to order them as each case needs.
import { InfiniteQueryObserver, MutationObserver, QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { ApiError, createClient, type KooDriveClient } from '../../src/api/client'
import type { StarResult } from '../../src/api/endpoints'
import type { FavoritesData } from '../../src/data/optimistic'
import { MAX_CONNECTS, starMutationOptions } from '../../src/data/star-mutation'
import { favoriteMutations, favoriteQueries, type SetStarredVariables } from '../../src/data/queries'
import type { RunningServer } from '../../src/server/app'
import type { ApiCall } from '../../src/server/config'
import { SPECIAL } from '../../src/server/seed'
import { TOKEN, USER, startTestServer } from '../support/server'

let hold: (call: ApiCall) => Promise<void> | void = () => {}
let server: RunningServer
let client: KooDriveClient
beforeAll(async () => {
  server = await startTestServer({ demoFiles: 250, latency: (call) => hold(call) })
  client = createClient({
    baseUrl: server.url,
    getCredentials: () => ({ token: TOKEN, userId: USER }),
    fetch: (input, init) => {
      const url = String(input)
      ;(url.includes('/star/batch') ? batchCalls : listCalls).push(url)
      const fault = failNext?.(url)
      if (fault) return fault instanceof Error ? Promise.reject(fault) : Promise.resolve(fault)
      return fetch(input, init)
    },
  })
})
afterAll(() => server.close())

/** A promise the test resolves when it chooses. */
function gate() {
  let open!: () => void
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

let failNext: ((url: string) => Response | Error | undefined) | undefined
const listCalls: string[] = []
const batchCalls: string[] = []
let reauthorize: (error: ApiError) => Promise<void>
let queryClient: QueryClient
let unsubscribe: () => void
const filter = { pageSize: 100, sortDirection: 'desc' as const }

beforeEach(async () => {
  hold = () => {}
  failNext = undefined
  reauthorize = () => Promise.reject(new Error('no reconnect in this test'))
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const starMutation = starMutationOptions(client, { reauthorize: (e) => reauthorize(e) })
  queryClient.setMutationDefaults(starMutation.mutationKey, { ...starMutation, retryDelay: 10 })
  // An active list (someone is looking at it), two pages loaded.
  const observer = new InfiniteQueryObserver(queryClient, favoriteQueries.list(client, filter))
  unsubscribe = observer.subscribe(() => {})
  await until(() => observer.getCurrentResult().isSuccess, 'the first page')
  await observer.fetchNextPage()
  listCalls.length = 0
  batchCalls.length = 0
})
afterEach(() => {
  unsubscribe()
  queryClient.clear()
  // Put the library back as seeded.
  server.app.store!.db.prepare('UPDATE files SET starred = 1').run()
})

const cached = () => queryClient.getQueryData<FavoritesData>(favoriteQueries.list(client, filter).queryKey)!
const shownIds = () => cached().pages.flatMap((p) => p.items.filter((i) => i.starred).map((i) => i.id))
const loadedIds = () => cached().pages.flatMap((p) => p.items.map((i) => i.id))
const starredOnServer = (id: string) =>
  (server.app.store!.db.prepare('SELECT starred FROM files WHERE id = ?').get(id) as { starred: number }).starred === 1
function mutate(variables: SetStarredVariables) {
  const observer = new MutationObserver<StarResult, Error, SetStarredVariables>(queryClient, {
    mutationKey: favoriteMutations.setStarredKey(),
  })
  return observer.mutate(variables).catch((e: unknown) => e)
}
const settled = () => until(() => queryClient.isMutating() === 0 && queryClient.isFetching() === 0, 'everything to settle')
const refs = (ids: string[]) => {
  const all = cached().pages.flatMap((p) => p.items)
  return ids.map((id) => ({ id, containerId: all.find((f) => f.id === id)!.containerId }))
}

it('hides the files before the server answers, keeps refused ones in place, and refetches once at the end', async () => {
  const answer = gate()
  hold = (call) => (call.kind === 'batch' ? answer.promise : undefined)
  const [first, second] = loadedIds().filter((id) => id !== SPECIAL.locked)
  const before = shownIds()
  const done = mutate({ files: refs([first!, SPECIAL.locked, second!]), starred: false })
  await until(() => !shownIds().includes(first!), 'the optimistic patch')
  expect(shownIds()).toEqual(before.filter((id) => id !== first && id !== second && id !== SPECIAL.locked))
  expect(listCalls).toEqual([])

  answer.open()
  await done
  await settled()
  // The refused file is back where it was; the two others are gone here and on the server.
  const after = shownIds()
  expect(after).toContain(SPECIAL.locked)
  expect(after.indexOf(SPECIAL.locked)).toBe(before.filter((id) => id !== first && id !== second).indexOf(SPECIAL.locked))
  expect(after).not.toContain(first)
  expect([starredOnServer(first!), starredOnServer(second!), starredOnServer(SPECIAL.locked)]).toEqual([false, false, true])
  // One refetch of the two loaded pages, after the change settled.
  expect(listCalls).toHaveLength(2)
})

it('overlapping changes of the same file answered in reverse order end in the last state asked for', async () => {
  const [file] = loadedIds().slice(5, 6)
  const firstAnswer = gate()
  hold = (call) => (call.kind === 'batch' && call.starred === false ? firstAnswer.promise : undefined)
  const remove = mutate({ files: refs([file!]), starred: false })
  await until(() => !shownIds().includes(file!), 'the removal to show')
  await until(() => batchCalls.length === 1, 'the removal to be sent')
  const undo = mutate({ files: refs([file!]), starred: true })
  await undo // answered first, while the removal is still held
  expect(shownIds()).toContain(file)
  expect(listCalls).toEqual([]) // not the last change: no refetch yet
  firstAnswer.open()
  await remove
  await settled()
  expect(shownIds()).toContain(file)
  expect(starredOnServer(file!)).toBe(true)
  expect(listCalls).toHaveLength(2)
})

it('two overlapping batches of different files never undo each other', async () => {
  const ids = loadedIds()
  const a = ids.slice(10, 13)
  const b = ids.slice(20, 23)
  const firstAnswer = gate()
  hold = (call) => (call.kind === 'batch' && call.fileIds?.includes(a[0]!) ? firstAnswer.promise : undefined)
  const first = mutate({ files: refs(a), starred: false })
  await until(() => batchCalls.length === 1, 'the first batch to be sent')
  await mutate({ files: refs(b), starred: false })
  expect(shownIds().filter((id) => a.includes(id) || b.includes(id))).toEqual([])
  firstAnswer.open()
  await first
  await settled()
  expect(shownIds().filter((id) => a.includes(id) || b.includes(id))).toEqual([])
  expect([...a, ...b].map(starredOnServer)).toEqual([false, false, false, false, false, false])
})

it('a page fetch in flight when the change is asked for does not bring the files back', async () => {
  const [file] = loadedIds().slice(1, 2)
  const pageAnswer = gate()
  hold = (call) => (call.kind === 'list' ? pageAnswer.promise : undefined)
  const refetch = queryClient.refetchQueries({ queryKey: favoriteQueries.lists() })
  await until(() => listCalls.length === 1, 'the refetch to start')
  const done = mutate({ files: refs([file!]), starred: false })
  await until(() => !shownIds().includes(file!), 'the optimistic patch')
  pageAnswer.open()
  await refetch
  expect(shownIds()).not.toContain(file)
  hold = () => {}
  await done
  await settled()
  expect(shownIds()).not.toContain(file)
  expect(loadedIds()).not.toContain(file) // the refetch after the change no longer lists it
})

it('a network failure is retried (the state is absolute), and sent once it goes through', async () => {
  const [file] = loadedIds().slice(30, 31)
  let failures = 0
  failNext = (url) => (url.includes('/star/batch') && failures++ < 2 ? new TypeError('Failed to fetch') : undefined)
  const result = (await mutate({ files: refs([file!]), starred: false })) as StarResult
  expect(result.succeeded).toEqual([file])
  expect(batchCalls).toHaveLength(3)
  expect(starredOnServer(file!)).toBe(false)
})

it('a 4xx is not retried: every file comes back, and the error is the server message', async () => {
  const ids = loadedIds().slice(40, 42)
  failNext = (url) =>
    url.includes('/star/batch') ? Response.json({ code: '400', msg: 'subRequestList is invalid' }, { status: 400 }) : undefined
  const result = (await mutate({ files: refs(ids), starred: false })) as StarResult
  expect(result.failed.map((f) => [f.id, f.message])).toEqual(ids.map((id) => [id, 'subRequestList is invalid']))
  expect(result.failed[0]!.error).toBeInstanceOf(ApiError)
  expect(batchCalls).toHaveLength(1)
  await settled()
  expect(shownIds()).toEqual(expect.arrayContaining(ids))
})

it('a 401 keeps the change pending (files stay hidden) and sends it after reconnecting', async () => {
  const [file] = loadedIds().slice(50, 51)
  const reconnected = gate()
  let asked = 0
  reauthorize = () => {
    asked++
    return reconnected.promise
  }
  let refuse = true
  failNext = (url) =>
    url.includes('/star/batch') && refuse ? Response.json({ code: 'APIGW.0301', msg: 'Token expired' }, { status: 401 }) : undefined
  const done = mutate({ files: refs([file!]), starred: false })
  await until(() => asked === 1, 'the 401')
  expect(queryClient.isMutating()).toBe(1)
  expect(shownIds()).not.toContain(file)
  expect(starredOnServer(file!)).toBe(true)
  refuse = false
  reconnected.open()
  const result = (await done) as StarResult
  expect(result.succeeded).toEqual([file])
  expect(starredOnServer(file!)).toBe(false)
})

it('a 401 that comes back after every Connect is shown after the third, not asked about for ever', async () => {
  const [file] = loadedIds().slice(60, 61)
  let asked = 0
  reauthorize = async () => void asked++
  failNext = (url) =>
    url.includes('/star/batch') ? Response.json({ code: 'APIGW.0301', msg: 'Not allowed for this app' }, { status: 401 }) : undefined
  const result = (await mutate({ files: refs([file!]), starred: false })) as StarResult
  expect(asked).toBe(MAX_CONNECTS)
  expect(batchCalls).toHaveLength(MAX_CONNECTS + 1)
  expect(result.failed.map((f) => [f.id, f.message])).toEqual([[file, 'Not allowed for this app']])
  await settled()
  expect(shownIds()).toContain(file)
})

it('a 408 is retried like a 5xx; a 403 is an answer', async () => {
  const [file, other] = loadedIds().slice(70, 72)
  let timeouts = 0
  failNext = (url) =>
    url.includes('/star/batch') && timeouts++ < 1 ? Response.json({ code: '408', msg: 'Too slow' }, { status: 408 }) : undefined
  expect(((await mutate({ files: refs([file!]), starred: false })) as StarResult).succeeded).toEqual([file])
  expect(batchCalls).toHaveLength(2)
  batchCalls.length = 0
  failNext = (url) => (url.includes('/star/batch') ? Response.json({ code: 'APIGW.0403', msg: 'Forbidden' }, { status: 403 }) : undefined)
  expect(((await mutate({ files: refs([other!]), starred: false })) as StarResult).failed.map((f) => f.id)).toEqual([other])
  expect(batchCalls).toHaveLength(1)
})

it('sends one batch per 100 files', async () => {
  const ids = loadedIds().filter((id) => id !== SPECIAL.locked)
  expect(ids.length).toBeGreaterThanOrEqual(199)
  const sizes: number[] = []
  hold = (call) => void (call.kind === 'batch' && sizes.push(call.fileIds!.length))
  const result = (await mutate({ files: refs(ids.slice(0, 199)), starred: false })) as StarResult
  expect(sizes.sort((a, b) => b - a)).toEqual([100, 99])
  // Every file has its answer; the only refusals are files an administrator pinned.
  expect(result.succeeded.length + result.failed.length).toBe(199)
  expect(new Set(result.failed.map((f) => f.code))).toEqual(new Set(result.failed.length ? ['403'] : []))
})
