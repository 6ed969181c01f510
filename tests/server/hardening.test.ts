// Hostile input against the embedded server and the proxy: each test failed before its fix.
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import net from 'node:net'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PassThrough } from 'node:stream'
import { answerMalformed, type RunningServer } from '../../src/server/app'
import { createStatic } from '../../src/server/static'
import { MAX_SIDE, outputSize, parseStyle } from '../../src/server/thumbnail-style'
import { createThumbnails, pictureSize } from '../../src/server/thumbnails'
import { LIST, TOKEN, authHeaders, list, raw, recorder, startTestServer, tempDir } from '../support/server'

let server: RunningServer
beforeAll(async () => {
  server = await startTestServer({ demoFiles: 200 })
})
afterAll(() => server.close())

const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heapMB = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

describe('static files', () => {
  it('remembers only files that exist: 80,000 distinct unknown paths leave the heap where it was', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function') // --expose-gc, set in vite.config.ts
    const root = tempDir()
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>'.padEnd(2000, ' '))
    const serve = createStatic(root, [])
    const res = { writeHead: () => res, end: () => res } as unknown as ServerResponse
    const request = (url: string) => serve({ method: 'GET', url, headers: {} } as IncomingMessage, res)
    const filler = 'a'.repeat(2_000)
    request('/warm-up')
    const before = heapMB()
    let fallbacks = 0
    for (let n = 0; n < 80_000; n++) {
      // Half look like missing assets (a 404), half like app routes (index.html).
      if (request(n % 2 ? `/${n}-${filler}.js` : `/${n}-${filler}`)) fallbacks++
    }
    const after = heapMB()
    console.log(`static: heap ${before.toFixed(1)} MB before 80,000 unknown paths, ${after.toFixed(1)} MB after`)
    expect(fallbacks).toBe(40_000)
    expect(after - before).toBeLessThan(8) // was about +170 MB with these paths
  })

  it('never serves a source map', async () => {
    const root = tempDir()
    fs.mkdirSync(path.join(root, 'assets'))
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js.map'), '{"sources":["secret.ts"]}')
    const app = await startTestServer({ staticDir: root })
    try {
      const res = await raw(app.url, '/assets/index-abc.js.map')
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('secret.ts')
    } finally {
      await app.close()
    }
  })
  it("serves an earlier build's assets after a deploy, so a tab on the old version can still load its chunks", async () => {
    const dist = tempDir()
    const root = path.join(dist, 'client')
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
    fs.mkdirSync(path.join(dist, 'previous-assets'))
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
    fs.writeFileSync(path.join(root, 'assets', 'preview-new.js'), 'export const version = 2')
    fs.writeFileSync(path.join(dist, 'previous-assets', 'preview-old.js'), 'export const version = 1')
    const app = await startTestServer({ staticDir: root })
    try {
      const old = await raw(app.url, '/assets/preview-old.js')
      expect([old.status, old.body, old.headers['cache-control']]).toEqual([
        200,
        'export const version = 1',
        'public, max-age=31536000, immutable',
      ])
      expect((await raw(app.url, '/assets/preview-new.js')).body).toBe('export const version = 2')
      expect((await raw(app.url, '/assets/..%2fclient%2findex.html')).status).toBe(404)
      expect((await raw(app.url, '/assets/missing.js')).status).toBe(404)
    } finally {
      await app.close()
    }
  })

  it('gives sw.js a connect-src for the image hosts (the worker fetches thumbnails) and the page none, and serves a new sw.js after a deploy', async () => {
    const root = tempDir()
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
    fs.writeFileSync(path.join(root, 'sw.js'), '// version 1')
    const app = await startTestServer({ staticDir: root, imageOrigins: ['https://obs.example.com'] })
    try {
      const connectSrc = (csp: string | undefined) => csp?.split('; ').find((d) => d.startsWith('connect-src'))
      const worker = await raw(app.url, '/sw.js')
      expect(connectSrc(worker.headers['content-security-policy'] as string)).toBe("connect-src 'self' https://obs.example.com")
      expect(worker.headers['cache-control']).toBe('no-cache')
      const page = await raw(app.url, '/')
      expect(connectSrc(page.headers['content-security-policy'] as string)).toBe("connect-src 'self'")

      const later = Date.now() / 1000 + 5
      fs.writeFileSync(path.join(root, 'sw.js'), '// version 2')
      fs.utimesSync(path.join(root, 'sw.js'), later, later)
      expect((await raw(app.url, '/sw.js')).body).toBe('// version 2')
    } finally {
      await app.close()
    }
  })
})

describe('thumbnails', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'refuses m_%s, an inherited name, as a mode',
    async (mode) => {
      expect(parseStyle(`image/resize,m_${mode},w_10`)).toBe(
        `imageProcess style "image/resize,m_${mode},w_10" has an unknown mode "m_${mode}"`,
      )
      const res = await list(server.url, `pageSize=1&imageProcess=${encodeURIComponent(`image/resize,m_${mode},w_10`)}`)
      expect(res.status).toBe(400)
    },
  )

  it('caps the output at 4096 px in every mode, m_mfit and a missing side included', async () => {
    const wide = [2000, 1000] as const
    expect(outputSize({ mode: 'mfit', width: 1, height: 4096 }, wide)).toEqual({ width: 4096, height: 2048 })
    expect(outputSize({ mode: 'fill', width: 4096 }, [1200, 1600])).toEqual({ width: 3072, height: 4096 })
    expect(outputSize({ mode: 'lfit', width: 4096, height: 4096 }, wide)).toEqual({ width: 2000, height: 1000 })
    expect(outputSize({ mode: 'mfit', width: 256, height: 256 }, wide)).toEqual({ width: 512, height: 256 })
    // The real thing, through the object route, for a 2:1 picture.
    const picture = [...Array(24).keys()].find((i) => pictureSize(i)[0] === 2000)!
    const res = await fetch(
      `${server.url}/obs/thumbnails/${picture}/x.webp?x-image-process=${encodeURIComponent('image/resize,m_mfit,w_1,h_4096')}`,
    )
    expect(res.status).toBe(200)
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(MAX_SIDE)
  })

  it('renders a bounded number at once: 40 distinct large requests get answers or 503s, and the list stays prompt', async () => {
    const app = await startTestServer({ demoFiles: 50, dataDir: tempDir() })
    try {
      const started = performance.now()
      const baseline = process.memoryUsage().rss
      let peak = baseline
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
      const storm = Array.from({ length: 40 }, (_, i) =>
        fetch(
          `${app.url}/obs/thumbnails/${i % 24}/x.webp?x-image-process=${encodeURIComponent(`image/resize,m_fixed,w_${4096 - i},h_4096`)}`,
        ).then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          body: Buffer.from(await r.arrayBuffer()),
        })),
      )
      // While it runs, the API answers as it always does.
      const listTimes: number[] = []
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        expect((await list(app.url, 'pageSize=100')).status).toBe(200)
        listTimes.push(performance.now() - t)
      }
      const answers = await Promise.all(storm)
      clearInterval(sampler)
      const seconds = (performance.now() - started) / 1000
      const ok = answers.filter((a) => a.status === 200)
      const busy = answers.filter((a) => a.status === 503)
      console.log(
        `thumbnails: 40 distinct 4096-px renders: ${ok.length} made, ${busy.length} answered 503, in ${seconds.toFixed(1)} s; ` +
          `RSS ${(baseline / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB; list pages meanwhile ${listTimes.map((t) => t.toFixed(0)).join(', ')} ms`,
      )
      expect(ok.length + busy.length).toBe(40)
      expect(busy.length).toBeGreaterThan(0)
      expect(busy.every((b) => b.retryAfter === '1')).toBe(true)
      expect(Math.max(...listTimes)).toBeLessThan(1_000)
      for (const a of ok.slice(0, 3)) expect((await sharp(a.body).metadata()).height).toBeLessThanOrEqual(MAX_SIDE)
    } finally {
      await app.close()
    }
  })

  it('keeps the rendered files on disk within their byte budget, least recently used out first', async () => {
    const dir = tempDir()
    const thumbnails = createThumbnails(dir, { concurrent: 2, queuedPixels: 2 ** 26, diskBytes: 3_000 })
    for (let side = 100; side < 130; side += 2) await thumbnails.thumbnail(0, { mode: 'fixed', width: side, height: side })
    const onDisk = () =>
      fs.readdirSync(path.join(dir, 'thumbnails')).map((f) => ({ f, size: fs.statSync(path.join(dir, 'thumbnails', f)).size }))
    // Files are removed in the background; the budget holds once they are gone.
    await expect.poll(() => onDisk().reduce((sum, { size }) => sum + size, 0)).toBeLessThanOrEqual(3_000)
    const files = onDisk().map(({ f }) => f)
    expect(files.length).toBeGreaterThan(0)
    expect(files.length).toBeLessThan(15)
    expect(files).toContain('picture-0-fixed-128x128.webp') // the newest stays
  })
})

describe('the proxy', () => {
  async function proxyTo(respond: Parameters<typeof recorder>[0], timeoutMs = 5_000) {
    const upstream = await recorder(respond)
    const proxy = await startTestServer({ apiUrl: new URL(upstream.url), upstreamTimeoutMs: timeoutMs })
    return { upstream, proxy, close: () => Promise.all([proxy.close(), upstream.close()]) }
  }

  it('answers only JSON: an HTML page from upstream is a 502, never served on our origin', async () => {
    const p = await proxyTo((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>alert(document.cookie)</script>'),
    )
    try {
      const res = await list(p.proxy.url, 'pageSize=1')
      expect(res.status).toBe(502)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(res.json()).toEqual({ code: 'PROXY.BAD_TYPE', msg: 'KooDrive answered HTTP 200 with text/html, not JSON' })
      expect(res.body).not.toContain('<script>')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    } finally {
      await p.close()
    }
  })

  it('turns invalid JSON from upstream into a 502, and sends nosniff and a CSP with every proxied answer', async () => {
    const bad = await proxyTo((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"code": 0, "starFileList": ['),
    )
    const good = await startTestServer({ apiUrl: new URL(server.url) })
    try {
      const res = await list(bad.proxy.url, 'pageSize=1')
      expect(res.status).toBe(502)
      expect(res.json().code).toBe('PROXY.BAD_JSON')
      const fine = await list(good.url, 'pageSize=1')
      expect(fine.status).toBe(200)
      expect(fine.headers['x-content-type-options']).toBe('nosniff')
      expect(fine.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
    } finally {
      await Promise.all([bad.close(), good.close()])
    }
  })

  it('cancels the upstream request when its client goes away', async () => {
    let upstreamClosed = 0
    const p = await proxyTo((req) => req.socket.on('close', () => upstreamClosed++)) // never answers
    try {
      const aborted = Array.from({ length: 5 }, () => {
        const controller = new AbortController()
        const sent = fetch(`${p.proxy.url}${LIST}?pageSize=1`, { headers: authHeaders(), signal: controller.signal }).catch(() => 'aborted')
        setTimeout(() => controller.abort(), 200)
        return sent
      })
      expect(await Promise.all(aborted)).toEqual(Array(5).fill('aborted'))
      await expect.poll(() => upstreamClosed, { timeout: 2_000 }).toBe(5)
    } finally {
      await p.close()
    }
  })

  it('answers 504 when the upstream body stalls after its headers, or trickles past the deadline', async () => {
    const stalls = await proxyTo((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"code":0,')
    }, 400)
    const trickles = await proxyTo((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const timer = setInterval(() => res.write(' '), 50)
      res.on('close', () => clearInterval(timer))
    }, 400)
    try {
      for (const p of [stalls, trickles]) {
        const res = await list(p.proxy.url, 'pageSize=1')
        expect(res.status).toBe(504)
        expect(res.json().code).toBe('PROXY.TIMEOUT')
      }
    } finally {
      await Promise.all([stalls.close(), trickles.close()])
    }
  })
})

describe('malformed HTTP', () => {
  /** Sends bytes as they are and reads whatever comes back until the server closes. */
  function send(bytes: string): Promise<string> {
    const { port } = new URL(server.url)
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(bytes))
      let text = ''
      socket.on('data', (d) => (text += d.toString('utf8')))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
  }
  const request = (headers: string) => `GET ${LIST} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`

  it.each([
    ['a 20 KB header', request(`X-Big: ${'a'.repeat(20_000)}\r\n`), 431],
    ['a control character in a header', request('X-Bad: a\u0001b\r\n'), 400],
    ['Content-Length together with Transfer-Encoding', request('Content-Length: 5\r\nTransfer-Encoding: chunked\r\n'), 400],
    ['Content-Length: -1', request('Content-Length: -1\r\n'), 400],
  ])('answers %s with a status and the usual {code, msg}', async (_what, bytes, status) => {
    const reply = await send(bytes)
    expect(reply).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
    const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))
    expect(body.code).toBe(String(status))
    expect(typeof body.msg).toBe('string')
  })
})

it('answers a request too slow to arrive with 408 (the timeout codes of the parser)', () => {
  for (const code of ['ERR_HTTP_REQUEST_TIMEOUT', 'ERR_HTTP_HEADERS_TIMEOUT']) {
    let written = ''
    const socket = new PassThrough()
    socket.end = ((chunk: string) => {
      written = chunk
      return socket
    }) as typeof socket.end
    answerMalformed(Object.assign(new Error('timeout'), { code }), socket)
    expect(written).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(JSON.parse(written.slice(written.indexOf('\r\n\r\n') + 4)).code).toBe('408')
  }
})

it('takes the Bearer scheme name in any case', async () => {
  for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
    const res = await list(server.url, 'pageSize=1', { ...authHeaders(), Authorization: `${scheme} ${TOKEN}` })
    expect(res.status).toBe(200)
  }
})
