import { describe, expect, it } from 'vitest'
import { formatXDate } from '../../src/api/client'
import { parseProcessSize, parseTime, safeHttpUrl, toFavorite } from '../../src/api/favorite'

describe('safeHttpUrl', () => {
  it.each([
    ['https://obs.example.com/a?b=1', 'https://obs.example.com/a?b=1'],
    ['http://127.0.0.1:4173/x', 'http://127.0.0.1:4173/x'],
    ['  https://x.example/  ', 'https://x.example/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['\u0000javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['file:///etc/passwd', undefined],
    ['not a url', undefined],
    ['', undefined],
    [42, undefined],
  ])('%s -> %s', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected)
  })

  it('resolves a relative URL against the API base', () => {
    expect(safeHttpUrl('/obs/x', 'https://drive.example.com/api/')).toBe('https://drive.example.com/obs/x')
  })
})

describe('parseTime', () => {
  it.each([
    ['2025-03-04T05:06:07.000Z', Date.UTC(2025, 2, 4, 5, 6, 7)],
    ['20250304T050607Z', Date.UTC(2025, 2, 4, 5, 6, 7)],
    ['1741064767000', 1741064767000],
    ['1741064767', 1741064767000],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('%s', (raw, expected) => {
    expect(parseTime(raw)).toBe(expected)
  })
})

describe('parseProcessSize', () => {
  it.each([
    ['image/resize,m_lfit,h_128,w_128', { width: 128, height: 128, fit: 'contain' }],
    ['image/resize,m_lfit,w_480,h_270', { width: 480, height: 270, fit: 'contain' }],
    ['image/resize,w_300', { width: 300, height: 300, fit: 'contain' }],
    ['image/resize,m_mfit,w_256,h_256', { width: 256, height: 256, fit: 'cover' }],
    ['image/resize,h_200,w_100,m_fill', { width: 100, height: 200, fit: 'cover' }],
    ['image/resize,m_lfit', undefined],
    [undefined, undefined],
  ])('%s', (raw, expected) => {
    expect(parseProcessSize(raw)).toEqual(expected)
  })
})

describe('toFavorite', () => {
  it('drops anything that is not a file with an id', () => {
    for (const raw of [null, 'x', 3, [], {}, { id: '' }, { id: { a: 1 } }]) expect(toFavorite(raw)).toBeUndefined()
  })

  it('survives every field being the wrong type', () => {
    const f = toFavorite({
      id: 'F',
      fileName: 5,
      size: 'big',
      recycled: 'maybe',
      attachments: 'x',
      downloadLinks: 7,
      owners: {},
      starredTime: [],
    })
    expect(f).toMatchObject({ id: 'F', name: 'F', size: undefined, recycled: false, thumbnails: [], contentUrl: undefined })
  })

  it('keeps only http(s) thumbnails, deduplicated, smallest first', () => {
    const image = (w: number, url: string) => ({ process: `image/resize,m_lfit,h_${w},w_${w}`, downloadUrl: { url } })
    const f = toFavorite({
      id: 'F',
      attachments: [
        {
          asset: {
            resource: { objects: [{ images: [image(800, 'https://a/800'), image(128, 'https://a/128'), image(480, 'javascript:x')] }] },
          },
        },
        { asset: { resource: { object: { images: [image(128, 'https://a/128')] } } } },
      ],
    })
    expect(f!.thumbnails).toEqual([
      { width: 128, height: 128, url: 'https://a/128', fit: 'contain' },
      { width: 800, height: 800, url: 'https://a/800', fit: 'contain' },
    ])
  })

  it('keeps values that repeat across files once: one owner object, one empty thumbnail list', () => {
    const file = (id: string, userId: string) => ({ id, containers: ['C1'], filePath: '/Team/Photos', owners: [{ userId, me: false }] })
    const [a, b, c] = [file('A', 'U1'), file('B', 'U1'), file('C', 'U2')].map((raw) => toFavorite(raw)!)
    expect(a!.owner).toBe(b!.owner)
    expect(c!.owner).toEqual({ id: 'U2', me: false })
    expect(a!.owner).not.toBe(c!.owner)
    expect(a!.thumbnails).toBe(b!.thumbnails)
    expect([a!.containerId, b!.path]).toEqual(['C1', '/Team/Photos'])
  })

  it('turns file and space codes into the app\'s kinds, with "other" for a code the pages do not list', () => {
    expect(toFavorite({ id: 'F', fileType: '15', spaceType: '2' })).toMatchObject({ type: 'image', spaceType: 'team' })
    expect(toFavorite({ id: 'F', fileType: 11, spaceType: 3 })).toMatchObject({ type: 'folder', spaceType: 'recycleBin' })
    expect(toFavorite({ id: 'F', fileType: '99', spaceType: '9' })).toMatchObject({ type: 'other', spaceType: 'other' })
    expect(toFavorite({ id: 'F', fileType: 'constructor', spaceType: '__proto__' })).toMatchObject({ type: 'other', spaceType: 'other' })
    expect(toFavorite({ id: 'F' })).toMatchObject({ type: 'other', spaceType: undefined })
  })

  it('reads flags, owner and permissions', () => {
    const f = toFavorite({
      id: 'F',
      invalid: 1,
      hidden: true,
      owners: [{ userId: 'U', me: false }],
      userCapabilities: { downloadPermission: false },
    })
    expect(f).toMatchObject({ expired: true, hidden: true, owner: { id: 'U', me: false }, canDownload: false })
  })
})

it('formats X-Date as yyyyMMddTHHmmssZ in UTC', () => {
  expect(formatXDate(Date.UTC(2026, 10, 23, 9, 5, 7, 999))).toBe('20261123T090507Z')
})
