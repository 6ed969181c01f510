// Clicks and touches on tiles, handled once on the grid (event delegation): click selects one,
// Ctrl/Cmd toggles, Shift selects a range, the checkbox toggles; on touch a long press starts
// selecting, taps then toggle, and a tap with nothing selected opens the preview.
import { useRef, type MouseEvent, type PointerEvent as ReactPointerEvent } from 'react'
import { selectOnly, selectRange, toggle, type Selection } from './selection'

/** A touch held this long starts selecting. */
const LONG_PRESS_MS = 450
/** A touch that moves farther is a scroll, not a press. */
const SLOP = 10

interface TilePointerOptions {
  /** Ids in the order shown. */
  ids: readonly string[]
  anySelected: boolean
  onSelection: (update: (selection: Selection) => Selection) => void
  onOpen: (index: number) => void
  onActive: (index: number) => void
}

const tileIndex = (target: EventTarget) => Number((target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? NaN)

export function useTilePointer({ ids, anySelected, onSelection, onOpen, onActive }: TilePointerOptions) {
  const touch = useRef<{ timer: number; fired: boolean; x: number; y: number } | null>(null)

  const cancelPress = () => {
    if (touch.current && !touch.current.fired) {
      window.clearTimeout(touch.current.timer)
      touch.current = null
    }
  }

  return {
    onClick(e: MouseEvent<HTMLElement>) {
      const index = tileIndex(e.target)
      const id = ids[index]
      if (id === undefined) return
      onActive(index)
      if (touch.current?.fired) {
        touch.current = null // the click that ends a long press
      } else if (e.shiftKey) {
        onSelection((s) => selectRange(s, ids, id, e.ctrlKey || e.metaKey))
      } else if (e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('[data-checkbox]')) {
        onSelection((s) => toggle(s, id))
      } else if ((e.nativeEvent as PointerEvent).pointerType === 'touch') {
        if (anySelected) onSelection((s) => toggle(s, id))
        else onOpen(index)
      } else {
        onSelection(() => selectOnly(id))
      }
    },
    onDoubleClick(e: MouseEvent<HTMLElement>) {
      const index = tileIndex(e.target)
      if (Number.isInteger(index)) onOpen(index)
    },
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.pointerType !== 'touch') return
      const id = ids[tileIndex(e.target)]
      if (id === undefined) return
      window.clearTimeout(touch.current?.timer)
      const timer = window.setTimeout(() => {
        if (!touch.current) return
        touch.current.fired = true
        onSelection((s) => (s.ids.has(id) ? s : toggle(s, id)))
        navigator.vibrate?.(10)
      }, LONG_PRESS_MS)
      touch.current = { timer, fired: false, x: e.clientX, y: e.clientY }
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const t = touch.current
      if (t && !t.fired && Math.hypot(e.clientX - t.x, e.clientY - t.y) > SLOP) cancelPress()
    },
    onPointerUp: cancelPress,
    onPointerCancel: cancelPress,
    onContextMenu(e: MouseEvent<HTMLElement>) {
      if (touch.current) e.preventDefault() // no context menu at the end of a long press
    },
  }
}
