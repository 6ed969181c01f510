// Changes not yet sent, kept in IndexedDB one record each, so that a change made offline survives
// a reload or a browser restart and is sent once the network is back.
//
// Each tab records the star mutations it runs and deletes them when they settle; a live tab sends
// its own. Records whose tab is gone (a reload, a closed tab, a restart) are adopted by one tab
// only, the one holding the "outbox" Web Lock, which runs them again as new mutations (their
// optimistic patch included) once there are credentials. Each tab holds a lock named after itself
// for its lifetime, which is how the others tell that it is gone. TanStack's own persistence of
// paused mutations is not used: every tab would write the same key and drop the others' changes.
import { type Mutation, type QueryClient, MutationObserver } from '@tanstack/react-query'
import { del, entries, set } from 'idb-keyval'
import type { SetStarredVariables } from './queries'
import type { StarMutationOptions } from './star-mutation'
import { afterPaint } from '../lib/idle'
import { unsavedChanges } from './unsaved-changes'
import { outboxStore } from './storage'

interface OutboxRecord {
  user: string
  tab: string
  /** When the change was asked for: adopted changes are run again in this order (the last wins). */
  askedAt: number
  files: SetStarredVariables['files']
  starred: boolean
}

const TAB = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2)
const TAB_LOCK = (tab: string) => `koodrive-tab:${tab}`
const LEADER_LOCK = 'koodrive-outbox'
let writes: Promise<unknown> = Promise.resolve()

/** Resolves once every record asked to be written or deleted so far is. */
export const outboxWrites = () => writes

function write(job: () => Promise<unknown>) {
  writes = writes.then(job).catch(() => {}) // a full or blocked store must not stop the app
}

export interface OutboxOptions {
  queryClient: QueryClient
  starMutation: StarMutationOptions
  /** Whose changes these are: the session's user (known offline too, without credentials). */
  user: () => string | undefined
}

/** Records this tab's changes and, when this tab leads, adopts the orphans. Returns a stop function. */
export function startOutbox({ queryClient, starMutation, user }: OutboxOptions): (() => void) & { adopt: () => Promise<void> } {
  const store = outboxStore()
  const recorded = new Set<number>()
  const isStar = (m: Mutation<unknown, unknown, unknown, unknown>) => m.options.mutationKey?.join() === starMutation.mutationKey.join()

  const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
    const m = event.mutation
    if (!m || !isStar(m)) return
    const id = `${TAB}:${m.mutationId}`
    const variables = m.state.variables as SetStarredVariables | undefined
    const owner = user()
    if (m.state.status === 'pending' && variables && owner && !recorded.has(m.mutationId)) {
      recorded.add(m.mutationId)
      const record: OutboxRecord = { user: owner, tab: TAB, askedAt: Date.now(), files: variables.files, starred: variables.starred }
      // Written just after the next paint: cloning 10,000 files into IndexedDB in the click's own
      // task held the removal's paint back. The gap is one frame. A write that fails (quota, a
      // private window, no IndexedDB) leaves the change in memory, still being sent, and says so.
      const { mutationId } = m
      write(() =>
        afterPaint()
          .then(() => (store ? set(id, record, store) : Promise.reject(new Error('No IndexedDB'))))
          .catch(() => recorded.has(mutationId) && unsavedChanges.add(mutationId)),
      )
    } else if ((m.state.status !== 'pending' || event.type === 'removed') && recorded.has(m.mutationId)) {
      recorded.delete(m.mutationId)
      unsavedChanges.delete(m.mutationId)
      if (store) write(() => del(id, store))
    }
  })
  if (!store || !navigator.locks) return Object.assign(unsubscribe, { adopt: async () => {} })

  let leading = false
  const stopped = new AbortController()
  // This tab's own lock, held until it goes; then the leader's, waited for.
  void navigator.locks.request(TAB_LOCK(TAB), { signal: stopped.signal }, () => new Promise(() => {})).catch(() => {})
  void navigator.locks
    .request(LEADER_LOCK, { signal: stopped.signal }, () => {
      leading = true
      void adopt()
      return new Promise(() => {})
    })
    .catch(() => {})

  // Each other tab with records is watched by asking for its lock, which is granted when that tab
  // is gone (at once if it already is): its records are then this tab's to send.
  const watched = new Set<string>()
  async function adopt() {
    const owner = user()
    if (!leading || !owner) return
    const tabs = new Set((await recordsOf(owner)).filter(([, r]) => r.tab !== TAB).map(([, r]) => r.tab))
    for (const tab of tabs) {
      if (watched.has(tab)) continue
      watched.add(tab)
      void navigator.locks.request(TAB_LOCK(tab), { signal: stopped.signal }, () => adoptTab(tab, owner)).catch(() => {})
    }
  }
  async function adoptTab(tab: string, owner: string) {
    const records = (await recordsOf(owner)).filter(([, r]) => r.tab === tab).sort(([, a], [, b]) => a.askedAt - b.askedAt)
    for (const [id, record] of records) {
      // Run again as this tab's own change (recorded anew), in the order they were asked for.
      void new MutationObserver(queryClient, starMutation).mutate({ files: record.files, starred: record.starred }).catch(() => {})
      write(() => del(id, store!))
    }
    await writes
  }
  // Orphans appear when another tab closes, and can be sent once there are credentials.
  const timer = window.setInterval(() => void adopt(), 10_000)

  return Object.assign(
    () => {
      unsubscribe()
      stopped.abort()
      window.clearInterval(timer)
    },
    { adopt },
  )
}

/** A user's records, with their keys. */
async function recordsOf(user: string): Promise<[IDBValidKey, OutboxRecord][]> {
  const store = outboxStore()
  return store ? (await entries<IDBValidKey, OutboxRecord>(store)).filter(([, r]) => r.user === user) : []
}

/**
 * A user's changes waiting in any tab (this one's, another live tab's, or a closed tab's not yet
 * adopted), in the order they were asked for: what every tab's kept copy is shown with.
 */
export const queuedChanges = async (user: string): Promise<OutboxRecord[]> =>
  (await recordsOf(user)).map(([, r]) => r).sort((a, b) => a.askedAt - b.askedAt)

/** Deletes a user's queued changes (Disconnect). */
export async function forgetOutbox(user: string) {
  await Promise.all((await recordsOf(user)).map(([id]) => del(id, outboxStore())))
}
