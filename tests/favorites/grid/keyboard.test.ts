// Keyboard movement in the grid (pure): the arrow, Home/End and Page keys.
import { describe, expect, it } from 'vitest'
import { favorite } from '../../support/fixtures'
import { moveTarget } from '../../../src/favorites/grid/keyboard'
import { buildRows } from '../../../src/favorites/grid/layout'

const fav = (id: string, starredAt: number) => favorite(id, { starredAt })

// Two date groups, 3 columns: [header] a b c / d e, [header] f g h / i.
const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id, i) => fav(id, i < 5 ? 2_000 : 1_000))
const rows = buildRows(items, 3, (f) => ({ key: String(f.starredAt), label: String(f.starredAt) }))
const move = (key: string, active: number, perPage = 6) => moveTarget(key, { rows, active, count: items.length, perPage })

describe('moveTarget', () => {
  it('moves left and right through the list, across rows and groups, and stops at the ends', () => {
    expect(move('ArrowRight', 0)).toBe(1)
    expect(move('ArrowRight', 2)).toBe(3)
    expect(move('ArrowRight', 4)).toBe(5)
    expect(move('ArrowLeft', 5)).toBe(4)
    expect(move('ArrowLeft', 0)).toBeUndefined()
    expect(move('ArrowRight', 8)).toBeUndefined()
  })

  it('moves up and down in the same column, skipping date headers', () => {
    expect(move('ArrowDown', 1)).toBe(4) // b -> e
    expect(move('ArrowDown', 4)).toBe(6) // e -> g, over the second header
    expect(move('ArrowUp', 6)).toBe(4) // g -> e
    expect(move('ArrowUp', 1)).toBeUndefined() // first row
    expect(move('ArrowDown', 8)).toBeUndefined() // last row
  })

  it('lands on the last tile of a shorter row', () => {
    expect(move('ArrowDown', 2)).toBe(4) // c -> e: the row below has two tiles
    expect(move('ArrowDown', 7)).toBe(8) // h -> i
  })

  it('Home and End go to the first and last loaded file; Page keys move by a page, clamped', () => {
    expect(move('Home', 6)).toBe(0)
    expect(move('End', 0)).toBe(8)
    expect(move('PageDown', 1)).toBe(7)
    expect(move('PageDown', 5)).toBe(8)
    expect(move('PageUp', 7)).toBe(1)
    expect(move('PageUp', 3)).toBe(0)
  })

  it('other keys, and keys named like object properties, do not move', () => {
    expect(move('Enter', 3)).toBeUndefined()
    expect(move('toString', 3)).toBeUndefined()
    expect(move('__proto__', 3)).toBeUndefined()
  })

  it('an empty list has nowhere to go', () => {
    expect(moveTarget('End', { rows: [], active: 0, count: 0, perPage: 6 })).toBeUndefined()
    expect(moveTarget('ArrowDown', { rows: [], active: 0, count: 0, perPage: 6 })).toBeUndefined()
  })
})
