// Proxy mode: forwards exactly the two favorites endpoints to a real KooDrive, and nothing else.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BATCH_PATH, LIST_PATH } from '../api/wire'
import { HttpError, rawPath, rawQuery, readBody, sendError } from './http'

const ROUTES: Record<string, string> = { [LIST_PATH]: 'GET', [BATCH_PATH]: 'POST' }
const FORWARDED_REQUEST_HEADERS = ['authorization', 'x-user-id', 'x-date', 'x-traceid', 'language', 'content-type', 'accept']
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'date', 'x-traceid', 'retry-after']
const MAX_REQUEST = 256 * 1024
const MAX_RESPONSE = 16 * 1024 * 1024

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

async function readCapped(res: Response, limit: number): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = res.body?.getReader()
  for (;;) {
    const next = await reader?.read()
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
    let upstreamRes: Response
    try {
      upstreamRes = await fetch(url, { method, headers, body: body && new Uint8Array(body), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      const timeout = error instanceof DOMException && error.name === 'TimeoutError'
      throw timeout
        ? new HttpError(504, 'PROXY.TIMEOUT', `KooDrive did not answer within ${timeoutMs / 1000} s`)
        : new HttpError(502, 'PROXY.UNREACHABLE', 'KooDrive could not be reached')
    }
    if (upstreamRes.status >= 300 && upstreamRes.status < 400) {
      await upstreamRes.body?.cancel()
      throw new HttpError(502, 'PROXY.REDIRECT', 'KooDrive answered with a redirect, which is not followed')
    }
    const data = await readCapped(upstreamRes, MAX_RESPONSE)
    const out: Record<string, string> = { 'Content-Length': String(data.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstreamRes.headers.get(name)
      if (value) out[name] = value
    }
    res.writeHead(upstreamRes.status, out)
    res.end(data)
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      await forward(req, res)
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(502, 'PROXY.ERROR', 'The proxy could not complete this request')
      if (!res.headersSent) sendError(res, e)
      else res.destroy()
    }
  }
}
