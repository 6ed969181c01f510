// The virtualized grid: rows of tiles and date headers, one tab stop with a roving focus.
'use no memo' // useVirtualizer returns a mutable instance the React Compiler must not memoise
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Favorite } from '../api/favorite'
import { useI18n } from '../app/i18n'
import { dateGroup } from './date-groups'
import { DENSITY, GAP, HEADER_HEIGHT, buildRows, columnsFor, rowOfItem, tileWidth, type Density } from './layout'
import { Tile } from './tile'

/** Ask for the next page when the viewport comes this many rows from the end. */
const PREFETCH_ROWS = 6

export interface FavoritesGridProps {
  items: Favorite[]
  density: Density
  hasNextPage: boolean
  /** False while a page is loading or after a page failed: no automatic request then. */
  canFetchNextPage: boolean
  fetchNextPage: () => void
  onOpen: (index: number) => void
  /** Item to scroll to and focus (after the preview closes). */
  focusRequest?: { index: number; seq: number }
  footer: ReactNode
  now?: number
}

function useWidth(ref: React.RefObject<HTMLElement | null>) {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setWidth(el.clientWidth || el.offsetWidth)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}

export function FavoritesGrid({ items, density, hasNextPage, canFetchNextPage, fetchNextPage, onOpen, focusRequest, footer, now }: FavoritesGridProps) {
  const { t, locale } = useI18n()
  const scrollRef = useRef<HTMLDivElement>(null)
  const gridRef = useRef<HTMLDivElement>(null)
  const outerWidth = useWidth(scrollRef)
  const width = Math.max(0, outerWidth - 2 * 16)
  const columns = columnsFor(width, density)
  const cell = tileWidth(width, columns)
  const rowHeight = DENSITY[density].rowHeight

  const groupLabels = useMemo(() => ({ today: t('today'), yesterday: t('yesterday'), thisWeek: t('thisWeek') }), [t])
  const rows = useMemo(() => {
    const at = now ?? Date.now()
    return buildRows(items, columns, (f) => dateGroup(f.starredAt, at, locale, groupLabels))
  }, [items, columns, locale, groupLabels, now])

  // The component opts out of the React Compiler ('use no memo'), as TanStack Virtual requires.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER_HEIGHT : rowHeight + GAP),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 3,
    paddingStart: 8,
    initialRect: { width: 1024, height: 768 },
  })
  // Row heights depend on density and columns; re-measure when they change.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight, columns])

  const virtualRows = virtualizer.getVirtualItems()
  const lastVisible = virtualRows.at(-1)?.index ?? -1
  useEffect(() => {
    if (hasNextPage && canFetchNextPage && lastVisible >= rows.length - 1 - PREFETCH_ROWS) fetchNextPage()
  }, [hasNextPage, canFetchNextPage, lastVisible, rows.length, fetchNextPage])

  // ---- roving focus ----
  const [active, setActive] = useState(0)
  const activeIndex = Math.min(active, Math.max(0, items.length - 1))
  const pendingFocus = useRef<number | null>(null)

  const focusItem = useCallback(
    (index: number) => {
      if (index < 0 || index >= items.length) return
      setActive(index)
      pendingFocus.current = index
      virtualizer.scrollToIndex(rowOfItem(rows, index), { align: 'auto' })
    },
    [items.length, rows, virtualizer],
  )

  // Focus the element once the virtualizer has mounted it (it may be scrolled into view first).
  useEffect(() => {
    const index = pendingFocus.current
    if (index === null) return
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
    if (el) {
      el.focus({ preventScroll: true })
      pendingFocus.current = null
    }
  })

  useEffect(() => {
    if (focusRequest) focusItem(focusRequest.index)
    // Only a new request (seq) moves focus, not a change of focusItem.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest?.seq])

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const row = rows[rowOfItem(rows, activeIndex)]
    const column = row ? activeIndex - row.first : 0
    const vertical = (direction: 1 | -1) => {
      let r = rowOfItem(rows, activeIndex) + direction
      while (rows[r]?.kind === 'header') r += direction
      const target = rows[r]
      if (target?.kind === 'tiles') focusItem(target.first + Math.min(column, target.items.length - 1))
    }
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / (rowHeight + GAP))) * columns
    const moves: Record<string, () => void> = {
      ArrowRight: () => focusItem(activeIndex + 1),
      ArrowLeft: () => focusItem(activeIndex - 1),
      ArrowDown: () => vertical(1),
      ArrowUp: () => vertical(-1),
      Home: () => focusItem(0),
      End: () => focusItem(items.length - 1),
      PageDown: () => focusItem(Math.min(items.length - 1, activeIndex + perPage)),
      PageUp: () => focusItem(Math.max(0, activeIndex - perPage)),
      Enter: () => onOpen(activeIndex),
    }
    const move = moves[e.key]
    if (move && !e.altKey && !e.metaKey && !e.ctrlKey) {
      e.preventDefault()
      move()
    }
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-4 pb-6" data-testid="favorites-scroll">
      <div
        ref={gridRef}
        role="grid"
        aria-label={t('favorites')}
        aria-rowcount={hasNextPage ? -1 : rows.length}
        aria-colcount={columns}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const index = Number((e.target as HTMLElement).dataset.index)
          if (Number.isInteger(index)) setActive(index)
        }}
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualRows.map((v) => {
          const row = rows[v.index]!
          return (
            <div
              key={v.key}
              role="row"
              aria-rowindex={v.index + 1}
              className="absolute inset-x-0 top-0"
              style={{ transform: `translateY(${v.start}px)`, height: v.size }}
            >
              {row.kind === 'header' ? (
                <div role="rowheader" aria-colspan={columns} className="flex h-full items-end pb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
                  {row.label}
                </div>
              ) : (
                <div className="grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP, height: rowHeight }}>
                  {row.items.map((item, i) => (
                    <Tile key={item.id} item={item} index={row.first + i} width={cell} tabbable={row.first + i === activeIndex} onOpen={onOpen} />
                  ))}
                </div>
              )}
            </div>
          )
        })}
      </div>
      {footer}
    </div>
  )
}
