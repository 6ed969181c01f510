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

/**
 * The item a key moves to, or `undefined` when the key does not move (another key, or an edge).
 * Up and Down keep the column, skip date headers, and land on the last tile of a shorter row.
 */
export function moveTarget(key: string, { rows, active, count, perPage }: MoveContext): number | undefined {
  const vertical = (direction: 1 | -1) => {
    const here = rowOfItem(rows, active)
    const row = rows[here]
    const column = row ? active - row.first : 0
    let r = here + direction
    while (rows[r]?.kind === 'header') r += direction
    const target = rows[r]
    return target?.kind === 'tiles' ? target.first + Math.min(column, target.items.length - 1) : undefined
  }
  const targets: Record<string, () => number | undefined> = {
    ArrowRight: () => active + 1,
    ArrowLeft: () => active - 1,
    ArrowDown: () => vertical(1),
    ArrowUp: () => vertical(-1),
    Home: () => 0,
    End: () => count - 1,
    PageDown: () => Math.min(count - 1, active + perPage),
    PageUp: () => Math.max(0, active - perPage),
  }
  const index = Object.hasOwn(targets, key) ? targets[key]!() : undefined
  return index !== undefined && index >= 0 && index < count ? index : undefined
}

/** Keys that move the active tile (they are taken from the browser even at an edge). */
export const MOVE_KEYS: ReadonlySet<string> = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowDown',
  'ArrowUp',
  'Home',
  'End',
  'PageDown',
  'PageUp',
])
