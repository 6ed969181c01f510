import { describe, expect, it } from 'vitest'
import {
  NO_SELECTION,
  keepPresent,
  selectAll,
  selectOnly,
  selectRange,
  selectedIn,
  setMany,
  toggle,
} from '../../../src/favorites/selection/selection'

const order = ['a', 'b', 'c', 'd', 'e', 'f']
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort()

describe('selection model', () => {
  it('a plain click selects one file and sets the anchor there', () => {
    const s = selectOnly('c')
    expect(ids(s)).toEqual(['c'])
    expect(s.anchor).toBe('c')
    expect(ids(selectOnly('e'))).toEqual(['e'])
  })

  it('Ctrl/Cmd-click toggles one file without touching the others, and moves the anchor', () => {
    const s = toggle(toggle(selectOnly('a'), 'c'), 'a')
    expect(ids(s)).toEqual(['c'])
    expect(s.anchor).toBe('a')
  })

  it('Shift-click selects from the anchor to the file, in either direction, replacing the rest', () => {
    const down = selectRange(selectOnly('b'), order, 'e')
    expect(ids(down)).toEqual(['b', 'c', 'd', 'e'])
    expect(down.anchor).toBe('b')
    // A second Shift-click from the same anchor shrinks or flips the range.
    expect(ids(selectRange(down, order, 'a'))).toEqual(['a', 'b'])
  })

  it('Ctrl+Shift-click adds the range to what was selected', () => {
    const s = selectRange(toggle(selectOnly('a'), 'd'), order, 'f', true)
    expect(ids(s)).toEqual(['a', 'd', 'e', 'f'])
  })

  it('Shift without an anchor on screen starts at the clicked file; a file not shown changes nothing', () => {
    expect(ids(selectRange(NO_SELECTION, order, 'c'))).toEqual(['c'])
    expect(ids(selectRange({ ids: new Set(['x']), anchor: 'gone' }, order, 'b'))).toEqual(['b'])
    const s = selectOnly('a')
    expect(selectRange(s, order, 'nope')).toBe(s)
  })

  it('selects and unselects many at once (a date group, a marquee)', () => {
    const s = setMany(selectOnly('a'), ['c', 'd'], true)
    expect(ids(s)).toEqual(['a', 'c', 'd'])
    expect(ids(setMany(s, ['a', 'd'], false))).toEqual(['c'])
    expect(s.anchor).toBe('a')
  })

  it('Ctrl/Cmd+A selects everything loaded', () => {
    expect(ids(selectAll(order))).toEqual(order)
    expect(selectAll([]).ids.size).toBe(0)
  })

  it('files that leave the list leave the selection, and an unchanged selection stays the same object', () => {
    const s = selectRange(selectOnly('b'), order, 'd')
    expect(keepPresent(s, () => true)).toBe(s)
    const kept = keepPresent(s, (id) => id !== 'c')
    expect(ids(kept)).toEqual(['b', 'd'])
    expect(kept.anchor).toBe('b')
    expect(keepPresent(s, (id) => id === 'd').anchor).toBeUndefined()
  })

  it('lists the selected files in the order shown', () => {
    const items = order.map((id) => ({ id }))
    expect(selectedIn(setMany(NO_SELECTION, ['e', 'a'], true), items).map((i) => i.id)).toEqual(['a', 'e'])
    expect(selectedIn(NO_SELECTION, items)).toEqual([])
  })
})
