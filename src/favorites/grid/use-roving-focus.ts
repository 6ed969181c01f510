// The grid's one tab stop (roving tabindex): which tile is active, moving focus to tiles the
// virtualizer may not have mounted yet, and on to a neighbour when the focused tile leaves.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type RefObject } from 'react'
import type { Favorite } from '../../api/favorite'
import { rowOfItem, type Row } from './layout'

interface RovingFocusOptions {
  gridRef: RefObject<HTMLElement | null>
  items: readonly Favorite[]
  rows: readonly Row[]
  /** Brings a row into view (the virtualizer's scrollToIndex). */
  scrollToRow: (row: number) => void
  /** Item to scroll to and focus (after the preview closes); a new `seq` asks again. */
  focusRequest?: { index: number; seq: number }
}

const tileAt = (grid: HTMLElement | null, index: number) => grid?.querySelector<HTMLElement>(`[data-index="${index}"]`)

export function useRovingFocus({ gridRef, items, rows, scrollToRow, focusRequest }: RovingFocusOptions) {
  const [active, setActive] = useState(0)
  const activeIndex = Math.min(active, Math.max(0, items.length - 1))
  const pendingFocus = useRef<number | null>(null)

  const focusItem = useCallback(
    (index: number) => {
      if (index < 0 || index >= items.length) return
      setActive(index)
      // Focus now if the tile is mounted: when `active` does not change there is no render after
      // which the effect below could do it. Otherwise once the virtualizer has mounted it.
      const el = tileAt(gridRef.current, index)
      if (el) el.focus({ preventScroll: true })
      else pendingFocus.current = index
      scrollToRow(rowOfItem(rows, index))
    },
    [gridRef, items.length, rows, scrollToRow],
  )

  // Focus the element once the virtualizer has mounted it (it may be scrolled into view first).
  useEffect(() => {
    const index = pendingFocus.current
    if (index === null) return
    const el = tileAt(gridRef.current, index)
    if (el) {
      el.focus({ preventScroll: true })
      pendingFocus.current = null
    }
  })

  useEffect(() => {
    // Focus and scrolling are the DOM's, so they follow the commit; the active index moves with them.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (focusRequest) focusItem(focusRequest.index)
    // Only a new request (seq) moves focus, not a change of focusItem.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest?.seq])

  // If the focused tile left the list (removed), focus goes on to the tile now in its place.
  // Looked for in the list once per list, not on every render: a tile scrolled out of view is
  // also no longer connected, and the grid renders on every scroll frame.
  const focused = useRef<{ element: HTMLElement; id: string; seenIn?: readonly Favorite[] } | null>(null)
  useEffect(() => {
    const last = focused.current
    if (!last || last.seenIn === items || last.element.isConnected || document.activeElement !== document.body) return
    if (items.some((f) => f.id === last.id)) return void (last.seenIn = items) // scrolled out of view, not gone
    focused.current = null
    focusItem(Math.min(activeIndex, items.length - 1))
  })

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const index = Number(e.target.dataset.index)
    if (!Number.isInteger(index) || !items[index]) return
    setActive(index)
    focused.current = { element: e.target, id: items[index].id }
  }

  return { activeIndex, setActive, focusItem, onFocus }
}
