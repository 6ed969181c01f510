// The whole server: the KooDrive API (embedded or proxied), object storage, and the built app.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { API_PREFIX, SESSION_PATH } from '../wire/format'
import type { ServerConfig } from './config'
import { rawPath, sendJson } from './http'
import { createKooDriveApi } from './koodrive'
import { createObjectRoutes } from './objects'
import { createProxy } from './proxy'
import { seedDemo } from './seed'
import { createSessions } from './session'
import { sessionKeys } from './session-seal'
import { createStatic, securityHeaders } from './static'
import { openStore, type Store } from './store'
import { createThumbnails } from './thumbnails'

export type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void

export interface App {
  handler: Handler
  /** The demo library; undefined in proxy mode. */
  store?: Store
  mode: 'demo' | 'proxy'
  close: () => void
}

export function createApp(config: ServerConfig): App {
  const serveStatic = config.staticDir ? createStatic(config.staticDir, config.imageOrigins) : undefined
  let api: Handler
  let objects: Handler | undefined
  let store: Store | undefined
  if (config.apiUrl) {
    api = createProxy({ upstream: config.apiUrl, timeoutMs: config.upstreamTimeoutMs })
  } else {
    store = openStore(config.dataDir)
    seedDemo(store, { files: config.demoFiles, now: config.now(), userId: config.demoUserId })
    api = createKooDriveApi(store, config)
    objects = createObjectRoutes(store, createThumbnails(config.dataDir), { cors: config.objectsCors ?? true })
  }
  // The browser never holds the token: this server keeps it in a sealed cookie and signs each call.
  // In demo mode it opens the demo user's session itself.
  const sessions = createSessions({
    keys: sessionKeys(config),
    maxAgeMs: config.sessionMaxAgeMs,
    now: config.now,
    demo: config.apiUrl ? undefined : { token: config.demoToken, userId: config.demoUserId },
  })
  api = sessions.guard(api)
  // What the app needs to know before its first call: which mode this server runs in.
  const appConfig = JSON.stringify({ mode: config.apiUrl ? 'proxy' : 'demo' })

  const handler: Handler = (req, res, next) => {
    const path = rawPath(req)
    if (path === SESSION_PATH) return void sessions.route(req, res)
    if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || path.startsWith('/koodrive/')) return void api(req, res)
    if (objects && path.startsWith('/obs/')) return void objects(req, res)
    if (path === '/app-config.json') {
      return sendJson(res, 200, JSON.parse(appConfig), { 'Content-Type': 'application/json; charset=utf-8' })
    }
    if (serveStatic?.(req, res)) return
    if (next) return next()
    sendJson(res, 404, { code: '404', msg: `Nothing at ${path}` }, securityHeaders(config.imageOrigins))
  }

  return { handler, store, mode: config.apiUrl ? 'proxy' : 'demo', close: () => store?.close() }
}

/** Node's parser codes for what a client did wrong, and how to say it. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request headers are larger than the server accepts'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'Request Timeout', 'The request headers took too long to arrive'],
}

/**
 * A request Node's parser refused (a control character in a header, Content-Length with
 * Transfer-Encoding, a negative length, headers too large, too slow) gets an answer in the usual
 * `{code, msg}` shape instead of a closed socket, as Node's docs suggest for 'clientError'.
 */
export function answerMalformed(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy()
  const [status, reason, msg] = (error.code && Object.hasOwn(CLIENT_ERRORS, error.code) && CLIENT_ERRORS[error.code]) || [
    400,
    'Bad Request',
    'The request is not valid HTTP',
  ]
  const body = JSON.stringify({ code: String(status), msg })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  )
}

export interface RunningServer {
  url: string
  app: App
  config: ServerConfig
  server: http.Server
  close: () => Promise<void>
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const app = createApp(config)
  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, (req, res) => app.handler(req, res))
  server.on('clientError', answerMalformed)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return {
    url: `http://${host}:${port}`,
    app,
    config,
    server,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      app.close()
    },
  }
}
