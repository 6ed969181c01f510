// Pure pieces of the grid: layout math, thumbnail choice, date groups, URL filters, names, i18n.
import { beforeAll, describe, expect, it } from 'vitest'
import { favorite } from '../../support/fixtures'
import { detectLocale, loadCatalog, makeI18n, type MessageKey } from '../../../src/lib/i18n'
import { dateGroup, dateGrouper } from '../../../src/favorites/grid/date-groups'
import { displayName } from '../../../src/favorites/grid/display-name'
import { readFilter, writeFilter } from '../../../src/favorites/filters'
import {
  buildRows,
  columnsFor,
  groupSelection,
  itemsInRect,
  rowOfItem,
  tileWidth,
  type HeaderRow,
  type Row,
} from '../../../src/favorites/grid/layout'
import { IMAGE_STYLES, chooseThumbnail, largestThumbnail } from '../../../src/favorites/grid/thumbnail-size'
import { appendingFilter, earlierList, flatten, starredIn } from '../../../src/favorites/loaded'
import type { Favorite } from '../../../src/api/favorite'
import type { ListPage } from '../../../src/api/endpoints'

const fav = (id: string, starredAt?: number) => favorite(id, { starredAt })

describe('columnsFor / tileWidth', () => {
  it.each([
    [1280, 'medium', 7],
    [1280, 'small', 10],
    [1280, 'large', 4],
    [358, 'medium', 2],
    [100, 'large', 1],
    [0, 'small', 1],
  ] as const)('%i px at %s density -> %i columns', (width, density, columns) => {
    expect(columnsFor(width, density)).toBe(columns)
  })
  it('shares the width between columns after the gaps', () => {
    expect(tileWidth(1000, 4)).toBe((1000 - 3 * 12) / 4)
  })
})

describe('buildRows', () => {
  const items = ['a', 'a', 'a', 'b', 'c', 'c', 'c', 'c', 'c'].map((g, i) => ({ ...fav(`f${i}`), name: g }))
  const rows = buildRows(items, 2, (f) => ({ key: f.name, label: f.name.toUpperCase() }))

  it('starts a header whenever the group changes, then rows of at most `columns` tiles', () => {
    expect(rows.map((r) => (r.kind === 'header' ? `[${r.label}:${r.count}]` : r.items.map((i) => i.id).join('+')))).toEqual([
      '[A:3]',
      'f0+f1',
      'f2',
      '[B:1]',
      'f3',
      '[C:5]',
      'f4+f5',
      'f6+f7',
      'f8',
    ])
  })
  it('keys rows by place (group, row number) so that they survive new pages and removals', () => {
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
    const more = buildRows([...items, { ...fav('f9'), name: 'c' }], 2, (f) => ({ key: f.name, label: f.name }))
    expect(more.slice(0, 8).map((r) => r.key)).toEqual(rows.slice(0, 8).map((r) => r.key))
    // f1 leaves: every row keeps its key, so React keeps the row elements.
    const fewer = buildRows(
      items.filter((i) => i.id !== 'f1'),
      2,
      (f) => ({ key: f.name, label: f.name }),
    )
    expect(fewer.map((r) => r.key)).toEqual(rows.filter((r) => r.key !== 'r:a:0:1').map((r) => r.key))
  })
  it('keeps keys unique when a group comes back further down (a server that does not sort by date)', () => {
    const mixed = buildRows(
      ['a', 'b', 'a'].map((g, i) => ({ ...fav(`m${i}`), name: g })),
      2,
      (f) => ({ key: f.name, label: f.name }),
    )
    expect(new Set(mixed.map((r) => r.key)).size).toBe(mixed.length)
  })
  it('finds the row of any item, never a header', () => {
    expect(items.map((_, i) => rowOfItem(rows, i))).toEqual([1, 1, 2, 4, 6, 6, 7, 7, 8])
  })
  it('handles no items', () => {
    expect(buildRows([], 3, () => ({ key: 'x', label: 'x' }))).toEqual([])
  })
})

describe('chooseThumbnail', () => {
  const cover = (side: number) => ({ width: side, height: side, url: `c${side}`, fit: 'cover' as const })
  // Smallest first, as toFavorite gives them.
  const thumbs = [cover(128), cover(256), cover(512), { width: 1080, height: 1080, url: 'l1080', fit: 'contain' as const }]
  it.each([
    // box width x height in CSS pixels, device pixel ratio, the choice
    [100, 100, 1, 'c128'],
    [128, 128, 1, 'c128'],
    [180, 176, 1, 'c256'],
    [180, 176, 2, 'c512'],
    [176, 180, 2, 'c512'], // a portrait box: its height decides
    [180, 176, 3, 'l1080'], // 540 px: only the preview size is large enough, assumed 3:2
    [300, 272, 2, 'l1080'],
    [600, 500, 3, 'l1080'], // nothing covers: the largest
    [180, 176, 0, 'c256'],
  ])('a %ix%i px picture box at %ix gets %s', (width, height, dpr, url) => {
    expect(chooseThumbnail(thumbs, { width, height }, dpr)?.url).toBe(url)
  })
  it('takes the short side of a cover-cropped picture into account, never only the long one', () => {
    // A 3:2 photo fitted into 256: 256 x 171 at most; a 200 x 176 box would be upscaled.
    const lfit = [128, 256, 480].map((side) => ({ width: side, height: side, url: `l${side}`, fit: 'contain' as const }))
    expect(chooseThumbnail(lfit, { width: 200, height: 176 }, 1)?.url).toBe('l480')
    expect(chooseThumbnail(lfit, { width: 160, height: 100 }, 1)?.url).toBe('l256')
  })
  it('gives nothing when there is nothing, and the preview the largest that shows the whole picture', () => {
    expect(chooseThumbnail([], { width: 100, height: 100 }, 1)).toBeUndefined()
    expect(largestThumbnail(thumbs)?.url).toBe('l1080')
    expect(largestThumbnail([cover(128), cover(512)])?.url).toBe('c512')
  })
  it('asks for every size it may choose in one imageProcess list: cover sizes for tiles, a fitted one for the preview', () => {
    expect(IMAGE_STYLES).toEqual([
      'image/resize,m_mfit,h_128,w_128',
      'image/resize,m_mfit,h_256,w_256',
      'image/resize,m_mfit,h_512,w_512',
      'image/resize,m_lfit,h_1080,w_1080',
    ])
  })
})

describe('dateGroup', () => {
  const labels = { today: 'Today', yesterday: 'Yesterday', thisWeek: 'This week' }
  const now = new Date(2026, 10, 26, 15, 0).getTime() // Thursday 26 November 2026, local time
  const at = (...args: [number, number, number, number?]) => new Date(args[0], args[1], args[2], args[3] ?? 12).getTime()
  it.each([
    [at(2026, 10, 26, 0), 'Today'],
    [at(2026, 10, 25, 23), 'Yesterday'],
    [at(2026, 10, 24), 'This week'],
    [at(2026, 10, 23, 0), 'This week'],
    [at(2026, 10, 22), 'November'],
    [at(2026, 0, 1), 'January'],
    [at(2025, 11, 31), '2025'],
    [at(2019, 5, 1), '2019'],
  ])('%s', (time, label) => {
    expect(dateGroup(time, now, 'en', labels).label).toBe(label)
  })
  it('groups a whole list the same, in date order or not, across months, years and the week', () => {
    const times = [at(2026, 10, 23, 0), at(2026, 10, 22, 23), at(2026, 10, 1, 0), at(2026, 9, 31, 23), at(2026, 0, 1, 0)]
    times.push(at(2025, 11, 31, 23), at(2025, 0, 1, 0), at(2024, 11, 31, 23), at(2026, 9, 15), at(2026, 10, 2), at(2025, 5, 1))
    const groupOf = dateGrouper(now, 'en', labels)
    expect(times.map((t) => groupOf(t).label)).toEqual(times.map((t) => dateGroup(t, now, 'en', labels).label))
    expect(times.map((t) => groupOf(t).label).slice(0, 9)).toEqual([
      'This week',
      'November',
      'November',
      'October',
      'January',
      '2025',
      '2025',
      '2024',
      'October',
    ])
  })
  it('names months in the UI language, and copes with no time', () => {
    expect(dateGroup(at(2026, 2, 3), now, 'zh-CN', labels).label).toBe('三月')
    expect(dateGroup(undefined, now, 'en', labels).key).toBe('unknown')
  })
})

describe('URL filters', () => {
  it('reads type and sort, with defaults for anything else', () => {
    expect(readFilter(new URLSearchParams('type=videos&sort=oldest'))).toEqual({ type: 'videos', sort: 'oldest', q: '' })
    expect(readFilter(new URLSearchParams('sort=name&q=%E6%8A%A5%E5%91%8A'))).toEqual({ type: 'all', sort: 'name', q: '报告' })
    expect(readFilter(new URLSearchParams('type=__proto__&sort=sideways'))).toEqual({ type: 'all', sort: 'newest', q: '' })
  })
  it('writes short links and keeps other parameters', () => {
    expect(writeFilter(new URLSearchParams('file=F1'), { type: 'all', sort: 'newest', q: '' }).toString()).toBe('file=F1')
    expect(writeFilter(new URLSearchParams(), { type: 'word', sort: 'oldest', q: '' }).toString()).toBe('type=word&sort=oldest')
    expect(writeFilter(new URLSearchParams('sort=oldest'), { type: 'all', sort: 'size', q: 'a b' }).toString()).toBe('sort=size&q=a+b')
  })
})

it('takes bidi controls out of names and nothing else', () => {
  expect(displayName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe')
  expect(displayName('\u2067שלום\u2069 report.pdf')).toBe('שלום report.pdf')
  expect(displayName('<b>照片</b> 🏔️.png')).toBe('<b>照片</b> 🏔️.png')
})

describe('i18n', () => {
  beforeAll(() => loadCatalog('zh-CN'))

  it('picks Chinese for zh browsers, English otherwise, a saved choice first', () => {
    expect(detectLocale(undefined, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(detectLocale(undefined, ['fr-FR', 'en-GB'])).toBe('en')
    expect(detectLocale(undefined, ['fr-FR'])).toBe('en')
    expect(detectLocale('en', ['zh-CN'])).toBe('en')
  })
  it('formats sizes and counts through Intl', () => {
    const en = makeI18n('en')
    expect(en.size(0)).toBe('0 bytes')
    expect(en.size(48_213)).toBe('47.1 kB')
    expect(en.size(3 * 2 ** 40)).toBe('3 TB')
    expect(en.size(undefined)).toBe('—')
    expect(en.t('endOfList', { count: 5000 })).toBe('That is all: 5,000 favorites')
    expect(makeI18n('zh-CN').t('endOfList', { count: 5000 })).toBe('已全部加载：共 5,000 个收藏')
  })

  it('takes plural forms from Intl.PluralRules, per locale', () => {
    const en = makeI18n('en')
    expect(en.t('endOfList', { count: 1 })).toBe('That is all: 1 favorite')
    expect(en.t('endOfList', { count: 0 })).toBe('That is all: 0 favorites')
    expect(en.t('removed', { count: 1 })).toBe('Removed 1 from favorites')
    expect(en.t('removed', { count: 2 })).toBe('Removed 2 from favorites')
    expect(makeI18n('zh-CN').t('endOfList', { count: 1 })).toBe('已全部加载：共 1 个收藏')
  })

  it('never throws on a key built from data: an unknown key shows as itself', () => {
    const en = makeI18n('en')
    expect(en.t('space.9' as MessageKey)).toBe('space.9')
    expect(en.t('__proto__' as MessageKey)).toBe('__proto__')
    expect(makeI18n('zh-CN').t('space.other')).toBe('其他空间')
  })
})

describe('itemsInRect (marquee)', () => {
  // Two groups: 5 items then 2; 3 columns of 100 px, rows 100 px high (+12 gap), headers 44 px.
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => fav(id, i < 5 ? 2_000 : 1_000))
  const rows = buildRows(items, 3, (f) => ({ key: String(f.starredAt), label: String(f.starredAt) }))
  const geometry = { columns: 3, cell: 100, rowHeight: 100, paddingTop: 8 }
  // Row tops: header 8, tiles 52 (a b c), tiles 164 (d e), header 276, tiles 320 (f g).

  it('finds the tiles a rectangle touches, across rows and date groups', () => {
    expect(itemsInRect(rows, geometry, { left: 50, right: 150, top: 60, bottom: 200 })).toEqual([0, 1, 3, 4])
    expect(itemsInRect(rows, geometry, { left: 0, right: 400, top: 0, bottom: 1000 })).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('finds nothing in the gaps or over a header alone', () => {
    expect(itemsInRect(rows, geometry, { left: 101, right: 111, top: 60, bottom: 70 })).toEqual([])
    expect(itemsInRect(rows, geometry, { left: 0, right: 400, top: 280, bottom: 300 })).toEqual([])
  })

  it('does not count a slot that has no tile (a short last row)', () => {
    expect(itemsInRect(rows, geometry, { left: 230, right: 300, top: 170, bottom: 400 })).toEqual([])
  })
})

describe('flatten', () => {
  const page = (...ids: string[]): ListPage => ({ items: ids.map((id) => fav(id)), autoDeleted: 0, skipped: 0 })
  const ids = (pages: ListPage[]) => flatten(pages).map((f) => f.id)

  it('lists every loaded file once, in order, as pages are appended', () => {
    const first = [page('a', 'b'), page('c')]
    const firstResult = flatten(first)
    const second = [...first, page('b', 'd')] // 'b' moved between two page loads
    expect(ids(second)).toEqual(['a', 'b', 'c', 'd'])
    // The earlier result is left as it was.
    expect(firstResult.map((f) => f.id)).toEqual(['a', 'b', 'c'])
    expect(ids([...second, page('e')])).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('starts again for pages that are not the last ones plus more (a patch, a refetch, another list)', () => {
    const pages = [page('a'), page('b')]
    expect(ids(pages)).toEqual(['a', 'b'])
    expect(ids([pages[0]!, page('x'), page('b', 'y')])).toEqual(['a', 'x', 'b', 'y'])
    expect(ids([page('z')])).toEqual(['z'])
    expect(ids(pages)).toEqual(['a', 'b'])
    expect(flatten(undefined)).toEqual([])
    expect(flatten([])).toEqual([])
  })

  it('keeps two lists apart when they load in turns (two filters, one cache)', () => {
    const images = [page('i1', 'i2')]
    const all = [page('a1', 'i1')]
    expect(ids(images)).toEqual(['i1', 'i2'])
    expect(ids(all)).toEqual(['a1', 'i1'])
    // Page lists are immutable, as TanStack Query's are: a next page makes a new array.
    expect(ids([...images, page('i3', 'i1')])).toEqual(['i1', 'i2', 'i3'])
    expect(ids([...all, page('a2')])).toEqual(['a1', 'i1', 'a2'])
  })
})

describe('work that does not grow with what is loaded', () => {
  it('rows without date groups are tiles only, keyed by place', () => {
    const items = Array.from({ length: 7 }, (_, i) => favorite(`f${i}`))
    const rows = buildRows(items, 3)
    expect(rows.map((r) => [r.kind, r.key, r.first])).toEqual([
      ['tiles', 'r:0', 0],
      ['tiles', 'r:1', 3],
      ['tiles', 'r:2', 6],
    ])
  })

  it('builds the rows for a page arriving from the rows before it: the same rows, each file grouped about once', () => {
    // 20,000 in pages of 100: a group spans many pages (the last one stays open page after page),
    // a key comes back further down (a server not sorting by date), and rows end part-full.
    const keyOf = (i: number) => (i < 9_950 ? 'a' : i < 15_000 ? 'b' : i < 15_050 ? 'a' : 'c')
    const items = Array.from({ length: 20_000 }, (_, i) => ({ ...fav(`f${i}`), name: keyOf(i) }))
    let calls = 0
    const groupOf = (f: Favorite) => (calls++, { key: f.name, label: f.name.toUpperCase() })
    for (const grouped of [true, false]) {
      let rows: Row[] = []
      calls = 0
      for (let n = 100; n <= items.length; n += 100) {
        rows = buildRows(items.slice(0, n), 7, grouped ? groupOf : undefined, rows)
      }
      const looked = calls
      expect(rows).toEqual(buildRows(items, 7, grouped ? groupOf : undefined))
      // Each file once, each row's first file once more, and per page the one row built again.
      if (grouped) expect(looked).toBeLessThanOrEqual(20_000 + rows.length + 200 * 8)
      expect(rows.filter((r) => r.kind === 'header').map((r) => r.key)).toEqual(grouped ? ['h:a:0', 'h:b:0', 'h:a:1', 'h:c:0'] : [])
    }
  })

  it('works out whether a date group is all selected once per selection, however often it is asked', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `f${i}`)
    let lookups = 0
    const selected = new Set(ids.slice(0, 15_000))
    const counting = { size: selected.size, has: (id: string) => (lookups++, selected.has(id)) } as ReadonlySet<string>
    const header: HeaderRow = { kind: 'header', key: 'h:2025:0', label: '2025', first: 0, count: 15_000 }
    const other: HeaderRow = { kind: 'header', key: 'h:2024:0', label: '2024', first: 15_000, count: 5_000 }
    const isAll = groupSelection(counting, ids)
    // Sixty frames of scrolling past both headers.
    for (let frame = 0; frame < 60; frame++) {
      expect(isAll(header)).toBe(true)
      expect(isAll(other)).toBe(false)
    }
    expect(lookups).toBe(15_000 + 1)
    // A group larger than the whole selection needs no lookup at all.
    expect(groupSelection(new Set(['f1']), ids)(header)).toBe(false)
  })
})

describe('lists derived from what is loaded, as pages arrive', () => {
  const page = (from: number, count: number, starred = (i: number) => i % 3 !== 0): ListPage => ({
    items: Array.from({ length: count }, (_, i) => favorite(`p${from + i}`, { starred: starred(from + i) })),
    autoDeleted: 0,
    skipped: 0,
  })

  it('filters only the page that arrived, and chains (starred, then a search)', () => {
    let looked = 0
    const starred = appendingFilter((f) => (looked++, f.starred))
    let searched = 0
    const named = appendingFilter((f) => (searched++, f.id.endsWith('7')))
    let pages = [page(0, 100)]
    const first = named(starred(flatten(pages)))
    expect([looked, searched]).toEqual([100, 66])
    for (let n = 1; n < 200; n++) {
      pages = [...pages, page(n * 100, 100)]
      named(starred(flatten(pages)))
    }
    // 20,000 loaded: each page was looked at once, not once per page after it.
    expect(looked).toBe(20_000)
    expect(searched).toBe(starred(flatten(pages)).length)
    const all = named(starred(flatten(pages)))
    expect(all.slice(0, first.length)).toEqual(first)
    expect(all).toEqual(flatten(pages).filter((f) => f.starred && f.id.endsWith('7')))
  })

  it('keeps only the list before the newest reachable from it, not every list built', () => {
    const named = appendingFilter((f) => f.id.endsWith('7'))
    let pages = [page(0, 100)]
    const lists = [starredIn(flatten(pages))]
    for (let n = 1; n < 4; n++) {
      pages = [...pages, page(n * 100, 100)]
      lists.push(starredIn(flatten(pages)))
      named(lists.at(-1)!)
    }
    const [newest, before] = [lists.at(-1)!, lists.at(-2)!]
    expect(earlierList(newest)).toBe(before)
    expect(earlierList(before)).toBeUndefined()
    expect(earlierList(earlierList(named(newest))!)).toBeUndefined()
  })

  it('starts again for a list that is not an earlier one plus more (a patch)', () => {
    let looked = 0
    const starred = appendingFilter((f) => (looked++, f.starred))
    const pages = [page(0, 50), page(50, 50)]
    starred(flatten(pages))
    const patched = [{ ...pages[0]!, items: pages[0]!.items.map((f) => ({ ...f, starred: false })) }, pages[1]!]
    expect(starred(flatten(patched))).toEqual(pages[1]!.items.filter((f) => f.starred))
    expect(looked).toBe(200)
  })
})
