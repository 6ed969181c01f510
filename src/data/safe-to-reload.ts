// When a reload loses nothing: no change is being sent, and what the cache holds has been saved.
import type { QueryClient } from '@tanstack/react-query'

/** The persister writes at most once per this many ms (see persist.ts). */
export const SAVE_THROTTLE_MS = 1000

const CHANGES = new Set(['added', 'removed', 'updated'])
const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms))

/**
 * Resolves once no change is being sent (one paused offline is in the outbox and survives a
 * reload), the outbox's writes are done, and the persister's throttle has passed since the cache
 * last changed (plus the idle wait before a save).
 */
export async function whenSafeToReload(queryClient: QueryClient, outboxWrites: () => Promise<unknown>): Promise<void> {
  let lastChange = Date.now()
  const touch = (event: { type: string }) => CHANGES.has(event.type) && (lastChange = Date.now())
  const unsubscribe = [queryClient.getQueryCache().subscribe(touch), queryClient.getMutationCache().subscribe(touch)]
  const sending = () => queryClient.isMutating({ predicate: (m) => m.state.status === 'pending' && !m.state.isPaused })
  try {
    for (;;) {
      if (sending() === 0) {
        await outboxWrites()
        // A save waits at most SAVE_THROTTLE_MS for an idle moment, then the throttle's window.
        const wait = lastChange + 2 * SAVE_THROTTLE_MS + 100 - Date.now()
        if (wait <= 0 && sending() === 0) return
      }
      await sleep(200)
    }
  } finally {
    for (const stop of unsubscribe) stop()
  }
}
