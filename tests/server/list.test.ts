import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILE_TYPE_CODES } from '../../src/wire/format'
import type { RunningServer } from '../../src/server/app'
import { SPECIAL } from '../../src/server/seed'
import { list, pageAll, startTestServer } from '../support/server'

let server: RunningServer
const FILES = 1500
beforeAll(async () => {
  server = await startTestServer({ demoFiles: FILES })
})
afterAll(() => server.close())

describe('query parameters', () => {
  const rejections: [string, string][] = [
    ['pageSize=0', 'pageSize must be a whole number from 1 to 100, got "0"'],
    ['pageSize=101', 'pageSize must be a whole number from 1 to 100, got "101"'],
    ['pageSize=ten', 'pageSize must be a whole number from 1 to 100, got "ten"'],
    ['pageSize=1.5', 'pageSize must be a whole number from 1 to 100, got "1.5"'],
    ['sortType=2', 'sortType must be 1 (time added to favorites), got "2"'],
    ['sortDirection=3', 'sortDirection must be 1 (ascending) or 2 (descending), got "3"'],
    ['fileType=99', 'fileType must be one of 10, 11, 15, 20, 26, 27, 28, 30, 35, 40, 45, got "99"'],
    ['imageProcess=image/rotate,90', 'imageProcess style "image/rotate,90" is not supported'],
    ['imageProcess=image/resize,m_lfit,w_0', 'w_ must be from 1 to 4096'],
    ['imageProcess=image/resize,m_blur,w_10', 'unknown mode "m_blur"'],
    [`imageProcess=${Array(9).fill('image/resize,w_10').join('%3B')}`, 'imageProcess holds 9 styles; at most 8'],
    ['pageCursor=not-a-cursor', 'pageCursor is not a cursor this server issued'],
  ]
  it.each(rejections)('rejects %s with 400 saying %s', async (query, message) => {
    const res = await list(server.url, query)
    expect(res.status).toBe(400)
    expect(res.json()).toEqual({ code: '400', msg: expect.stringContaining(message) })
  })

  it('rejects a cursor from a list with another direction or fileType', async () => {
    const first = (await list(server.url, 'pageSize=5&sortDirection=2')).json()
    for (const other of ['sortDirection=1', 'fileType=15']) {
      const res = await list(server.url, `pageSize=5&${other}&pageCursor=${first.nextCursor}`)
      expect(res.status).toBe(400)
      expect(res.json().msg).toBe('pageCursor belongs to a list with another sortDirection or fileType')
    }
  })

  it('defaults to 100 items, newest first, ignoring parameters it does not know (tenantId)', async () => {
    const body = (await list(server.url, 'tenantId=667706171d1c4ef2a4d7464f3656066c')).json()
    expect(body.starFileList).toHaveLength(100)
    const times = body.starFileList.map((f: { starredTime: string }) => Date.parse(f.starredTime))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(body).toMatchObject({ code: '0', msg: 'success', autoDeleted: 3 })
  })
})

describe('a StarFile', () => {
  it('carries every field of the pages, with one image per requested style', async () => {
    const styles = ['image/resize,m_lfit,h_128,w_128', 'image/resize,m_lfit,h_480,w_480']
    const body = (await list(server.url, `pageSize=100&fileType=15&imageProcess=${styles.join('%3B')}`)).json()
    const file = body.starFileList[0]
    expect(Object.keys(file).sort()).toEqual(
      [
        'attachments',
        'containers',
        'createdTime',
        'downloadLinks',
        'editedTime',
        'favorite',
        'fileName',
        'filePath',
        'fileSuffix',
        'fileType',
        'hidden',
        'id',
        'invalid',
        'lastEditor',
        'mimeType',
        'owners',
        'parentFolder',
        'properties',
        'recycled',
        'sha256',
        'size',
        'spaceType',
        'starredTime',
        'userCapabilities',
        'userProperties',
      ].sort(),
    )
    const images = file.attachments[0].asset.resource.objects[0].images
    expect(images.map((i: { process: string }) => i.process)).toEqual(styles)
    expect(images[0].downloadUrl).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/obs\/thumbnails\//), method: 'GET' })
    expect(file.downloadLinks[0]).toEqual({ usage: 'content', downloadLink: expect.stringContaining('/obs/content/') })
    expect(file.owners[0]).toMatchObject({ category: 'drive#user', me: expect.any(Boolean) })
    expect(Object.values(file.userCapabilities).every((x) => typeof x === 'boolean')).toBe(true)
  })

  it('shows the demo library as promised: every type, flags, hostile names and links', async () => {
    const { ids } = await pageAll(server.url, '')
    expect(ids).toHaveLength(FILES)
    const all = []
    let cursor = ''
    do {
      const body = (await list(server.url, `pageSize=100${cursor ? `&pageCursor=${cursor}` : ''}`)).json()
      all.push(...body.starFileList)
      cursor = body.nextCursor ?? ''
    } while (cursor)
    const types = new Set(all.map((f) => f.fileType))
    for (const t of FILE_TYPE_CODES.filter((c) => c !== '11')) expect(types).toContain(t)
    expect(all.some((f) => f.recycled)).toBe(true)
    expect(all.some((f) => f.invalid === 1)).toBe(true)
    expect(all.some((f) => f.hidden)).toBe(true)
    expect(all.some((f) => /[\u4e00-\u9fff]/.test(f.fileName))).toBe(true)
    expect(all.some((f) => /[\u0600-\u06ff\u0590-\u05ff]/.test(f.fileName))).toBe(true)
    expect(all.some((f) => /\p{Extended_Pictographic}/u.test(f.fileName))).toBe(true)
    expect(all.some((f) => f.fileName.length === 250)).toBe(true)
    expect(all.some((f) => f.size === 0) && all.some((f) => f.size > 2 ** 40)).toBe(true)
    const years = new Set(all.map((f) => f.starredTime.slice(0, 4)))
    expect(years.size).toBeGreaterThan(3)
    const byId = new Map(all.map((f) => [f.id, f]))
    expect(byId.get(SPECIAL.htmlName).fileName).toContain('<img')
    expect(byId.get(SPECIAL.javascriptLink).downloadLinks[0].downloadLink).toMatch(/^javascript:/)
  })
})

describe('paging', () => {
  const filters = ['', ...FILE_TYPE_CODES.map((t) => `fileType=${t}`)]
  it.each(filters.flatMap((f) => [`${f}&sortDirection=2`, `${f}&sortDirection=1`]))(
    'reaches the end with no duplicate and no gap: %s',
    async (query) => {
      const fileType = new URLSearchParams(query).get('fileType')
      const expected = server.app
        .store!.db.prepare(`SELECT id FROM files WHERE starred = 1 ${fileType ? 'AND file_type = ?' : ''}`)
        .all(...(fileType ? [fileType] : []))
        .map((r) => (r as { id: string }).id)
      const { ids, times, pages } = await pageAll(server.url, query, 37)
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(ids)).toEqual(new Set(expected))
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 37)))
      const ascending = query.includes('sortDirection=1')
      expect(times).toEqual([...times].sort((a, b) => (ascending ? a - b : b - a)))
    },
  )

  it('leaves nextCursor out of the last page', async () => {
    const body = (await list(server.url, 'fileType=11')).json()
    expect(body.starFileList).toEqual([])
    expect('nextCursor' in body).toBe(false)
  })

  it('uses the index for deep pages (keyset, not OFFSET)', () => {
    const plan = server.app
      .store!.db.prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM files WHERE starred = 1 AND (starred_time, id) < (?, ?) ORDER BY starred_time DESC, id DESC LIMIT 101`,
      )
      .all(Date.now(), 'F')
      .map((r) => (r as { detail: string }).detail)
      .join(' ')
    expect(plan).toContain('USING INDEX files_by_starred')
    expect(plan).not.toContain('TEMP B-TREE')
  })
})
