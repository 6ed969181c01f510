// The session the app's own server holds for this browser: who is connected (GET), connect (POST,
// the token and user ID, once: the page never sees the token again) and disconnect (DELETE).
import { ApiError, type Credentials } from './client'
import { SESSION_HEADER, SESSION_HEADER_VALUE, SESSION_PATH } from '../wire/format'

/**
 * One call to the session route; resolves with the connected user's ID (undefined for DELETE).
 * The check (GET) is asked exactly as index.html preloads it, so that the preload answers it: no
 * custom header (it reads nothing another site could use) and the default cache mode (the server
 * says no-store).
 */
export async function sessionCall(baseUrl: string, method: 'GET' | 'POST' | 'DELETE', body?: Credentials, signal?: AbortSignal) {
  const change = method !== 'GET'
  let res: Response
  try {
    res = await fetch(new URL(SESSION_PATH, baseUrl), {
      method,
      headers: change ? { [SESSION_HEADER]: SESSION_HEADER_VALUE, 'Content-Type': 'application/json' } : {},
      body: body && JSON.stringify(body),
      credentials: 'same-origin',
      cache: change ? 'no-store' : 'default',
      redirect: 'error',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    throw new ApiError('network', 0, 'NETWORK', 'Could not reach the app’s server', '')
  }
  if (method === 'DELETE' && res.ok) return undefined
  const data = (await res.json().catch(() => ({}))) as { userId?: unknown; code?: unknown; msg?: unknown }
  if (!res.ok) throw new ApiError('http', res.status, String(data.code ?? ''), String(data.msg ?? `HTTP ${res.status}`), '')
  if (typeof data.userId !== 'string' || !data.userId)
    throw new ApiError('malformed', res.status, 'MALFORMED', 'Unreadable session answer', '')
  return data.userId
}
