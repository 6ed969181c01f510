// What the offline copy keeps: the first pages of each list, cursors that read back as they were;
// and what it takes back: only a copy of the shape it wrote.
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { favoriteQueries } from '../../src/data/queries'
import { isKeptCopy } from '../../src/data/kept-copy'
import { MAX_AGE_MS, MAX_PAGES, SCHEMA, persistOptions } from '../../src/data/persist'
import { startTestServer } from '../support/server'
import { testClient } from '../support/render'

describe('persistOptions', () => {
  const options = persistOptions('user-1')

  it('keeps the first pages of a long list, with their cursors', () => {
    const pages = Array.from({ length: 200 }, (_, i) => ({ items: [i] }))
    const pageParams = [undefined, ...Array.from({ length: 199 }, (_, i) => `c${i + 1}`)]
    const kept = options.dehydrateOptions!.serializeData!({ pages, pageParams }) as { pages: unknown[]; pageParams: unknown[] }
    expect(kept.pages).toHaveLength(MAX_PAGES)
    expect(kept.pageParams).toEqual(pageParams.slice(0, MAX_PAGES))
  })

  it('reads the first cursor back as undefined (JSON wrote it as null), so a refetch starts at the top', () => {
    const restored = JSON.parse(JSON.stringify({ pages: [{ items: [] }, { items: [] }], pageParams: [undefined, 'c1'] }))
    expect(restored.pageParams).toEqual([null, 'c1'])
    expect(options.hydrateOptions!.defaultOptions!.deserializeData!(restored)).toEqual({
      pages: [{ items: [] }, { items: [] }],
      pageParams: [undefined, 'c1'],
    })
  })

  it('keeps lists only, never changes (they have their own outbox), for a week, under a schema version', () => {
    const query = (key: unknown[]) => ({ queryKey: key, state: { status: 'success' } }) as never
    expect(options.dehydrateOptions!.shouldDehydrateQuery!(query(['favorites', 'list', {}]))).toBe(true)
    expect(options.dehydrateOptions!.shouldDehydrateQuery!(query(['app-config', 'x']))).toBe(false)
    expect(options.dehydrateOptions!.shouldDehydrateMutation!({} as never)).toBe(false)
    expect(options.maxAge).toBe(MAX_AGE_MS)
    expect(MAX_AGE_MS).toBeGreaterThanOrEqual(7 * 24 * 3600_000)
    expect(options.buster).toBe(SCHEMA)
  })
})

describe('isKeptCopy', () => {
  it('takes back a copy the app wrote, and drops one that is off anywhere', async () => {
    const server = await startTestServer({ demoFiles: 150 })
    try {
      const queryClient = new QueryClient()
      const options = favoriteQueries.list(testClient(server.url), { pageSize: 100, sortDirection: 'desc' })
      await queryClient.fetchInfiniteQuery(options)
      await queryClient.fetchInfiniteQuery({ ...options, pages: 2 })
      const written = { timestamp: 1, buster: SCHEMA, clientState: dehydrate(queryClient, persistOptions('u').dehydrateOptions) }
      const copy = () => JSON.parse(JSON.stringify(written))
      expect(isKeptCopy(copy())).toBe(true)

      // A kept copy as JSON gives it back: loosely typed, as anything read from storage is.
      type Kept = { clientState: { queries: { queryKey: unknown; state: { data: { pages: { items: Record<string, unknown>[] }[] } } }[] } }
      const items = (c: Kept, page: number) => c.clientState.queries[0]!.state.data.pages[page]!.items
      expect(items(copy(), 1).length).toBeGreaterThan(0)
      const broken: [string, (c: Kept) => void][] = [
        [
          'a javascript: thumbnail',
          (c) =>
            ((items(c, 1).find((f) => (f.thumbnails as unknown[]).length)!.thumbnails as { url: string }[])[0]!.url =
              'javascript:alert(1)'),
        ],
        ['a data: download link', (c) => (items(c, 0)[0]!.contentUrl = 'data:text/html,x')],
        ['a favorite without its id', (c) => delete items(c, 0)[5]!.id],
        ['a number for a name', (c) => (items(c, 1)[0]!.name = 7)],
        ['pages that are not a list', (c) => (c.clientState.queries[0]!.state.data.pages = {} as never)],
        ['another query', (c) => (c.clientState.queries[0]!.queryKey = ['session', 'x'])],
        ['no client state', (c) => delete (c as Partial<Kept>).clientState],
      ]
      for (const [what, breakIt] of broken) {
        const c = copy()
        breakIt(c)
        expect(isKeptCopy(c), what).toBe(false)
      }
      expect(isKeptCopy('{}')).toBe(false)
    } finally {
      await server.close()
    }
  })
})
