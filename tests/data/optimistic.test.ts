import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/client'
import { favorite } from '../support/fixtures'
import { StarChangeError, failedFiles, patchStarred, restorePlaces, sharePages, type FavoritesData } from '../../src/data/optimistic'

const fav = (id: string) => favorite(id, { name: `${id}.png` })
const data = (...pages: string[][]): FavoritesData => ({
  pages: pages.map((ids) => ({ items: ids.map(fav), autoDeleted: 0, skipped: 0, nextCursor: 'next' })),
  pageParams: pages.map((_, i) => (i === 0 ? undefined : `c${i}`)),
})
const shown = (d: FavoritesData | undefined) => d!.pages.map((p) => p.items.filter((i) => i.starred).map((i) => i.id))

describe('patchStarred', () => {
  it('unstars the files in every cached page and keeps the others in place', () => {
    const before = data(['a', 'b', 'c'], ['d', 'e'], ['f'])
    const after = patchStarred(before, new Set(['b', 'e']), false)
    expect(shown(after)).toEqual([['a', 'c'], ['d'], ['f']])
    // Hidden, not dropped: the items keep their slots so they can come back exactly there.
    expect(after!.pages[0]!.items.map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })

  it('shares what did not change: untouched pages and items are the same objects', () => {
    const before = data(['a', 'b'], ['c', 'd'])
    const after = patchStarred(before, new Set(['c']), false)!
    expect(after.pages[0]).toBe(before.pages[0])
    expect(after.pages[1]!.items[1]).toBe(before.pages[1]!.items[1])
    expect(after.pageParams).toBe(before.pageParams)
  })

  it('returns the same data when nothing changes: no ids, unknown ids, already in that state, no cache', () => {
    const before = data(['a', 'b'])
    expect(patchStarred(before, new Set(), false)).toBe(before)
    expect(patchStarred(before, new Set(['zzz']), false)).toBe(before)
    expect(patchStarred(before, new Set(['a']), true)).toBe(before)
    expect(patchStarred(undefined, new Set(['a']), false)).toBeUndefined()
  })

  it('puts files back exactly where they were (Undo, a refusal)', () => {
    const before = data(['a', 'b', 'c'], ['d'])
    const removed = patchStarred(before, new Set(['a', 'c', 'd']), false)
    const back = patchStarred(removed, new Set(['c', 'd']), true)
    expect(shown(back)).toEqual([['b', 'c'], ['d']])
    expect(shown(patchStarred(back, new Set(['a']), true))).toEqual([['a', 'b', 'c'], ['d']])
  })
})

describe('failedFiles', () => {
  const variables = {
    files: [
      { id: 'a', containerId: 'C' },
      { id: 'b', containerId: 'C' },
    ],
    starred: false,
  }

  it('takes the per-file failures of an answer', () => {
    expect(
      failedFiles({ variables, data: { starred: false, succeeded: ['a'], failed: [{ id: 'b', code: '403', message: 'pinned' }] } }),
    ).toEqual([{ id: 'b', code: '403', message: 'pinned' }])
  })

  it('a change that failed part-way keeps what went through', () => {
    const error = new ApiError('network', 0, 'NETWORK', 'offline', '')
    const partial = new StarChangeError(
      { starred: false, succeeded: ['a'], failed: [{ id: 'b', code: 'NETWORK', message: 'offline', error }] },
      error,
    )
    expect(failedFiles({ variables, error: partial }).map((f) => f.id)).toEqual(['b'])
  })

  it('a change that failed outright failed for every file, with the error message', () => {
    const error = new ApiError('http', 400, '400', 'Bad request body', 'trace')
    expect(failedFiles({ variables, error })).toEqual([
      { id: 'a', code: '400', message: 'Bad request body', error },
      { id: 'b', code: '400', message: 'Bad request body', error },
    ])
    expect(failedFiles({ variables, error: new Error('boom') }).map((f) => f.message)).toEqual(['boom', 'boom'])
  })
})

describe("sharePages (the lists' structural sharing)", () => {
  it('takes a patch as it is: it shares what did not change already', () => {
    const before = data(['a', 'b'], ['c'])
    const patch = patchStarred(before, new Set(['a']), false)!
    expect(sharePages(before, patch)).toBe(patch)
    const back = restorePlaces(patch, [{ item: fav('z'), after: 'c' }])!
    expect(sharePages(patch, back)).toBe(back)
  })

  it('compares fetched pages deeply: files that did not change stay the same objects', () => {
    const before = data(['a', 'b'], ['c'])
    expect(sharePages(before, structuredClone(before))).toBe(before)
    const fetched = structuredClone(before)
    fetched.pages[0]!.items[0]!.name = 'renamed.png'
    const shared = sharePages(before, fetched) as FavoritesData
    expect(shared.pages[0]!.items[0]!.name).toBe('renamed.png')
    expect(shared.pages[0]!.items[1]).toBe(before.pages[0]!.items[1])
    expect(shared.pages[1]).toBe(before.pages[1])
  })
})

describe('restorePlaces', () => {
  it('puts dropped files back after the file they followed, hidden until a change shows them', () => {
    const now = data(['a', 'c'], ['e'])
    const back = restorePlaces(now, [
      { item: fav('b'), after: 'a' },
      { item: fav('d'), after: 'c' },
      { item: fav('z') }, // it was first
    ])!
    expect(back.pages.map((p) => p.items.map((i) => i.id))).toEqual([['z', 'a', 'b', 'c', 'd'], ['e']])
    expect(back.pages[0]!.items.find((i) => i.id === 'b')!.starred).toBe(false)
  })

  it('restores a run of neighbours in order, since each follows the one restored before it', () => {
    const back = restorePlaces(data(['a', 'd']), [
      { item: fav('b'), after: 'a' },
      { item: fav('c'), after: 'b' },
    ])
    expect(back!.pages[0]!.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('leaves files still cached alone, and skips a file whose neighbour is unknown', () => {
    const now = data(['a', 'b'])
    expect(restorePlaces(now, [{ item: fav('b'), after: 'a' }])).toBe(now)
    expect(restorePlaces(now, [{ item: fav('x'), after: 'gone' }])!.pages[0]!.items.map((i) => i.id)).toEqual(['a', 'b'])
  })
})
