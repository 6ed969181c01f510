// The virtualized grid: rows of tiles and date headers, one tab stop with a roving focus.
'use no memo' // useVirtualizer returns a mutable instance the React Compiler must not memoise
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Favorite } from '../api/favorite'
import { useI18n } from '../lib/i18n'
import { cn } from '../ui/cn'
import { dateGroup } from './date-groups'
import {
  DENSITY,
  GAP,
  NAME_HEIGHT,
  buildRows,
  columnsFor,
  itemsInRect,
  rowOfItem,
  rowSize,
  tileWidth,
  type Density,
  type Row,
} from './layout'
import { NO_SELECTION, selectAll, selectRange, setMany, toggle, type Selection } from './selection'
import { Tile } from './tile'
import { useMarquee } from './use-marquee'
import { useTilePointer } from './use-tile-pointer'

/** Ask for the next page when the viewport comes this many rows from the end. */
const PREFETCH_ROWS = 6
const PADDING_TOP = 8
export type SelectionUpdate = (update: (selection: Selection) => Selection) => void

export interface FavoritesGridProps {
  items: Favorite[]
  density: Density
  hasNextPage: boolean
  /** False while a page is loading or after a page failed: no automatic request then. */
  canFetchNextPage: boolean
  fetchNextPage: () => void
  onOpen: (index: number) => void
  selection: Selection
  onSelection: SelectionUpdate
  /** Delete: remove the selection from favorites. */
  onRemove: () => void
  /** `?`: the shortcuts sheet. */
  onShortcuts: () => void
  /** Item to scroll to and focus (after the preview closes). */
  focusRequest?: { index: number; seq: number }
  footer: ReactNode
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

/** The items of the date group a header row heads. */
function groupIds(row: Extract<Row, { kind: 'header' }>, items: readonly Favorite[]): string[] {
  return items.slice(row.first, row.first + row.count).map((f) => f.id)
}

export function FavoritesGrid(props: FavoritesGridProps) {
  const {
    items,
    density,
    hasNextPage,
    canFetchNextPage,
    fetchNextPage,
    onOpen,
    selection,
    onSelection,
    onRemove,
    onShortcuts,
    focusRequest,
    footer,
  } = props
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
    const now = Date.now()
    return buildRows(items, columns, (f) => dateGroup(f.starredAt, now, locale, groupLabels))
  }, [items, columns, locale, groupLabels])

  // The component opts out of the React Compiler ('use no memo'), as TanStack Virtual requires.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => rowSize(rows[i], rowHeight),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 3,
    paddingStart: PADDING_TOP,
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
      // Focus now if the tile is mounted: when `active` does not change there is no render after
      // which the effect below could do it. Otherwise once the virtualizer has mounted it.
      const el = gridRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
      if (el) el.focus({ preventScroll: true })
      else pendingFocus.current = index
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

  // If the focused tile left the list (removed), focus goes on to the tile now in its place.
  const focused = useRef<{ element: HTMLElement; id: string } | null>(null)
  useEffect(() => {
    const last = focused.current
    if (!last || last.element.isConnected || document.activeElement !== document.body) return
    if (items.some((f) => f.id === last.id)) return // scrolled out of view, not gone
    focused.current = null
    focusItem(Math.min(activeIndex, items.length - 1))
  })

  const ids = useMemo(() => items.map((f) => f.id), [items])
  // Memoised: the grid re-renders on every scroll frame, the selection changes far less often.
  const anySelected = useMemo(() => selection.ids.size > 0 && items.some((f) => selection.ids.has(f.id)), [selection, items])

  function extendTo(index: number, additive: boolean) {
    const to = ids[index]
    if (!to) return
    onSelection((s) =>
      selectRange(s.anchor !== undefined && ids.includes(s.anchor) ? s : { ...s, anchor: ids[activeIndex] }, ids, to, additive),
    )
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const mod = e.ctrlKey || e.metaKey
    const row = rows[rowOfItem(rows, activeIndex)]
    const column = row ? activeIndex - row.first : 0
    const vertical = (direction: 1 | -1) => {
      let r = rowOfItem(rows, activeIndex) + direction
      while (rows[r]?.kind === 'header') r += direction
      const target = rows[r]
      return target?.kind === 'tiles' ? target.first + Math.min(column, target.items.length - 1) : undefined
    }
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / (rowHeight + GAP))) * columns
    const targets: Record<string, () => number | undefined> = {
      ArrowRight: () => activeIndex + 1,
      ArrowLeft: () => activeIndex - 1,
      ArrowDown: () => vertical(1),
      ArrowUp: () => vertical(-1),
      Home: () => 0,
      End: () => items.length - 1,
      PageDown: () => Math.min(items.length - 1, activeIndex + perPage),
      PageUp: () => Math.max(0, activeIndex - perPage),
    }
    const id = ids[activeIndex]
    const actions: Record<string, (() => void) | undefined> = {
      Enter: () => onOpen(activeIndex),
      ' ': id ? () => onSelection((s) => toggle(s, id)) : undefined,
      Escape: anySelected ? () => onSelection(() => NO_SELECTION) : undefined,
      Delete: anySelected ? onRemove : undefined,
      Backspace: anySelected ? onRemove : undefined,
      '?': onShortcuts,
      g: () => {
        const header = rows.findLast((r, i) => r.kind === 'header' && i <= rowOfItem(rows, activeIndex))
        if (header?.kind === 'header') toggleGroup(header)
      },
    }
    const target = targets[e.key]
    if (target && !e.altKey && !mod) {
      const index = target()
      e.preventDefault()
      if (index === undefined || index < 0 || index >= items.length) return
      if (e.shiftKey) extendTo(index, false)
      focusItem(index)
    } else if (mod && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault()
      onSelection(() => selectAll(ids))
    } else if (!mod && !e.altKey && actions[e.key]) {
      e.preventDefault()
      actions[e.key]!()
    }
  }

  function toggleGroup(header: Extract<Row, { kind: 'header' }>) {
    const group = groupIds(header, items)
    onSelection((s) => setMany(s, group, !group.every((id) => s.ids.has(id))))
  }

  // ---- pointer: click, Ctrl/Cmd-click, Shift-click, the checkbox, touch long-press ----
  const pointer = useTilePointer({ ids, anySelected, onSelection, onOpen, onActive: setActive })

  // ---- marquee: drag from empty space ----
  const marqueeBase = useRef<Selection>(NO_SELECTION)
  const marquee = useMarquee(scrollRef, gridRef, {
    onStart: (additive) => (marqueeBase.current = additive ? selection : NO_SELECTION),
    onChange: (rect) => {
      const covered = itemsInRect(rows, { columns, cell, rowHeight, paddingTop: PADDING_TOP }, rect).map((i) => ids[i]!)
      onSelection(() => setMany(marqueeBase.current, covered, true))
    },
    onEmptyClick: () => anySelected && onSelection(() => NO_SELECTION),
  })

  return (
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 overflow-y-auto px-4 pb-6 select-none"
      data-testid="favorites-scroll"
      {...marquee.handlers}
    >
      {/* The grid's one tab stop is its active cell (roving tabindex), as the ARIA grid pattern has it. */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div
        ref={gridRef}
        role="grid"
        aria-label={t('favorites')}
        aria-multiselectable="true"
        aria-rowcount={hasNextPage ? -1 : rows.length}
        aria-colcount={columns}
        onKeyDown={onKeyDown}
        {...pointer}
        onFocus={(e) => {
          const index = Number((e.target as HTMLElement).dataset.index)
          if (!Number.isInteger(index) || !items[index]) return
          setActive(index)
          focused.current = { element: e.target as HTMLElement, id: items[index].id }
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
                <div
                  role="rowheader"
                  aria-colspan={columns}
                  className="flex h-full items-end gap-2 pb-2 text-sm font-semibold text-slate-700 dark:text-slate-300"
                >
                  <span>{row.label}</span>
                  {/* Out of the tab order (the grid is one tab stop); G does the same from the keyboard. */}
                  {(() => {
                    const all = groupIds(row, items).every((id) => selection.ids.has(id))
                    return (
                      <button
                        type="button"
                        tabIndex={-1}
                        aria-label={t(all ? 'unselectGroup' : 'selectGroup', { group: row.label })}
                        onClick={() => toggleGroup(row)}
                        className={cn(
                          'rounded px-1.5 py-0.5 text-xs font-medium text-blue-700 hover:bg-blue-50',
                          'dark:text-blue-300 dark:hover:bg-slate-800',
                        )}
                      >
                        {t(all ? 'unselect' : 'select')}
                      </button>
                    )
                  })()}
                </div>
              ) : (
                <div className="grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP, height: rowHeight }}>
                  {row.items.map((item, i) => (
                    <Tile
                      key={item.id}
                      item={item}
                      index={row.first + i}
                      width={cell}
                      pictureHeight={rowHeight - NAME_HEIGHT}
                      tabbable={row.first + i === activeIndex}
                      selected={selection.ids.has(item.id)}
                      showCheckbox={anySelected}
                    />
                  ))}
                </div>
              )}
            </div>
          )
        })}
        {marquee.rect && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute z-20 rounded-sm border border-blue-600 bg-blue-500/15"
            style={{
              left: marquee.rect.left,
              top: marquee.rect.top,
              width: marquee.rect.right - marquee.rect.left,
              height: marquee.rect.bottom - marquee.rect.top,
            }}
          />
        )}
      </div>
      {footer}
    </div>
  )
}
