// The thin fetch client: headers KooDrive expects, clock-skew-corrected X-Date, timeouts,
// status and body-code checks, one typed error. Knows nothing of React.
import * as v from 'valibot'
import { formatXDate, SESSION_HEADER, SESSION_HEADER_VALUE } from '../wire/format'
import { errorBodySchema, isSuccessCode } from '../wire/schemas'

export interface Credentials {
  token: string
  userId: string
}

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'malformed'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly code: string,
    readonly msg: string,
    readonly traceId: string,
  ) {
    super(`${msg} (${status ? `HTTP ${status}` : kind}${code ? `, code ${code}` : ''}, trace ${traceId})`)
  }
  /**
   * Worth retrying: nothing arrived, the server failed, it timed out or asked us to slow down.
   * Any other 4xx (401 aside, which waits for Connect) will not change by asking again.
   */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.status >= 500 || this.status === 429 || this.status === 408
  }
  get unauthorized(): boolean {
    return this.status === 401
  }
}

export interface ClientOptions {
  /** Origin (and optional path prefix) of the KooDrive API, e.g. `https://drive.example.com`. */
  baseUrl: string
  /**
   * Signs each call as KooDrive's pages describe (Authorization, X-User-Id). Without credentials,
   * calls go through the session the app's own server holds in an HttpOnly cookie, which adds both.
   */
  getCredentials?: () => Credentials | undefined
  /** BCP 47 tag of the UI language, sent as `language`. */
  getLanguage?: () => string
  timeoutMs?: number
  fetch?: typeof fetch
  /** The client's clock, in ms; replaceable in tests. */
  now?: () => number
}

export interface RequestOptions {
  method?: 'GET' | 'POST'
  query?: Record<string, string | number | undefined>
  body?: unknown
  signal?: AbortSignal
}

export { formatXDate }

/** A fresh 58-bit id, in decimal, for X-Traceid: what support asks for. */
export function newTraceId(): string {
  const [hi = 0, lo = 0] = crypto.getRandomValues(new Uint32Array(2))
  return ((BigInt(hi & 0x3ffffff) << 32n) | BigInt(lo)).toString()
}

/** Stay this far behind the estimated server time: X-Date may never be ahead of the server. */
const SAFETY_MS = 2000
/** A skew estimate that moves more than this after a 401 means our X-Date was the problem. */
const SKEW_RETRY_MS = 30_000

export type KooDriveClient = ReturnType<typeof createClient>

export function createClient(options: ClientOptions) {
  const base = new URL(options.baseUrl)
  const basePath = base.pathname.replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 20_000
  /** Estimated (server clock - our clock), learnt from each response's Date header. */
  let skewMs = 0

  function urlFor(path: string, query: RequestOptions['query']): URL {
    // Only paths under the API base: credentials never leave its origin.
    if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) {
      throw new TypeError(`Not an API path: ${path}`)
    }
    const url = new URL(base.origin + basePath + path)
    if (url.origin !== base.origin) throw new TypeError(`Not an API path: ${path}`)
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
    }
    return url
  }

  function learnSkew(res: Response, sentAt: number) {
    const header = res.headers.get('date')
    const server = header ? Date.parse(header) : NaN
    if (Number.isNaN(server)) return
    // Date is floored to the second and was stamped before we received it, so this estimate
    // never puts us ahead of the server.
    skewMs = server - Math.max(sentAt, now())
  }

  async function attempt(path: string, init: RequestOptions, traceId: string): Promise<{ res: Response; text: string }> {
    const credentials = options.getCredentials?.()
    const url = urlFor(path, init.query)
    const headers: Record<string, string> = {
      ...(credentials
        ? { Authorization: `Bearer ${credentials.token}`, 'X-User-Id': credentials.userId }
        : { [SESSION_HEADER]: SESSION_HEADER_VALUE }),
      'X-Date': formatXDate(now() + skewMs - SAFETY_MS),
      'X-Traceid': traceId,
      language: options.getLanguage?.() ?? 'en-US',
      Accept: 'application/json',
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json'

    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    const sentAt = now()
    try {
      const res = await doFetch(url, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal,
        // The session cookie goes only to the app's own server, and only with a session call.
        credentials: credentials ? 'omit' : 'same-origin',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        redirect: 'error',
      })
      const text = await res.text()
      learnSkew(res, sentAt)
      return { res, text }
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason ?? error
      if (timeout.aborted)
        throw new ApiError('timeout', 0, 'TIMEOUT', `No answer from KooDrive within ${Math.round(timeoutMs / 1000)} s`, traceId)
      throw new ApiError('network', 0, 'NETWORK', 'Could not reach KooDrive', traceId)
    }
  }

  /** One API call: resolves with the parsed JSON body of a success, throws ApiError otherwise. */
  async function request(path: string, init: RequestOptions = {}): Promise<unknown> {
    const traceId = newTraceId()
    const skewBefore = skewMs
    let { res, text } = await attempt(path, init, traceId)
    if (res.status === 401 && Math.abs(skewMs - skewBefore) > SKEW_RETRY_MS) {
      // Our clock was off and we just learnt by how much: the same request once more.
      ;({ res, text } = await attempt(path, init, traceId))
    }
    let body: unknown
    try {
      body = text === '' ? undefined : JSON.parse(text)
    } catch {
      body = undefined
    }
    const err = v.safeParse(errorBodySchema, body)
    const code = err.success && err.output.code !== undefined ? String(err.output.code) : ''
    const msg = (err.success && (err.output.msg || err.output.message)) || ''
    if (!res.ok) {
      throw new ApiError('http', res.status, code, msg || res.statusText || `HTTP ${res.status}`, traceId)
    }
    if (body === undefined || typeof body !== 'object' || body === null) {
      throw new ApiError('malformed', res.status, 'MALFORMED', 'KooDrive sent a response that is not JSON', traceId)
    }
    if (err.success && !isSuccessCode(err.output.code)) {
      throw new ApiError('http', res.status, code, msg || `KooDrive refused the request`, traceId)
    }
    return body
  }

  return {
    request,
    /** The API base, for resolving relative URLs in responses. */
    baseUrl: base.href,
    /** Current estimate of (server clock - client clock), in ms. */
    get skewMs() {
      return skewMs
    },
  }
}
