// Who is connected, as the app's own server says. The server holds the session (the token sealed in
// an HttpOnly cookie), so this page never has the token: it knows only the user ID, which is what
// decides whose kept favorites and queued changes are shown and sent.
import { useSyncExternalStore } from 'react'
import { readPref, writePref } from './prefs'

export interface SessionState {
  /** The user the server holds a session for: said by the check at start, or by Connect. */
  userId?: string
  /** Why the last session ended (a 401's message), shown on Connect. */
  endedBecause?: string
  /** Whose session that was: reconnecting as someone else starts from an empty cache. */
  previousUserId?: string
  /**
   * Whose favorites this browser keeps (offline copy, queued changes): the last user connected,
   * remembered across reloads. An id, not a credential.
   */
  user?: string
}

// With storage blocked the offline copy lasts only as long as the page.
const USER_KEY = 'koodrive.user'
const remember = (user: string | undefined) => void writePref(USER_KEY, user || undefined)

let state: SessionState = { user: readPref(USER_KEY) }
const listeners = new Set<() => void>()
function update(next: SessionState) {
  state = next
  listeners.forEach((l) => l())
}

export const session = {
  getState: () => state,
  connect(userId: string) {
    remember(userId)
    update({ userId, user: userId })
  },
  /** A 401: the session is over (the server has cleared it); keep the reason for the Connect screen. */
  expire(reason: string) {
    const previousUserId = state.userId ?? state.user
    if (state.endedBecause !== undefined && !state.userId) return
    update({ endedBecause: reason, previousUserId, user: state.user })
  },
  disconnect() {
    remember(undefined)
    update({})
  },
  /**
   * Resolves when `userId` is connected again (a change held back by a 401 can then be sent);
   * rejects if someone else connects, whose favorites the change was never meant for.
   */
  reconnected(userId: string | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const current = state.userId
        if (!current) return
        unsubscribe()
        if (current === userId) resolve()
        else reject(new Error('Connected as someone else: the change was not sent'))
      }
      const unsubscribe = session.subscribe(check)
      check()
    })
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState)
}
