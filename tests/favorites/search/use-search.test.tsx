import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, it, vi } from 'vitest'
import { I18nProvider } from '../../../src/lib/i18n'
import { useSearch, type ListProgress } from '../../../src/favorites/search/use-search'
import type { ViewFilter } from '../../../src/favorites/filters'
import { favorite } from '../../support/fixtures'

const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider initial="en">{children}</I18nProvider>
const items = [favorite('a', { name: 'Photo 1' }), favorite('b', { name: 'Report' })]

function setup(filter: ViewFilter) {
  const fetchNextPage = vi.fn()
  const list = (pages: number, more = true): ListProgress => ({
    pages,
    hasNextPage: more,
    isFetching: false,
    isFetchNextPageError: false,
    fetchNextPage,
  })
  const hook = renderHook(({ pages, more }) => useSearch(items, filter, list(pages, more)), {
    wrapper,
    initialProps: { pages: 1, more: true },
  })
  return { ...hook, fetchNextPage }
}

it('asks for the next page each time one arrives while a search is on, until there are none', () => {
  const { rerender, fetchNextPage, result } = setup({ type: 'all', sort: 'newest', q: 'photo' })
  expect(fetchNextPage).toHaveBeenCalledTimes(1)
  // The page came and went between two renders: isFetching was never seen true.
  rerender({ pages: 2, more: true })
  expect(fetchNextPage).toHaveBeenCalledTimes(2)
  expect(result.current.gathering).toBe('loading')
  rerender({ pages: 3, more: false })
  expect(fetchNextPage).toHaveBeenCalledTimes(2)
  expect(result.current.gathering).toBe('done')
})

it('asks for nothing without a search or a sort that needs every favorite, and stops on Stop', () => {
  const idle = setup({ type: 'all', sort: 'oldest', q: '' })
  idle.rerender({ pages: 2, more: true })
  expect(idle.fetchNextPage).not.toHaveBeenCalled()
  expect(idle.result.current.gathering).toBe(null)
  expect(idle.result.current.shown).toBe(items)

  const searching = setup({ type: 'all', sort: 'name', q: '' })
  expect(searching.fetchNextPage).toHaveBeenCalledTimes(1)
  searching.result.current.stop()
  searching.rerender({ pages: 2, more: true })
  expect(searching.fetchNextPage).toHaveBeenCalledTimes(1)
  expect(searching.result.current.gathering).toBe('stopped')
})
