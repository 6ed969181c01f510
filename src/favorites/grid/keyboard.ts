// Where the arrow, Home/End and Page keys move the grid's active tile: pure, beside layout.ts.
import { rowOfItem, type Row } from './layout'

export interface MoveContext {
  rows: readonly Row[]
  /** The active item's index. */
  active: number
  /** How many items are loaded. */
  count: number
  /** Items a Page key moves by: whole rows that fit the viewport, times the columns. */
  perPage: number
}

/** Up and Down keep the column, skip date headers, and land on the last tile of a shorter row. */
function vertical({ rows, active }: MoveContext, direction: 1 | -1): number | undefined {
  const here = rowOfItem(rows, active)
  const row = rows[here]
  const column = row ? active - row.first : 0
  let r = here + direction
  while (rows[r]?.kind === 'header') r += direction
  const target = rows[r]
  return target?.kind === 'tiles' ? target.first + Math.min(column, target.items.length - 1) : undefined
}

const MOVES: Record<string, (context: MoveContext) => number | undefined> = {
  ArrowRight: ({ active }) => active + 1,
  ArrowLeft: ({ active }) => active - 1,
  ArrowDown: (context) => vertical(context, 1),
  ArrowUp: (context) => vertical(context, -1),
  Home: () => 0,
  End: ({ count }) => count - 1,
  PageDown: ({ active, count, perPage }) => Math.min(count - 1, active + perPage),
  PageUp: ({ active, perPage }) => Math.max(0, active - perPage),
}

/** Keys that move the active tile (they are taken from the browser even at an edge). */
export const MOVE_KEYS: ReadonlySet<string> = new Set(Object.keys(MOVES))

/** The item a key moves to, or `undefined` when the key does not move (another key, or an edge). */
export function moveTarget(key: string, context: MoveContext): number | undefined {
  const index = Object.hasOwn(MOVES, key) ? MOVES[key]!(context) : undefined
  return index !== undefined && index >= 0 && index < context.count ? index : undefined
}
