// The IndexedDB stores (idb-keyval): the favorites each user has loaded, and the outbox of
// changes not yet sent. Opened on first use; without IndexedDB (blocked, or jsdom) nothing is kept.
import { createStore, type UseStore } from 'idb-keyval'

function lazyStore(db: string, store: string): () => UseStore | undefined {
  let opened: UseStore | undefined
  return () => {
    if (typeof indexedDB === 'undefined') return undefined
    opened ??= createStore(db, store)
    return opened
  }
}

export const cacheStore = lazyStore('koodrive-cache', 'clients')
export const outboxStore = lazyStore('koodrive-outbox', 'changes')
