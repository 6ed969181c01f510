// Starts real embedded servers on random ports, each with its own temporary data directory.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { formatXDate } from '../../src/api/client'
import { startServer, type RunningServer } from '../../src/server/app'
import { DEMO_TOKEN, DEMO_USER_ID, type ServerConfig } from '../../src/server/config'

export const TOKEN = DEMO_TOKEN
export const USER = DEMO_USER_ID

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'koodrive-test-'))
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDir(),
    demoFiles: 300,
    demoToken: TOKEN,
    demoUserId: USER,
    imageOrigins: [],
    staticDir: undefined,
    now: Date.now,
    upstreamTimeoutMs: 5_000,
    sessionMaxAgeMs: 14 * 24 * 3600_000,
    ...overrides,
  }
}

export function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return startServer(testConfig(overrides))
}

/** The headers a well-behaved client sends, for a server whose clock is `now`. */
export function authHeaders(now = Date.now()): Record<string, string> {
  return {
    Authorization: `Bearer ${TOKEN}`,
    'X-User-Id': USER,
    'X-Date': formatXDate(now - 2000),
  }
}

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  json: () => any // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A request sent byte for byte as given: the path is not normalised the way fetch would. */
export function raw(
  base: string,
  rawPathAndQuery: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path: rawPathAndQuery, headers, setHost: !('Host' in headers) },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) })
        })
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

export const LIST = '/koodrive/ose/v1/star/files'
export const BATCH = '/koodrive/ose/v1/star/batch'

export function list(base: string, query = '', headers = authHeaders()) {
  return raw(base, `${LIST}${query ? `?${query}` : ''}`, { headers })
}

export function batch(base: string, body: unknown, headers = authHeaders()) {
  return raw(base, BATCH, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Every favorite, paging with `query` until the server says the list is over. */
export async function pageAll(base: string, query: string, pageSize = 100) {
  const ids: string[] = []
  const times: number[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const q = new URLSearchParams(query)
    q.set('pageSize', String(pageSize))
    if (cursor) q.set('pageCursor', cursor)
    const res = await list(base, q.toString())
    if (res.status !== 200) throw new Error(`page ${pages}: ${res.status} ${res.body}`)
    const body = res.json()
    for (const f of body.starFileList) {
      ids.push(f.id)
      times.push(Date.parse(f.starredTime))
    }
    cursor = body.nextCursor
    pages++
  } while (cursor)
  return { ids, times, pages }
}

/** A plain HTTP server that records what reaches it and answers with `respond`. */
export async function recorder(respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, s) => s.end('trap')) {
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = []
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    respond(req, res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    seen,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((r) => server.close(r))
    },
  }
}
