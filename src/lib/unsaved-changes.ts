// Changes this tab could not write to its offline outbox (IndexedDB full, blocked, or missing).
// They are still being sent; only a closed tab loses them, which is what the status line says.
import { useSyncExternalStore } from 'react'

const files = new Map<number, number>()
const listeners = new Set<() => void>()
let total = 0
/** `count` files of a change (by mutation id) that could not be kept; 0 once it settled. */
function set(id: number, count: number) {
  if (count) files.set(id, count)
  else if (!files.delete(id)) return
  total = 0
  files.forEach((n) => (total += n))
  listeners.forEach((l) => l())
}

export const unsavedChanges = { add: set, delete: (id: number) => set(id, 0) }

/** How many files' changes are held in memory only. */
export const useUnsavedChanges = () =>
  useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => total,
  )
