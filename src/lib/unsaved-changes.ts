// Changes this tab could not write to its offline outbox (IndexedDB full, blocked, or missing).
// They are still being sent; only a closed tab loses them, which is what the status line says.
import { useSyncExternalStore } from 'react'

const files = new Map<number, number>()
const listeners = new Set<() => void>()
let total = 0
function changed() {
  total = [...files.values()].reduce((sum, n) => sum + n, 0)
  listeners.forEach((l) => l())
}

export const unsavedChanges = {
  /** A change (by mutation id) of `count` files that could not be kept. */
  add(id: number, count: number) {
    files.set(id, count)
    changed()
  },
  /** The change settled (sent, refused or forgotten): nothing is at risk any more. */
  delete(id: number) {
    if (files.delete(id)) changed()
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
}

/** How many files' changes are held in memory only. */
export const useUnsavedChanges = () => useSyncExternalStore(unsavedChanges.subscribe, () => total)
