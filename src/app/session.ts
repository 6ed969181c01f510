// Who is connected: demo credentials from the server, or what the user typed on Connect.
// The token lives in memory and sessionStorage only, never in localStorage or a cache.
import type { Credentials } from '../api/client'

const KEY = 'koodrive.session'

export interface AppConfig {
  mode: 'demo' | 'proxy'
  token?: string
  userId?: string
}

export async function loadAppConfig(signal?: AbortSignal): Promise<AppConfig> {
  const res = await fetch('/app-config.json', { signal, cache: 'no-store' })
  if (!res.ok) throw new Error(`Could not load the app configuration (HTTP ${res.status})`)
  return (await res.json()) as AppConfig
}

let current: Credentials | undefined

export const session = {
  get: (): Credentials | undefined => {
    if (current) return current
    try {
      const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Credentials | null
      if (saved?.token && saved.userId) current = saved
    } catch {
      // A damaged entry is the same as none.
    }
    return current
  },
  set: (credentials: Credentials) => {
    current = credentials
    sessionStorage.setItem(KEY, JSON.stringify(credentials))
  },
  clear: () => {
    current = undefined
    sessionStorage.removeItem(KEY)
  },
}
