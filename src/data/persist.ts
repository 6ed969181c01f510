// The favorites already loaded, kept per user in IndexedDB (TanStack Query's persister), so an
// offline start shows them. Bounded: the first pages of each list only, saved at most once a second.
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister'
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client'
import type { InfiniteData, Query } from '@tanstack/react-query'
import { del, get, set } from 'idb-keyval'
import { patchStarred, type FavoritesData } from './optimistic'
import { favoriteQueries } from './queries'
import { whenIdle } from '../lib/idle'
import { queuedChanges } from './outbox'
import { cacheStore } from './storage'
import { SAVE_THROTTLE_MS } from './safe-to-reload'

/** Bumped when what is kept changes shape: older copies are then dropped, not misread. */
export const SCHEMA = 'favorites-v1'
/** A week offline still opens onto the favorites. */
export const MAX_AGE_MS = 7 * 24 * 3600_000
/** Pages kept per list: 2,000 favorites at 100 a page (a save then costs ~25 ms, see the benchmark). */
export const MAX_PAGES = 20

const key = (user: string) => `favorites:${user}`
const isList = (query: Pick<Query, 'queryKey'>) => query.queryKey[0] === favoriteQueries.all()[0] && query.queryKey[1] === 'list'

function trim<T>(data: InfiniteData<T> | undefined): InfiniteData<T> | undefined {
  if (!data || data.pages.length <= MAX_PAGES) return data
  return { pages: data.pages.slice(0, MAX_PAGES), pageParams: data.pageParams.slice(0, MAX_PAGES) }
}

/** JSON keeps the first page's `undefined` cursor as `null`, which a refetch would send: undo that. */
function restoreCursors<T>(data: InfiniteData<T> | undefined): InfiniteData<T> | undefined {
  return data && { ...data, pageParams: data.pageParams.map((p) => p ?? undefined) }
}

/** Users forgotten since their provider was made: a save waiting for an idle moment is dropped. */
const forgotten = new Set<string>()

export function persistOptions(user: string): Omit<PersistQueryClientOptions, 'queryClient'> {
  const persister = createAsyncStoragePersister({
    storage: {
      getItem: async (k) => {
        const store = cacheStore()
        return store ? ((await get<string>(k, store)) ?? null) : null
      },
      setItem: async (k, value: string) => {
        const store = cacheStore()
        const start = performance.now()
        if (store) await set(k, value, store)
        performance.measure('persist:write', { start })
      },
      removeItem: async (k) => {
        const store = cacheStore()
        if (store) await del(k, store)
      },
    },
    key: key(user),
    throttleTime: SAVE_THROTTLE_MS,
    // Timed (User Timing, seen in DevTools and by the benchmark): the main-thread part of a save.
    serialize: (client) => {
      const start = performance.now()
      const text = JSON.stringify(client)
      performance.measure('persist:serialize', { start })
      return text
    },
  })
  // Loading page 21 and on, or scrolling, changes nothing that is kept: such a save is skipped.
  // Pages are immutable in the cache, so "the same page objects, in the same lists" is exact.
  let lastKept: unknown[] = []
  const persistClient = persister.persistClient
  persister.persistClient = (client) => {
    const kept = client.clientState.queries.flatMap((q) => [
      q.queryHash,
      ...((q.state.data as InfiniteData<unknown> | undefined)?.pages ?? []),
    ])
    if (kept.length === lastKept.length && kept.every((page, i) => page === lastKept[i])) return
    lastKept = kept
    // Serialised and written when the browser is idle, not in the task of the click that changed
    // the cache: removing 10,000 spent ~90 ms of its click-to-paint here. Not after Disconnect.
    return new Promise<void>((resolve, reject) =>
      whenIdle(() => (forgotten.has(user) ? resolve() : Promise.resolve(persistClient(client)).then(resolve, reject)), SAVE_THROTTLE_MS),
    )
  }
  // The kept copy comes back with every change still waiting applied, whichever tab queued it: the
  // copy may have been saved before the change (a save waits for an idle moment), and only one tab
  // runs the waiting changes again (with their patch); another tab would show the files as before.
  // (The restored copy is freshly parsed, so it is patched in place.)
  const restoreClient = persister.restoreClient
  persister.restoreClient = async () => {
    // The check is a chunk of its own (not in the first screen's JavaScript), loaded beside the read.
    const [restored, queued, { isKeptCopy }] = await Promise.all([
      restoreClient(),
      queuedChanges(user).catch(() => []),
      import('./kept-copy'),
    ])
    const client = restored === undefined || isKeptCopy(restored) ? restored : undefined
    if (restored !== client) await persister.removeClient()
    const changes = queued.map((c) => ({ ids: new Set(c.files.map((f) => f.id)), starred: c.starred }))
    for (const q of client?.clientState.queries ?? []) {
      if (!isList(q)) continue
      for (const { ids, starred } of changes) q.state.data = patchStarred(q.state.data as FavoritesData, ids, starred)
    }
    return client
  }
  forgotten.delete(user)
  return {
    persister,
    maxAge: MAX_AGE_MS,
    buster: SCHEMA,
    dehydrateOptions: {
      // Lists only, and the first pages of each. Changes have their own outbox (outbox.ts).
      shouldDehydrateQuery: (query) => query.state.status === 'success' && isList(query),
      shouldDehydrateMutation: () => false,
      serializeData: (data) => trim(data as InfiniteData<unknown>),
    },
    hydrateOptions: { defaultOptions: { deserializeData: (data) => restoreCursors(data as InfiniteData<unknown>) } },
  }
}

/** Deletes a user's kept favorites (and drops a save still waiting for an idle moment). */
export async function forgetPersisted(user: string) {
  forgotten.add(user)
  const store = cacheStore()
  if (store) await del(key(user), store)
}
