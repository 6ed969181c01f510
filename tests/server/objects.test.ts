import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { list, raw, startTestServer, tempDir } from '../support/server'

let server: RunningServer
let staticDir: string
beforeAll(async () => {
  staticDir = tempDir()
  fs.mkdirSync(path.join(staticDir, 'assets'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><title>t</title>${'<p>hello</p>'.repeat(100)}`)
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))})`)
  server = await startTestServer({ demoFiles: 60, staticDir, imageOrigins: ['https://obs.example.com'] })
})
afterAll(() => server.close())

async function fetchBuffer(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers })
  return { res, buffer: Buffer.from(await res.arrayBuffer()) }
}

describe('thumbnails', () => {
  it('serves real WebP thumbnails at the requested size, cacheable, with CORS, needing no token', async () => {
    const body = (
      await list(server.url, 'fileType=15&imageProcess=image/resize,m_lfit,h_128,w_128%3Bimage/resize,m_lfit,h_480,w_480')
    ).json()
    const [small, large] = body.starFileList[0].attachments[0].asset.resource.objects[0].images
    for (const [image, side] of [
      [small, 128],
      [large, 480],
    ] as const) {
      const { res, buffer } = await fetchBuffer(image.downloadUrl.url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/webp')
      expect(res.headers.get('cache-control')).toContain('immutable')
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      const meta = await sharp(buffer).metadata()
      expect(meta.format).toBe('webp')
      expect(Math.max(meta.width!, meta.height!)).toBe(side)
    }
  })

  it('makes the same bytes whether or not a token is sent, and the other modes too', async () => {
    const url = `${server.url}/obs/thumbnails/2/Fx.webp?x-image-process=image/resize,m_fill,w_100,h_60`
    const a = await fetchBuffer(url)
    const b = await fetchBuffer(url, { Authorization: 'Bearer whatever' })
    expect(a.buffer.equals(b.buffer)).toBe(true)
    const meta = await sharp(a.buffer).metadata()
    expect([meta.width, meta.height]).toEqual([100, 60])
  })

  it('answers a bad style with 400 and an unknown picture with 404', async () => {
    expect((await raw(server.url, '/obs/thumbnails/2/Fx.webp?x-image-process=image/blur,5')).status).toBe(400)
    expect((await raw(server.url, '/obs/thumbnails/999/Fx.webp?x-image-process=image/resize,w_5')).status).toBe(404)
  })

  it('serves content as an attachment that cannot run as a page', async () => {
    const file = (await list(server.url, 'pageSize=1')).json().starFileList[0]
    const res = await fetch(file.downloadLinks[0].downloadLink)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/)
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
  })
})

describe('the built app', () => {
  it('serves index.html with security headers, no-cache, and the image origins in img-src', async () => {
    const res = await raw(server.url, '/some/app/route', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.status).toBe(200)
    const csp = res.headers['content-security-policy']
    expect(csp).toContain("img-src 'self' data: blob: https://obs.example.com")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['content-encoding']).toBe('gzip')
  })

  it('serves hashed assets immutable, compressed with brotli when asked', async () => {
    const res = await fetch(`${server.url}/assets/app-abc123.js`, { headers: { 'Accept-Encoding': 'br' } })
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(await res.text()).toContain('console.log')
  })

  it('answers a missing asset with 404 and a path escape with nothing from outside', async () => {
    expect((await raw(server.url, '/assets/missing.js')).status).toBe(404)
    const escape = await raw(server.url, '/..%2f..%2f..%2fetc%2fpasswd')
    expect(escape.status).toBe(404)
    expect(escape.body).not.toContain('root:')
  })
})
