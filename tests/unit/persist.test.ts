// What the offline copy keeps: the first pages of each list, cursors that read back as they were.
import { describe, expect, it } from 'vitest'
import { MAX_AGE_MS, MAX_PAGES, SCHEMA, persistOptions } from '../../src/offline/persist'

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
