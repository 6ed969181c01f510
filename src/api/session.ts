// The session the app's own server holds for this browser: who is connected, connect, disconnect.
// The token goes to the server once, on connect; the page never sees it again (the cookie is HttpOnly).
import * as v from 'valibot'
import { ApiError, newTraceId, type Credentials } from './client'
import { SESSION_HEADER, SESSION_HEADER_VALUE, SESSION_PATH } from './wire'
import { errorBodySchema } from './wire-schemas'

const sessionSchema = v.object({ userId: v.pipe(v.string(), v.minLength(1)) })

async function call(baseUrl: string, method: 'GET' | 'POST' | 'DELETE', body?: Credentials, signal?: AbortSignal): Promise<unknown> {
  const traceId = newTraceId()
  let res: Response
  try {
    // The check (GET) is asked exactly as index.html preloads it, so that the preload answers it:
    // no custom header (it reads nothing another site could use) and the default cache mode (the
    // server says no-store).
    const change = method !== 'GET'
    res = await fetch(new URL(SESSION_PATH, baseUrl), {
      method,
      headers: change ? { [SESSION_HEADER]: SESSION_HEADER_VALUE, ...(body && { 'Content-Type': 'application/json' }) } : {},
      body: body && JSON.stringify(body),
      credentials: 'same-origin',
      ...(change && { cache: 'no-store' as const }),
      redirect: 'error',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    throw new ApiError('network', 0, 'NETWORK', 'Could not reach the app’s server', traceId)
  }
  const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined)
  if (!res.ok) {
    const err = v.safeParse(errorBodySchema, data)
    const code = err.success && err.output.code !== undefined ? String(err.output.code) : ''
    const msg = (err.success && (err.output.msg || err.output.message)) || `HTTP ${res.status}`
    throw new ApiError('http', res.status, code, msg, traceId)
  }
  return data
}

function connectedUser(data: unknown): string {
  const parsed = v.safeParse(sessionSchema, data)
  if (!parsed.success) throw new ApiError('malformed', 200, 'MALFORMED', 'The app’s server sent a session answer it cannot read', '')
  return parsed.output.userId
}

/** Who this browser's session belongs to; a 401 ApiError when there is none. */
export const whoIsConnected = async (baseUrl: string, signal?: AbortSignal): Promise<string> =>
  connectedUser(await call(baseUrl, 'GET', undefined, signal))

/** Hands the token and user ID to the app's server, which keeps them sealed in an HttpOnly cookie. */
export const openSession = async (baseUrl: string, credentials: Credentials): Promise<string> =>
  connectedUser(await call(baseUrl, 'POST', credentials))

/** Ends the session: the server clears the cookie. */
export const endSession = async (baseUrl: string): Promise<void> => void (await call(baseUrl, 'DELETE'))
