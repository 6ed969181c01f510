// @vitest-environment node
// The API client against the real embedded server, and against small servers that send what
// NOTES.md says a real KooDrive may send (other readings of the pages, failures).
import type http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createClient, type KooDriveClient } from '../../src/api/client'
import { listFavorites, setStarred } from '../../src/api/endpoints'
import type { RunningServer } from '../../src/server/app'
import { SPECIAL } from '../../src/server/seed'
import { TOKEN, USER, recorder, startTestServer } from '../support/server'

const credentials = { token: TOKEN, userId: USER }
const clientFor = (baseUrl: string, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl, getCredentials: () => credentials, getLanguage: () => 'zh-CN', ...extra })

function countRequests(server: RunningServer) {
  const seen: http.IncomingMessage[] = []
  server.server.prependListener('request', (req: http.IncomingMessage) => seen.push(req))
  return seen
}

let server: RunningServer
let client: KooDriveClient
let seen: http.IncomingMessage[]
beforeAll(async () => {
  server = await startTestServer({ demoFiles: 400 })
  client = clientFor(server.url)
  seen = countRequests(server)
})
afterAll(() => server.close())

describe('against the embedded server', () => {
  it('pages through every favorite into the app model', async () => {
    const ids = new Set<string>()
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await listFavorites(client, {
        cursor,
        pageSize: 100,
        imageProcess: ['image/resize,m_lfit,h_480,w_480', 'image/resize,m_lfit,h_128,w_128'],
      })
      page.items.forEach((item) => ids.add(item.id))
      expect(page.autoDeleted).toBe(3)
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(ids.size).toBe(400)
    expect(pages).toBe(4)
  })

  it('turns files into the compact model: thumbnails by size, safe links, flags, times', async () => {
    const { items } = await listFavorites(client, {
      pageSize: 100,
      imageProcess: ['image/resize,m_lfit,h_480,w_480', 'image/resize,m_lfit,h_128,w_128'],
    })
    const image = items.find((f) => f.thumbnails.length > 0)!
    expect(image.thumbnails.map((t) => t.width)).toEqual([128, 480])
    expect(image.thumbnails[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/obs\/thumbnails\//)
    expect(image.starredAt).toBeGreaterThan(0)
    expect(image.containerId).toMatch(/^I/)
    const hostile = items.find((f) => f.id === SPECIAL.javascriptLink)!
    expect(hostile.contentUrl).toBeUndefined()
    expect(items.find((f) => f.id === SPECIAL.htmlName)!.name).toBe('<img src=x onerror="alert(1)"><b>bold</b>.png')
  })

  it('sends the KooDrive headers: Bearer token, user, X-Date, a fresh 58-bit X-Traceid, language', async () => {
    seen.length = 0
    await listFavorites(client, { pageSize: 1 })
    await listFavorites(client, { pageSize: 1 })
    const [a, b] = seen
    expect(a!.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(a!.headers['x-user-id']).toBe(USER)
    expect(a!.headers['x-date']).toMatch(/^\d{8}T\d{6}Z$/)
    expect(a!.headers.language).toBe('zh-CN')
    expect(BigInt(a!.headers['x-traceid'] as string) < 2n ** 58n).toBe(true)
    expect(a!.headers['x-traceid']).not.toBe(b!.headers['x-traceid'])
  })

  it('stars and unstars in batches of at most 100, at most 3 in flight, merging per-file results', async () => {
    const { items } = await listFavorites(client, { pageSize: 100 })
    const more = await listFavorites(client, { pageSize: 100, cursor: (await listFavorites(client, { pageSize: 100 })).nextCursor })
    const { items: third } = await listFavorites(client, { pageSize: 50, cursor: more.nextCursor })
    const files = [...items, ...more.items, ...third]
    expect(files).toHaveLength(250)
    seen.length = 0
    const result = await setStarred(client, files, false)
    const batches = seen.filter((r) => r.method === 'POST')
    expect(batches).toHaveLength(3)
    expect(result.failed.map((f) => f.id)).toEqual(expect.arrayContaining([SPECIAL.locked]))
    expect(result.failed.find((f) => f.id === SPECIAL.locked)!.message).toContain('pinned by your administrator')
    expect(result.succeeded.length + result.failed.length).toBe(250)
    const after = await listFavorites(client, { pageSize: 100 })
    expect(after.items.map((f) => f.id)).toContain(SPECIAL.locked)
    expect(after.items.length).toBe(100)

    const back = await setStarred(
      client,
      files.filter((f) => result.succeeded.includes(f.id)),
      true,
    )
    expect(back.failed).toEqual([])
  })

  it('never sends a request off the API origin', async () => {
    await expect(client.request('//evil.example/x')).rejects.toThrow(TypeError)
    await expect(client.request('https://evil.example/x')).rejects.toThrow(TypeError)
    await expect(client.request('/\\evil.example/x')).rejects.toThrow(TypeError)
  })
})

describe('clock skew', () => {
  it.each([
    ['ahead', 20 * 60_000],
    ['behind', -20 * 60_000],
  ])('works with the server clock 20 minutes %s: one retry at first, then first time', async (_name, offset) => {
    const skewed = await startTestServer({ demoFiles: 10, now: () => Date.now() + offset })
    const requests = countRequests(skewed)
    try {
      const c = clientFor(skewed.url)
      expect((await listFavorites(c, { pageSize: 5 })).items).toHaveLength(5)
      expect(requests).toHaveLength(2)
      expect(Math.abs(c.skewMs - offset)).toBeLessThan(3_000)
      expect(c.skewMs).toBeLessThanOrEqual(offset)
      await listFavorites(c, { pageSize: 5 })
      expect(requests).toHaveLength(3)
    } finally {
      await skewed.close()
    }
  })
})

describe('what other servers may send', () => {
  let body: unknown = {}
  let status = 200
  let contentType = 'application/json'
  let fake: Awaited<ReturnType<typeof recorder>>
  beforeAll(async () => {
    fake = await recorder((_req, res) => {
      res.writeHead(status, { 'Content-Type': contentType })
      res.end(typeof body === 'string' ? body : JSON.stringify(body))
    })
  })
  afterAll(() => fake.close())
  const send = (b: unknown, s = 200, type = 'application/json') => {
    body = b
    status = s
    contentType = type
  }

  it('accepts every NOTES.md variant: resource.object, numeric code, string numbers, a single downloadLink, compact times, extra fields', async () => {
    send({
      code: 0,
      msg: 'success',
      nextCursor: '',
      autoDeleted: '2',
      creatingUser: 'x',
      starFileList: [
        {
          id: 'F1',
          fileName: 'Hello.jpg',
          fileType: 15,
          spaceType: 2,
          size: '2058',
          favorite: true,
          category: 'drive#file',
          starredTime: '20250102T030405Z',
          createdTime: '2025-01-01T00:00:00.000Z',
          invalid: '1',
          recycled: 'false',
          attachments: [
            {
              usage: 'content',
              asset: {
                resource: {
                  object: {
                    images: [
                      { process: 'image/resize,m_lfit,h_800,w_800', downloadUrl: { url: 'https://obs.example.com/800', method: 'GET' } },
                      { process: 'image/resize,m_lfit,h_128,w_128', downloadUrl: { url: 'https://obs.example.com/128' } },
                    ],
                  },
                },
              },
            },
          ],
          downloadLinks: { usage: 'content', downloadLink: 'https://obs.example.com/content' },
          containers: ['C1'],
          unknownThing: { deep: [1, 2] },
        },
        { fileName: 'no id: not a file' },
        { id: 'F2', fileName: 'Minimal', downloadLinks: [{ usage: 'content', downloadLink: 'javascript:alert(1)' }] },
      ],
    })
    const page = await listFavorites(clientFor(fake.url), {})
    expect(page.nextCursor).toBeUndefined()
    expect(page.autoDeleted).toBe(2)
    expect(page.skipped).toBe(1)
    expect(page.items[0]).toMatchObject({
      id: 'F1',
      type: 'image',
      spaceType: 'team',
      size: 2058,
      expired: true,
      recycled: false,
      containerId: 'C1',
      starredAt: Date.UTC(2025, 0, 2, 3, 4, 5),
      contentUrl: 'https://obs.example.com/content',
      thumbnails: [
        { width: 128, height: 128, url: 'https://obs.example.com/128', fit: 'contain' },
        { width: 800, height: 800, url: 'https://obs.example.com/800', fit: 'contain' },
      ],
    })
    expect(page.items[1]).toMatchObject({ id: 'F2', name: 'Minimal', type: 'other', thumbnails: [], contentUrl: undefined })
  })

  it('accepts "0" and 0 as success, and turns another body code into an error', async () => {
    send({ code: '0', starFileList: [] })
    expect((await listFavorites(clientFor(fake.url), {})).items).toEqual([])
    send({ code: 'KD.1001', msg: 'Quota exceeded', starFileList: [] })
    await expect(listFavorites(clientFor(fake.url), {})).rejects.toMatchObject({
      kind: 'http',
      status: 200,
      code: 'KD.1001',
      msg: 'Quota exceeded',
    })
  })

  it('reports a 500 as a retryable ApiError with the server message', async () => {
    send({ code: 'APIGW.0101', msg: 'Backend unavailable' }, 500)
    const error = await listFavorites(clientFor(fake.url), {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 500, code: 'APIGW.0101', msg: 'Backend unavailable', retryable: true })
    expect((error as ApiError).traceId).toMatch(/^\d+$/)
  })

  it('reports a 401 as not retryable', async () => {
    send({ code: 'APIGW.0301', msg: 'The access token is invalid or has expired' }, 401)
    await expect(listFavorites(clientFor(fake.url), {})).rejects.toMatchObject({ status: 401, unauthorized: true, retryable: false })
  })

  it('reports a body that is not JSON, or not the shape, as malformed', async () => {
    send('<html>Gateway</html>', 200, 'text/html')
    await expect(listFavorites(clientFor(fake.url), {})).rejects.toMatchObject({ kind: 'malformed' })
    send({ code: '0', starFileList: 'nope' })
    await expect(listFavorites(clientFor(fake.url), {})).rejects.toMatchObject({
      kind: 'malformed',
      // One line: the first thing that was off, and where.
      msg: 'KooDrive sent an unexpected response: Invalid type: Expected Array but received "nope" (at starFileList)',
    })
    send('<html>Bad gateway</html>', 502, 'text/html')
    await expect(listFavorites(clientFor(fake.url), {})).rejects.toMatchObject({ kind: 'http', status: 502, retryable: true })
  })

  it('gives up after its timeout, and lets a caller abort', async () => {
    const silent = await recorder(() => undefined)
    try {
      const error = await listFavorites(clientFor(silent.url, { timeoutMs: 200 }), {}).catch((e: unknown) => e)
      expect(error).toMatchObject({ kind: 'timeout', status: 0, retryable: true })
      const controller = new AbortController()
      const pending = listFavorites(clientFor(silent.url), {}, { signal: controller.signal })
      controller.abort()
      await expect(pending).rejects.not.toBeInstanceOf(ApiError)
    } finally {
      await silent.close()
    }
  })

  it('marks the files of a failed batch as failed with the error, without losing the others', async () => {
    send({ code: 'APIGW.0101', msg: 'Backend unavailable' }, 503)
    const result = await setStarred(clientFor(fake.url), [{ id: 'A', containerId: 'C' }, { id: 'B' }], false)
    expect(result.succeeded).toEqual([])
    expect(result.failed).toEqual([
      { id: 'B', code: 'NO_CONTAINER', message: 'This file has no space ID to send' },
      expect.objectContaining({ id: 'A', message: 'Backend unavailable', error: expect.any(ApiError) }),
    ])
  })

  it('reads a batch answer with code 0, status 1 and a missing file as that file failing', async () => {
    send({ code: 0, status: 1, subResponseList: [{ fileId: 'A', code: 0, message: 'success' }] })
    const result = await setStarred(
      clientFor(fake.url),
      [
        { id: 'A', containerId: 'C' },
        { id: 'B', containerId: 'C' },
      ],
      true,
    )
    expect(result.succeeded).toEqual(['A'])
    expect(result.failed).toEqual([{ id: 'B', code: '', message: 'KooDrive did not confirm this file' }])
  })
})
