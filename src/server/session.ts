// The session the app's server holds for the browser (a backend for the frontend): the KooDrive
// token and user ID sealed into an HttpOnly cookie with AES-256-GCM, opened on each API call,
// where the server adds Authorization and X-User-Id itself. No session table: any process that
// has the key serves the session.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseXDate, SESSION_HEADER, SESSION_HEADER_VALUE, X_DATE_WINDOW_MS } from '../wire/format'
import { answerErrors, HttpError, readBody, sendError, sendJson } from './http'
import { seal, unseal, type Credentials, type Sealed } from './session-seal'

export const COOKIE = 'koodrive_session'
/** The narrowest path that covers the API and the session route. */
export const COOKIE_PATH = '/koodrive/'
const MAX_BODY = 8 * 1024
/** How far apart the clocks of the processes sharing the key may be (a cookie "from the future"). */
const CLOCK_SKEW_MS = 5 * 60_000
/** What a token or user ID may hold: visible ASCII, as an HTTP header value without surprises. */
const HEADER_SAFE = /^[\x21-\x7e]+$/

export interface SessionOptions {
  /** The current key first, then the previous one (still opens, never seals). */
  keys: Buffer[]
  maxAgeMs: number
  now: () => number
  /** Demo mode: a browser without a session is given the demo user's. */
  demo?: Credentials
}

function readCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** HTTPS as the browser sees it: TLS here, or at the load balancer in front. */
function isSecure(req: IncomingMessage): boolean {
  return ('encrypted' in req.socket && Boolean(req.socket.encrypted)) || req.headers['x-forwarded-proto'] === 'https'
}

function cookie(req: IncomingMessage, value: string, maxAgeS: number): string {
  const secure = isSecure(req) ? '; Secure' : ''
  return `${COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict${secure}`
}

/**
 * A call through the session must come from the app's own pages: a fetch from this origin sends
 * `Sec-Fetch-Site: same-origin` (older browsers: an Origin naming this host), and only script on
 * this origin can add the custom header without a CORS preflight, which this server never grants.
 */
export function fromOwnPages(req: IncomingMessage): boolean {
  if (req.headers[SESSION_HEADER] !== SESSION_HEADER_VALUE) return false
  const site = req.headers['sec-fetch-site']
  if (site !== undefined) return site === 'same-origin'
  const origin = req.headers.origin
  if (origin === undefined) return true // not a browser: it has no ambient cookie to abuse
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

const forbidden = () => new HttpError(403, 'SESSION.CROSS_SITE', 'This call must come from the app itself')
const noSession = (msg: string) => new HttpError(401, 'SESSION.NONE', msg)

export function createSessions({ keys, maxAgeMs, now, demo }: SessionOptions) {
  const maxAgeS = Math.floor(maxAgeMs / 1000)
  /** A session is sealed again when it is used after this long, so it lasts while it is used. */
  const renewAfterMs = Math.min(maxAgeMs / 2, 3600_000)
  const current = keys[0]!
  const issue = (req: IncomingMessage, c: Credentials) => cookie(req, seal({ ...c, iat: now() }, current), maxAgeS)
  const clear = (req: IncomingMessage) => cookie(req, '', 0)
  /** A cookie that does not open, or is too old: said, and cleared. */
  const ended = (req: IncomingMessage) =>
    new HttpError(401, 'SESSION.ENDED', 'This browser’s session is no longer valid', { 'Set-Cookie': clear(req) })

  /** The session a request carries: undefined without a cookie; 'invalid' when it does not open or has expired. */
  function open(req: IncomingMessage): { value: Sealed; stale: boolean } | 'invalid' | undefined {
    const raw = readCookie(req)
    if (!raw) return undefined
    const opened = unseal(raw, keys)
    if (!opened) return 'invalid'
    const age = now() - opened.value.iat
    if (age > maxAgeMs || age < -CLOCK_SKEW_MS) return 'invalid'
    return { value: opened.value, stale: opened.key > 0 || age > renewAfterMs }
  }

  /** `GET` who is connected, `POST` connect, `DELETE` disconnect. */
  const route = answerErrors(
    async (req, res) => {
      if (req.method === 'GET') {
        const session = open(req)
        if (session === 'invalid') throw ended(req)
        if (session) {
          const headers: Record<string, string> = session.stale ? { 'Set-Cookie': issue(req, session.value) } : {}
          return sendJson(res, 200, { userId: session.value.userId }, headers)
        }
        if (demo) return sendJson(res, 200, { userId: demo.userId }, { 'Set-Cookie': issue(req, demo) })
        return sendError(res, noSession('Not connected'))
      }
      if (!fromOwnPages(req)) throw forbidden()
      if (req.method === 'DELETE') {
        res.writeHead(204, { 'Set-Cookie': clear(req), 'Cache-Control': 'no-store' })
        return void res.end()
      }
      if (req.method !== 'POST') throw new HttpError(405, '405', `${req.method} is not allowed here`)
      const credentials = parseCredentials(await readBody(req, MAX_BODY))
      sendJson(res, 200, { userId: credentials.userId }, { 'Set-Cookie': issue(req, credentials) })
    },
    () => new HttpError(400, '400', 'The request could not be read'),
  )

  /**
   * In front of the KooDrive API (embedded or proxied). A request with the session cookie is
   * checked for its origin, opened, and given the session's Authorization and X-User-Id (any it
   * brought are dropped); its answer renews the cookie, or clears it on a 401 that X-Date does not
   * explain. A request without the cookie goes on as it came: a client that signs its own calls,
   * as KooDrive's pages describe, has no ambient credential for another site to borrow.
   */
  function guard(api: (req: IncomingMessage, res: ServerResponse) => void) {
    return (req: IncomingMessage, res: ServerResponse) => {
      const session = open(req)
      if (session === undefined) {
        // The app without a session (its cookie expired): KooDrive need not be asked.
        const app = req.headers[SESSION_HEADER] !== undefined && req.headers.authorization === undefined
        return app ? sendError(res, noSession('This browser has no session: it expired or was ended')) : api(req, res)
      }
      if (!fromOwnPages(req)) return sendError(res, forbidden())
      if (session === 'invalid') return sendError(res, ended(req))
      req.headers.authorization = `Bearer ${session.value.token}`
      req.headers['x-user-id'] = session.value.userId
      const xDate = parseXDate(String(req.headers['x-date'] ?? ''))
      const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, string | number>) => ServerResponse
      res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
        if (status === 401 && !clockExplains(xDate, headers)) res.setHeader('Set-Cookie', clear(req))
        else if (status < 400 && session.stale) res.setHeader('Set-Cookie', issue(req, session.value))
        return writeHead(status, headers)
      }) as typeof res.writeHead
      api(req, res)
    }
  }

  /** Whether the request's X-Date would be refused against the answer's Date (a clock to correct, not a token to drop). */
  function clockExplains(xDate: number | undefined, headers: Record<string, string | number> | undefined): boolean {
    if (xDate === undefined) return true
    const date = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'date')?.[1]
    const serverNow = date === undefined ? now() : Date.parse(String(date))
    if (Number.isNaN(serverNow)) return true
    // Date has whole seconds: allow one either way.
    return xDate > serverNow + 1000 || serverNow - xDate > X_DATE_WINDOW_MS - 1000
  }

  return { route, guard }
}

function parseCredentials(body: Buffer): Credentials {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    throw new HttpError(400, '400', 'The body must be JSON: {"token": "…", "userId": "…"}')
  }
  const { token, userId } = (parsed ?? {}) as Record<string, unknown>
  if (typeof token !== 'string' || token.length > 4096 || !HEADER_SAFE.test(token)) {
    throw new HttpError(400, '400', 'The access token must be 1 to 4,096 visible ASCII characters')
  }
  if (typeof userId !== 'string' || userId.length > 256 || !HEADER_SAFE.test(userId)) {
    throw new HttpError(400, '400', 'The user ID must be 1 to 256 visible ASCII characters')
  }
  return { token, userId }
}
