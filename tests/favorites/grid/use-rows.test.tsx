import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { I18nProvider } from '../../../src/lib/i18n'
import { useRows } from '../../../src/favorites/grid/use-rows'
import { flatten, starredIn } from '../../../src/favorites/loaded'
import type { ListPage } from '../../../src/api/endpoints'
import { favorite } from '../../support/fixtures'

const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider initial="en">{children}</I18nProvider>
const DAY = 86_400_000
const page = (from: number): ListPage => ({
  items: Array.from({ length: 100 }, (_, i) => favorite(`f${from + i}`, { starredAt: Date.UTC(2024, 5, 1) - (from + i) * DAY })),
  autoDeleted: 0,
  skipped: 0,
})

// The date groups (Today, This week, months) are relative to now.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.UTC(2024, 6, 15, 12))
})
afterEach(() => vi.useRealTimers())

it('keeps the rows it built when a page arrives, and builds them all again for another width', () => {
  let pages = [page(0), page(100)]
  const { result, rerender } = renderHook(({ items, columns }) => useRows(items, columns, true), {
    wrapper,
    initialProps: { items: starredIn(flatten(pages)), columns: 6 },
  })
  const before = result.current
  pages = [...pages, page(200)]
  rerender({ items: starredIn(flatten(pages)), columns: 6 })
  const after = result.current
  // Every row but the last row of tiles and its group's header is the same object: the same element.
  const last = before.length - 1
  const header = before.findLastIndex((r) => r.kind === 'header')
  expect(after.slice(0, last).filter((row, i) => row === before[i]).length).toBe(last - (header >= 0 ? 1 : 0))
  const tail = after.at(-1)
  expect(tail?.kind === 'tiles' && tail.first + tail.items.length).toBe(300)

  rerender({ items: starredIn(flatten(pages)), columns: 5 })
  expect(result.current.some((row, i) => row === after[i])).toBe(false)
})
