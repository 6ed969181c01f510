import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, it, vi } from 'vitest'
import { I18nProvider } from '../../../src/lib/i18n'
import { useSearch, type ListProgress } from '../../../src/favorites/search/use-search'
import type { ViewFilter } from '../../../src/favorites/filters'
import { favorite } from '../../support/fixtures'

const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider initial="en">{children}</I18nProvider>
const items = [favorite('a', { name: 'Photo 1' }), favorite('b', { name: 'Report' })]

/** A list of `total` pages, one loaded; each fetch resolves when the test says so. */
function setup(filter: ViewFilter, total = 3) {
  let loaded = 1
  const pending: (() => void)[] = []
  const fetchNextPage = vi.fn(
    () =>
      new Promise<{ hasNextPage: boolean; isError: boolean }>((resolve) => {
        pending.push(() => resolve({ hasNextPage: ++loaded < total, isError: false }))
      }),
  )
  const list = (more: boolean): ListProgress => ({ hasNextPage: more, isFetchNextPageError: false, fetchNextPage })
  const hook = renderHook(({ more }) => useSearch(items, filter, list(more)), { wrapper, initialProps: { more: true } })
  /** The page in flight arrives (without a render: the next is asked for all the same). */
  const arrive = () => act(async () => pending.shift()!())
  return { ...hook, fetchNextPage, arrive }
}

it('asks for the next page as soon as one arrives, before any render, until there are none', async () => {
  const { fetchNextPage, arrive, result } = setup({ type: 'all', sort: 'newest', q: 'photo' })
  expect(fetchNextPage).toHaveBeenCalledTimes(1)
  expect(result.current.gathering).toBe('loading')
  await arrive()
  await waitFor(() => expect(fetchNextPage).toHaveBeenCalledTimes(2))
  await arrive()
  // The third page was the last: nothing more is asked for.
  await act(async () => {})
  expect(fetchNextPage).toHaveBeenCalledTimes(2)
})

it('asks for nothing without a search or a sort that needs every favorite, and stops on Stop', async () => {
  const idle = setup({ type: 'all', sort: 'oldest', q: '' })
  idle.rerender({ more: true })
  expect(idle.fetchNextPage).not.toHaveBeenCalled()
  expect(idle.result.current.gathering).toBe(null)
  expect(idle.result.current.shown).toBe(items)

  const sorting = setup({ type: 'all', sort: 'name', q: '' })
  expect(sorting.fetchNextPage).toHaveBeenCalledTimes(1)
  act(() => sorting.result.current.stop())
  expect(sorting.result.current.gathering).toBe('stopped')
  // The page in flight arrives after Stop: no other is asked for.
  await sorting.arrive()
  expect(sorting.fetchNextPage).toHaveBeenCalledTimes(1)
  act(() => sorting.result.current.resume())
  await waitFor(() => expect(sorting.fetchNextPage).toHaveBeenCalledTimes(2))
})

it('keeps the starred order and its date groups until the sort code is in, then sorts', async () => {
  // A fresh copy of the module, whose sort code (a lazy chunk) is not loaded yet.
  vi.resetModules()
  const fresh = await import('../../../src/favorites/search/use-search')
  const i18n = await import('../../../src/lib/i18n')
  const freshWrapper = ({ children }: { children: ReactNode }) => <i18n.I18nProvider initial="en">{children}</i18n.I18nProvider>
  const list: ListProgress = { hasNextPage: false, isFetchNextPageError: false, fetchNextPage: vi.fn() }
  const byName = [favorite('b', { name: 'Report' }), favorite('a', { name: 'Photo 1' })]
  const { result } = renderHook(() => fresh.useSearch(byName, { type: 'all', sort: 'name', q: '' }, list), { wrapper: freshWrapper })
  expect(result.current.grouped).toBe(true)
  expect(result.current.shown).toBe(byName)
  await waitFor(() => expect(result.current.grouped).toBe(false))
  expect(result.current.shown.map((f) => f.name)).toEqual(['Photo 1', 'Report'])
})
