import type http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { BATCH, LIST, USER, authHeaders, batch, list, raw, recorder, startTestServer } from '../support/server'

const SKEW = -7 * 60_000
let upstream: RunningServer
let proxy: RunningServer
let trap: Awaited<ReturnType<typeof recorder>>
const upstreamSeen: { url: string; headers: http.IncomingHttpHeaders }[] = []

beforeAll(async () => {
  trap = await recorder()
  upstream = await startTestServer({ demoFiles: 120, now: () => Date.now() + SKEW })
  upstream.server.prependListener('request', (req: http.IncomingMessage) => upstreamSeen.push({ url: req.url ?? '', headers: req.headers }))
  proxy = await startTestServer({ apiUrl: new URL(upstream.url) })
})
afterAll(async () => {
  await Promise.all([proxy.close(), upstream.close(), trap.close()])
})

describe('forwarding', () => {
  it('forwards the list call with its query and API headers, and passes the upstream Date back', async () => {
    upstreamSeen.length = 0
    const headers = { ...authHeaders(Date.now() + SKEW), 'X-Traceid': '12345', language: 'zh-CN', Cookie: 'secret=1' }
    const res = await list(proxy.url, 'pageSize=3&sortDirection=1&tenantId=t1', headers)
    expect(res.status).toBe(200)
    expect(res.json().starFileList).toHaveLength(3)
    expect(upstreamSeen).toHaveLength(1)
    expect(upstreamSeen[0]!.url).toBe(`${LIST}?pageSize=3&sortDirection=1&tenantId=t1`)
    expect(upstreamSeen[0]!.headers).toMatchObject({ 'x-traceid': '12345', language: 'zh-CN', 'x-user-id': USER })
    expect(upstreamSeen[0]!.headers.cookie).toBeUndefined()
    expect(Math.abs(Date.parse(res.headers.date!) - (Date.now() + SKEW))).toBeLessThan(5_000)
  })

  it('forwards the batch call and its answer', async () => {
    const file = (await list(proxy.url, 'pageSize=10', authHeaders(Date.now() + SKEW))).json().starFileList[9]
    const res = await batch(
      proxy.url,
      { starred: false, subRequestList: [{ fileId: file.id, containerId: file.containers[0] }] },
      authHeaders(Date.now() + SKEW),
    )
    expect(res.json()).toMatchObject({ status: 0 })
  })

  it('passes upstream rejections through unchanged', async () => {
    const res = await list(proxy.url, 'pageSize=0', authHeaders(Date.now() + SKEW))
    expect(res.status).toBe(400)
    expect(res.json().msg).toContain('pageSize')
  })

  it('does not seed or serve a demo library, and tells the app to show Connect', async () => {
    expect(proxy.app.store).toBeUndefined()
    expect((await raw(proxy.url, '/app-config.json')).json()).toEqual({ mode: 'proxy' })
    expect((await raw(proxy.url, '/obs/thumbnails/1/x.webp?x-image-process=image/resize,w_10')).status).toBe(404)
  })
})

describe('refusing to reach anywhere else', () => {
  const tricks = (port: number) => [
    `//127.0.0.1:${port}${LIST}`,
    `/\\127.0.0.1:${port}${LIST}`,
    `/%2F%2F127.0.0.1:${port}${LIST}`,
    `/koodrive/%2F%2F127.0.0.1:${port}${LIST}`,
    `http://127.0.0.1:${port}${LIST}`,
    `${LIST}/../../../../x`,
    `${LIST}@127.0.0.1:${port}`,
    `/koodrive/ose/v1/star/%2e%2e/%2e%2e/users`,
    `/koodrive/ose/v1/users`,
    `/koodrive/ose/v1/star/files%3F`,
    `/koodrive/ose/v1/star/`,
  ]

  it('forwards none of the path tricks, to the upstream or to any other host', async () => {
    upstreamSeen.length = 0
    for (const path of tricks(trap.port)) {
      const res = await raw(proxy.url, path, { headers: authHeaders() })
      expect([400, 404], path).toContain(res.status)
    }
    expect(trap.seen).toEqual([])
    expect(upstreamSeen).toEqual([])
  })

  it('ignores a forged Host header: the call still goes to the configured upstream', async () => {
    upstreamSeen.length = 0
    const res = await raw(proxy.url, `${LIST}?pageSize=1`, {
      headers: { ...authHeaders(Date.now() + SKEW), Host: `127.0.0.1:${trap.port}` },
    })
    expect(res.status).toBe(200)
    expect(upstreamSeen).toHaveLength(1)
    expect(trap.seen).toEqual([])
  })

  it('does not follow a redirect from upstream', async () => {
    const redirecting = await recorder((_req, res) => res.writeHead(302, { Location: `${trap.url}${LIST}` }).end())
    const p = await startTestServer({ apiUrl: new URL(redirecting.url) })
    try {
      const res = await list(p.url, 'pageSize=1')
      expect(res.status).toBe(502)
      expect(res.json()).toEqual({ code: 'PROXY.REDIRECT', msg: 'KooDrive answered with a redirect, which is not followed' })
      expect(redirecting.seen).toHaveLength(1)
      expect(trap.seen).toEqual([])
    } finally {
      await Promise.all([p.close(), redirecting.close()])
    }
  })

  it('answers 504 when upstream is silent, and 502 when it sends too much', async () => {
    const silent = await recorder(() => undefined)
    const huge = await recorder((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(Buffer.alloc(17 * 1024 * 1024, 32))
    })
    const p1 = await startTestServer({ apiUrl: new URL(silent.url), upstreamTimeoutMs: 300 })
    const p2 = await startTestServer({ apiUrl: new URL(huge.url) })
    try {
      const slow = await list(p1.url, '')
      expect(slow.status).toBe(504)
      expect(slow.json().code).toBe('PROXY.TIMEOUT')
      const big = await list(p2.url, '')
      expect(big.status).toBe(502)
      expect(big.json().code).toBe('PROXY.TOO_LARGE')
    } finally {
      await Promise.all([p1.close(), p2.close(), silent.close(), huge.close()])
    }
  })

  it('refuses a request body over its cap before forwarding', async () => {
    upstreamSeen.length = 0
    const res = await raw(proxy.url, BATCH, { method: 'POST', headers: authHeaders(), body: 'x'.repeat(300 * 1024) })
    expect(res.status).toBe(413)
    expect(upstreamSeen).toEqual([])
  })

  it('answers 502 when upstream cannot be reached', async () => {
    const gone = await recorder()
    await gone.close()
    const p = await startTestServer({ apiUrl: new URL(gone.url) })
    try {
      const res = await list(p.url, '')
      expect(res.status).toBe(502)
      expect(res.json().code).toBe('PROXY.UNREACHABLE')
    } finally {
      await p.close()
    }
  })
})
