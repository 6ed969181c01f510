// Who is connected: demo credentials from the server, or what the user typed on Connect.
// The token lives in this page's memory only: never in any storage (sessionStorage too reaches
// the profile on disk), so a reload in proxy mode asks for it again, and Disconnect forgets it.
import { useSyncExternalStore } from 'react'
import type { Credentials } from '../api/client'

const KEY = 'koodrive.session'

export interface AppConfig {
  mode: 'demo' | 'proxy'
  token?: string
  userId?: string
}

export async function loadAppConfig(baseUrl: string, signal?: AbortSignal): Promise<AppConfig> {
  // The default cache mode, so that index.html's preload answers it (the server says no-store).
  const res = await fetch(new URL('/app-config.json', baseUrl), { signal })
  if (!res.ok) throw new Error(`Could not load the app configuration (HTTP ${res.status})`)
  return (await res.json()) as AppConfig
}

export interface SessionState {
  credentials?: Credentials
  /** Why the last session ended (a 401's message), shown on Connect. */
  endedBecause?: string
  /** Whose session that was: reconnecting as someone else starts from an empty cache. */
  previousUserId?: string
  /**
   * Whose favorites this browser keeps (offline copy, queued changes): the last user connected,
   * remembered across reloads. An id, not a credential: the token is never stored.
   */
  user?: string
}

const USER_KEY = 'koodrive.user'
function remember(user: string | undefined) {
  try {
    if (user) localStorage.setItem(USER_KEY, user)
    else localStorage.removeItem(USER_KEY)
  } catch {
    // storage blocked: the offline copy then lasts only as long as the page
  }
}
function remembered(): string | undefined {
  try {
    return localStorage.getItem(USER_KEY) ?? undefined
  } catch {
    return undefined
  }
}

/** Earlier versions kept the session in sessionStorage: take it out of the profile. */
try {
  sessionStorage.removeItem(KEY)
} catch {
  // storage may be blocked: then nothing was kept there either
}

let state: SessionState = { user: remembered() }
const listeners = new Set<() => void>()
function update(next: SessionState) {
  state = next
  listeners.forEach((l) => l())
}

export const session = {
  getState: () => state,
  credentials: (): Credentials | undefined => state.credentials,
  connect(credentials: Credentials) {
    remember(credentials.userId)
    update({ credentials, user: credentials.userId })
  },
  /** A 401: forget the token, keep the reason for the Connect screen. */
  expire(reason: string) {
    if (!state.credentials) return
    update({ endedBecause: reason, previousUserId: state.credentials.userId, user: state.user })
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
        const current = state.credentials?.userId
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
