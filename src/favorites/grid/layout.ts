// Grid layout math, kept out of components: columns from width, rows from items and date groups.
import type { Favorite } from '../../api/favorite'
import type { DateGroup } from './date-groups'

export type Density = 'small' | 'medium' | 'large'
export const DENSITIES: Density[] = ['small', 'medium', 'large']

/** Smallest tile width and fixed row heights per density, in CSS pixels. */
export const DENSITY = {
  small: { minTile: 112, rowHeight: 148 },
  medium: { minTile: 168, rowHeight: 212 },
  large: { minTile: 256, rowHeight: 308 },
} as const
export const HEADER_HEIGHT = 44
/** The file name's strip under each tile's picture (Tailwind h-9). */
export const NAME_HEIGHT = 36
/** Rows rendered beyond the viewport on either side, once the first rows have been painted. */
export const OVERSCAN = 3
/** Ask for the next page when the viewport comes this many rows from the end. */
export const PREFETCH_ROWS = 6
/** Space above the first row. */
export const PADDING_TOP = 8
export const GAP = 12

export function columnsFor(width: number, density: Density): number {
  return Math.max(1, Math.floor((width + GAP) / (DENSITY[density].minTile + GAP)))
}

export function tileWidth(width: number, columns: number): number {
  return Math.max(0, (width - GAP * (columns - 1)) / columns)
}

export type HeaderRow = { kind: 'header'; key: string; label: string; first: number; count: number }
export type TileRowLayout = { kind: 'tiles'; key: string; first: number; items: Favorite[] }
export type Row = HeaderRow | TileRowLayout

/** How often each group key has headed a group so far, by the rows that saw it (see buildRows). */
const repeats = new WeakMap<readonly Row[], Map<string, number>>()

/**
 * Cuts items into rows: a header row whenever the date group changes, then rows of `columns`
 * tiles; without `groupOf`, rows of tiles only. `first` is the index of the row's first item in `items`.
 *
 * `before`, the rows built for a list that `items` extends (same columns and grouping): they are
 * kept up to their last row of tiles, which may not be full, and the build goes on from there. A
 * page arriving then costs that page, not every favorite loaded.
 */
export function buildRows(
  items: readonly Favorite[],
  columns: number,
  groupOf?: (f: Favorite) => DateGroup,
  before?: readonly Row[],
): Row[] {
  const rows = before?.slice(0, -1) ?? []
  const seen = new Map(before && repeats.get(before))
  // The group the kept rows end in goes on, its header (a copy) counting the files added to it.
  let header = rows.findLast((r) => r.kind === 'header')
  if (header) rows[rows.lastIndexOf(header)] = header = { ...header }
  let key = header && groupOf?.(items[header.first]!).key
  for (let i = before?.at(-1)?.first ?? 0; i < items.length;) {
    const group = groupOf?.(items[i]!)
    if (group && group.key !== key) {
      // Keys name a place (group, row number), not the files in it: when a file leaves, the rows
      // after it keep their elements and only the tiles that wrap to another row remount.
      // A server that does not sort by date may repeat a group further down: count the repeats.
      key = group.key
      const repeat = seen.get(key) ?? 0
      seen.set(key, repeat + 1)
      rows.push((header = { kind: 'header', key: `h:${key}:${repeat}`, label: group.label, first: i, count: 0 }))
    }
    let end = i + 1
    while (end < items.length && end - i < columns && (!group || groupOf!(items[end]!).key === key)) end++
    const place = header ? `${header.key.slice(2)}:${(i - header.first) / columns}` : i / columns
    rows.push({ kind: 'tiles', key: `r:${place}`, first: i, items: items.slice(i, end) })
    if (header) header.count = end - header.first
    i = end
  }
  repeats.set(rows, seen)
  return rows
}

/** The ids of the date group a header row heads. */
export function groupIds(row: HeaderRow, ids: readonly string[]): string[] {
  return ids.slice(row.first, row.first + row.count)
}

/** The row holding item `index`. Rows are in item order, so a binary search finds it. */
export function rowOfItem(rows: readonly Row[], index: number): number {
  let lo = 0
  let hi = rows.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (rows[mid]!.first <= index) lo = mid
    else hi = mid - 1
  }
  // A header shares `first` with the row below it: the item lives in the tiles row.
  return rows[lo]?.kind === 'header' ? lo + 1 : lo
}

export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

export interface GridGeometry {
  columns: number
  cell: number
  rowHeight: number
  /** Space above the first row. */
  paddingTop: number
}

/** Height each row takes, its gap included: what the virtualizer is told. */
export function rowSize(row: Row | undefined, rowHeight: number): number {
  return row?.kind === 'header' ? HEADER_HEIGHT : rowHeight + GAP
}

/**
 * Indexes of the items a marquee covers, `rect` in the grid's own coordinates. Pure layout math,
 * so it also finds tiles the virtualizer has not mounted (the marquee may span far more).
 */
export function itemsInRect(rows: readonly Row[], geometry: GridGeometry, rect: Rect): number[] {
  const { columns, cell, rowHeight, paddingTop } = geometry
  const hits: number[] = []
  let top = paddingTop
  for (const row of rows) {
    const size = rowSize(row, rowHeight)
    if (top > rect.bottom) break
    if (row.kind === 'tiles' && top + rowHeight >= rect.top) {
      for (let c = 0; c < Math.min(columns, row.items.length); c++) {
        const left = c * (cell + GAP)
        if (left <= rect.right && left + cell >= rect.left) hits.push(row.first + c)
      }
    }
    top += size
  }
  return hits
}

/**
 * Whether a date group is all selected, for one selection: each group is worked out the first
 * time it is asked about, then remembered (the grid asks on every render of a visible header).
 */
export function groupSelection(selected: ReadonlySet<string>, ids: readonly string[]): (header: HeaderRow) => boolean {
  const known = new Map<string, boolean>()
  return (header) => {
    let all = known.get(header.key)
    if (all === undefined) {
      all = selected.size >= header.count && groupIds(header, ids).every((id) => selected.has(id))
      known.set(header.key, all)
    }
    return all
  }
}
