// Proxy mode: forwards exactly the two favorites endpoints to a real KooDrive, and nothing else.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ReadableStreamReadResult } from 'node:stream/web'
import { BATCH_PATH, LIST_PATH } from '../wire/format'
import { answerErrors, HttpError, rawPath, rawQuery, readBody } from './http'

const ROUTES: Record<string, string> = { [LIST_PATH]: 'GET', [BATCH_PATH]: 'POST' }
const FORWARDED_REQUEST_HEADERS = ['authorization', 'x-user-id', 'x-date', 'x-traceid', 'language', 'content-type', 'accept']
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'date', 'x-traceid', 'retry-after']
const MAX_REQUEST = 256 * 1024
const MAX_RESPONSE = 16 * 1024 * 1024
/** Proxied answers are data, never a page: nothing in them may run or be framed. */
const API_RESPONSE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
}
const timeoutError = (ms: number) => new HttpError(504, 'PROXY.TIMEOUT', `KooDrive did not answer within ${ms / 1000} s`)

export interface ProxyOptions {
  upstream: URL
  timeoutMs: number
}

/**
 * The upstream URL is built from the configured origin and one of two fixed paths; the only
 * thing taken from the request is its query string, re-encoded. Nothing in a request can
 * name another host.
 */
export function upstreamUrl(upstream: URL, req: IncomingMessage): URL | undefined {
  const path = rawPath(req)
  if (!Object.hasOwn(ROUTES, path)) return undefined
  const url = new URL(upstream.origin)
  url.pathname = upstream.pathname.replace(/\/+$/, '') + path
  url.search = new URLSearchParams(rawQuery(req)).toString()
  return url.origin === upstream.origin ? url : undefined
}

async function readCapped(res: Response, limit: number, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = res.body?.getReader()
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array> | undefined
    try {
      next = await reader?.read()
    } catch (error) {
      // The deadline covers the whole answer: a body that stalls, trickles or never ends is silence too.
      if (signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError') throw timeoutError(timeoutMs)
      throw error
    }
    if (!next || next.done) break
    size += next.value.length
    if (size > limit) {
      await reader?.cancel()
      throw new HttpError(502, 'PROXY.TOO_LARGE', `KooDrive sent more than ${limit} bytes`)
    }
    chunks.push(next.value)
  }
  return Buffer.concat(chunks)
}

/** Both endpoints answer JSON; anything else from upstream is not passed on as it came. */
function checkJson(res: Response, data: Buffer) {
  const type = res.headers.get('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(502, 'PROXY.BAD_TYPE', `KooDrive answered HTTP ${res.status} with ${type || 'no content type'}, not JSON`)
  }
  try {
    JSON.parse(data.toString('utf8'))
  } catch {
    throw new HttpError(502, 'PROXY.BAD_JSON', `KooDrive answered HTTP ${res.status} with a body that is not valid JSON`)
  }
}

export function createProxy({ upstream, timeoutMs }: ProxyOptions) {
  async function forward(req: IncomingMessage, res: ServerResponse) {
    const url = upstreamUrl(upstream, req)
    if (!url) throw new HttpError(404, '404', 'Only the favorites endpoints are forwarded')
    const method = ROUTES[rawPath(req)]!
    if (req.method !== method) throw new HttpError(405, '405', `${req.method} is not allowed here; use ${method}`)
    const headers: Record<string, string> = {}
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    const body = method === 'POST' ? await readBody(req, MAX_REQUEST) : undefined
    // Cancelled when the client goes away (nobody is left to answer), or at the deadline.
    const gone = new AbortController()
    const onClose = () => !res.writableFinished && gone.abort()
    res.once('close', onClose)
    const signal = AbortSignal.any([gone.signal, AbortSignal.timeout(timeoutMs)])
    try {
      let upstreamRes: Response
      try {
        upstreamRes = await fetch(url, { method, headers, body: body && new Uint8Array(body), redirect: 'manual', signal })
      } catch (error) {
        const timeout = error instanceof DOMException && error.name === 'TimeoutError'
        throw timeout ? timeoutError(timeoutMs) : new HttpError(502, 'PROXY.UNREACHABLE', 'KooDrive could not be reached')
      }
      if (upstreamRes.status >= 300 && upstreamRes.status < 400) {
        await upstreamRes.body?.cancel()
        throw new HttpError(502, 'PROXY.REDIRECT', 'KooDrive answered with a redirect, which is not followed')
      }
      const data = await readCapped(upstreamRes, MAX_RESPONSE, signal, timeoutMs)
      checkJson(upstreamRes, data)
      const out: Record<string, string> = { 'Content-Length': String(data.length), ...API_RESPONSE_HEADERS }
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = upstreamRes.headers.get(name)
        if (value) out[name] = value
      }
      res.writeHead(upstreamRes.status, out)
      res.end(data)
    } finally {
      res.off('close', onClose)
    }
  }

  return answerErrors(
    forward,
    () => new HttpError(502, 'PROXY.ERROR', 'The proxy could not complete this request'),
    () => API_RESPONSE_HEADERS,
  )
}
