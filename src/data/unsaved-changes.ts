// Changes this tab could not write to its offline outbox (IndexedDB full, blocked, or missing).
// They are still being sent; only a closed tab loses them, which is what the status line says.
import { useSyncExternalStore } from 'react'

const ids = new Set<number>()
const listeners = new Set<() => void>()
let any = false
function update() {
  if (any === ids.size > 0) return
  any = !any
  listeners.forEach((l) => l())
}

/** By mutation id: a change that could not be kept, and its settling (sent, refused or forgotten). */
export const unsavedChanges = {
  add(id: number) {
    ids.add(id)
    update()
  },
  delete(id: number) {
    ids.delete(id)
    update()
  },
}

/** Whether any change is held in memory only. */
export const useUnsavedChanges = () =>
  useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => any,
  )
