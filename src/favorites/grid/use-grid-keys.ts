// The grid's keyboard: moving the active tile (keyboard.ts), extending the selection with Shift,
// and the one-key actions listed in the shortcuts sheet.
import type { KeyboardEvent } from 'react'
import { MOVE_KEYS, moveTarget } from './keyboard'
import { rowOfItem, type HeaderRow, type Row } from './layout'
import { NO_SELECTION, selectAll, selectRange, toggle, type SelectionUpdate } from '../selection/selection'

interface GridKeysOptions {
  rows: readonly Row[]
  ids: readonly string[]
  activeIndex: number
  anySelected: boolean
  /** Items a Page key moves by (read when pressed: it depends on the viewport). */
  perPage: () => number
  focusItem: (index: number) => void
  onOpen: (index: number) => void
  onSelection: SelectionUpdate
  onRemove: () => void
  onShortcuts: () => void
  onToggleGroup: (header: HeaderRow) => void
}

export function useGridKeys(options: GridKeysOptions) {
  const { rows, ids, activeIndex, anySelected, perPage, focusItem, onOpen, onSelection, onRemove, onShortcuts, onToggleGroup } = options

  return function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const mod = e.ctrlKey || e.metaKey
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
        if (header?.kind === 'header') onToggleGroup(header)
      },
    }
    if (MOVE_KEYS.has(e.key) && !e.altKey && !mod) {
      e.preventDefault()
      const index = moveTarget(e.key, { rows, active: activeIndex, count: ids.length, perPage: perPage() })
      if (index === undefined) return
      const to = ids[index]!
      // Shift extends from the anchor (or from the active tile when there is none in the list).
      if (e.shiftKey) {
        onSelection((s) =>
          selectRange(s.anchor !== undefined && ids.includes(s.anchor) ? s : { ...s, anchor: ids[activeIndex] }, ids, to, false),
        )
      }
      focusItem(index)
    } else if (mod && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault()
      onSelection(() => selectAll(ids))
    } else if (!mod && !e.altKey && Object.hasOwn(actions, e.key) && actions[e.key]) {
      e.preventDefault()
      actions[e.key]!()
    }
  }
}
