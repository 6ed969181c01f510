// Small HTTP helpers shared by the server's routes.
import type { IncomingMessage, ServerResponse } from 'node:http'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent with the answer (Retry-After, Set-Cookie). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

type Route = (req: IncomingMessage, res: ServerResponse) => unknown

/**
 * Runs a route; what it throws is answered in the usual `{code, msg}` shape: an HttpError as it
 * is, anything else as `unexpected` makes it (which logs what it must; never the request). An
 * answer already started is cut off; a client already gone gets nothing.
 */
export function answerErrors(route: Route, unexpected: (error: unknown) => HttpError, headers: () => Record<string, string> = () => ({})) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      await route(req, res)
    } catch (error) {
      if (res.destroyed) return
      if (res.headersSent) return void res.destroy()
      const e = error instanceof HttpError ? error : unexpected(error)
      sendError(res, e, headers())
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const data = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  res.end(data)
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}) {
  sendJson(res, error.status, { code: error.code, msg: error.message }, { ...headers, ...error.headers })
}

/** Reads a request body, refusing more than `limit` bytes with a 413 before reading it all. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new HttpError(413, '413', `Request body is larger than ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, '413', `Request body is larger than ${limit} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The path of a request URL, exactly as sent: never resolved, so `//host` stays a path. */
export const rawPath = (req: IncomingMessage) => (req.url ?? '/').split('?')[0] ?? '/'
export const rawQuery = (req: IncomingMessage) => {
  const url = req.url ?? ''
  const i = url.indexOf('?')
  return i < 0 ? '' : url.slice(i + 1)
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** The origin the browser used, for absolute URLs in responses; a forged Host cannot inject. */
export function requestOrigin(req: IncomingMessage, fallbackPort: number): string {
  const host = req.headers.host ?? ''
  const scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
  return `${scheme}://${HOST.test(host) ? host : `127.0.0.1:${fallbackPort}`}`
}
