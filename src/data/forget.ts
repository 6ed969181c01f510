// Disconnect: what this browser kept of a user goes, all of it.
import { forgetOutbox } from './outbox'
import { forgetPersisted } from './persist'
import { SAVE_THROTTLE_MS } from './safe-to-reload'

export const THUMBNAIL_CACHE = 'thumbnails'

export async function forgetStored(user: string) {
  const forget = () =>
    Promise.all([forgetPersisted(user), forgetOutbox(user), typeof caches === 'undefined' ? false : caches.delete(THUMBNAIL_CACHE)])
  await forget()
  // A save the persister had already scheduled may still land: forget once more after it.
  await new Promise((resolve) => window.setTimeout(resolve, SAVE_THROTTLE_MS + 200))
  await forget()
}
