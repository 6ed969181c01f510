// The virtualized grid: rows of tiles and date headers, one tab stop with a roving focus.
'use no memo' // useVirtualizer returns a mutable instance the React Compiler must not memoise
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { FavoritesGridProps } from './favorites-grid-props'
import { useI18n } from '../../lib/i18n'
import { useWidth } from '../../ui/use-width'
import { GroupHeader } from './group-header'
import { MarqueeBox } from '../selection/marquee-box'
import type { HeaderRow } from './layout'
import { DENSITY, GAP, PADDING_TOP, PREFETCH_ROWS, columnsFor, groupIds, groupSelection, itemsInRect, rowSize, tileWidth } from './layout'
import { NO_SELECTION, setMany, type Selection } from '../selection/selection'
import { TilesRow } from './tiles-row'
import { useMarquee } from '../selection/use-marquee'
import { useOverscan, useRows } from './use-rows'
import { useGridKeys } from './use-grid-keys'
import { useRovingFocus } from './use-roving-focus'
import { useTilePointer } from '../selection/use-tile-pointer'

export function FavoritesGrid(props: FavoritesGridProps) {
  const {
    items,
    grouped,
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
  const { t } = useI18n()
  const scrollRef = useRef<HTMLDivElement>(null)
  const gridRef = useRef<HTMLDivElement>(null)
  const outerWidth = useWidth(scrollRef)
  const width = Math.max(0, outerWidth - 2 * 16)
  const columns = columnsFor(width, density)
  const cell = tileWidth(width, columns)
  const rowHeight = DENSITY[density].rowHeight

  const rows = useRows(items, columns, grouped)

  const estimateSize = useCallback((i: number) => rowSize(rows[i], rowHeight), [rows, rowHeight])
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows])

  const overscan = useOverscan(rows.length > 0 && outerWidth > 0)

  // The component opts out of the React Compiler ('use no memo'), as TanStack Virtual requires.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    // Stable between scroll frames: a new getItemKey makes the virtualizer measure every row again.
    estimateSize,
    getItemKey,
    overscan,
    paddingStart: PADDING_TOP,
    initialRect: { width: 1024, height: 768 },
    // A scroll frame renders with React's normal scheduling, not synchronously inside the event.
    useFlushSync: false,
  })
  // Row heights depend on density and columns; re-measure when they change.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight, columns])

  // Until the scroller is measured (its layout effect, before the first paint) no row is rendered:
  // tiles laid out for a width of 0 would be made, asked for their thumbnails, and thrown away.
  const virtualRows = outerWidth > 0 ? virtualizer.getVirtualItems() : []
  const viewTop = virtualizer.scrollOffset ?? 0
  const viewBottom = viewTop + (virtualizer.scrollRect?.height ?? 0)
  const lastVisible = virtualRows.at(-1)?.index ?? -1
  useEffect(() => {
    if (hasNextPage && canFetchNextPage && lastVisible >= rows.length - 1 - PREFETCH_ROWS) fetchNextPage()
  }, [hasNextPage, canFetchNextPage, lastVisible, rows.length, fetchNextPage])

  const { activeIndex, setActive, focusItem, onFocus } = useRovingFocus({
    gridRef,
    items,
    rows,
    scrollToRow: (row) => virtualizer.scrollToIndex(row, { align: 'auto' }),
    focusRequest,
  })

  const ids = useMemo(() => items.map((f) => f.id), [items])
  // Memoised: the grid re-renders on every scroll frame, the selection changes far less often.
  const anySelected = useMemo(() => selection.ids.size > 0 && items.some((f) => selection.ids.has(f.id)), [selection, items])

  // Per group and selection, not per scroll frame: a group can hold thousands of files.
  const groupSelected = useMemo(() => groupSelection(selection.ids, ids), [selection, ids])

  const onKeyDown = useGridKeys({
    rows,
    ids,
    activeIndex,
    anySelected,
    perPage: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / (rowHeight + GAP))) * columns,
    focusItem,
    onOpen,
    onSelection,
    onRemove,
    onShortcuts,
    onToggleGroup: toggleGroup,
  })

  function toggleGroup(header: HeaderRow) {
    const group = groupIds(header, ids)
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
    // Opaque, in the page's own background: Chromium scrolls an opaque scroller on the compositor. A
    // transparent one (where it would lose LCD text) is repainted on the main thread every frame.
    <div
      ref={scrollRef}
      className="bg-page min-h-0 flex-1 overflow-y-auto px-4 pb-6 select-none"
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
        onFocus={onFocus}
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
              className="absolute inset-x-0 top-0 [contain:size_layout_style]"
              style={{ transform: `translateY(${v.start}px)`, height: v.size }}
            >
              {row.kind === 'header' ? (
                <GroupHeader label={row.label} columns={columns} allSelected={groupSelected(row)} onToggle={() => toggleGroup(row)} />
              ) : (
                <TilesRow
                  row={row}
                  columns={columns}
                  cell={cell}
                  rowHeight={rowHeight}
                  activeIndex={activeIndex >= row.first && activeIndex < row.first + row.items.length ? activeIndex : -1}
                  selection={selection}
                  showCheckboxes={anySelected}
                  visible={v.end > viewTop && v.start < viewBottom}
                  scrolling={virtualizer.isScrolling}
                />
              )}
            </div>
          )
        })}
        {marquee.rect && <MarqueeBox rect={marquee.rect} />}
      </div>
      {footer}
    </div>
  )
}
