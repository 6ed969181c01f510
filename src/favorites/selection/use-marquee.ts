// Rubber-band selection: drag from empty space, scrolling the grid when the pointer nears an edge.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import type { Rect } from '../grid/layout'

/** Pointer this close to the top or bottom edge scrolls, faster the closer it gets. */
const EDGE = 48
const MAX_SPEED = 24
/** Moves smaller than this are a click on empty space, not a drag. */
const THRESHOLD = 4

interface Drag {
  pointerId: number
  /** Start, in the grid's coordinates (they scroll with the content). */
  x: number
  y: number
  /** Where the pointer went down and where it is now, in viewport coordinates. */
  downX: number
  downY: number
  clientX: number
  clientY: number
  moved: boolean
  additive: boolean
}

export interface MarqueeHandlers {
  /** A drag begins (the pointer moved past the threshold); `additive` when Ctrl/Cmd/Shift was held. */
  onStart: (additive: boolean) => void
  /** The rectangle, in grid coordinates, whenever it changes. */
  onChange: (rect: Rect) => void
  /** A click on empty space that did not become a drag. */
  onEmptyClick: () => void
}

export function useMarquee(scrollRef: RefObject<HTMLElement | null>, gridRef: RefObject<HTMLElement | null>, handlers: MarqueeHandlers) {
  const [rect, setRect] = useState<Rect | null>(null)
  const drag = useRef<Drag | null>(null)
  const frame = useRef(0)
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  function update() {
    const d = drag.current
    const grid = gridRef.current
    if (!d || !grid) return
    const box = grid.getBoundingClientRect()
    const x = d.clientX - box.left
    const y = d.clientY - box.top
    const next = { left: Math.min(d.x, x), right: Math.max(d.x, x), top: Math.min(d.y, y), bottom: Math.max(d.y, y) }
    setRect(next)
    latest.current.onChange(next)
  }

  function autoScroll() {
    const d = drag.current
    const scroller = scrollRef.current
    if (!d || !scroller) return
    const box = scroller.getBoundingClientRect()
    const speed =
      d.clientY < box.top + EDGE
        ? -Math.ceil(((box.top + EDGE - d.clientY) / EDGE) * MAX_SPEED)
        : d.clientY > box.bottom - EDGE
          ? Math.ceil(((d.clientY - (box.bottom - EDGE)) / EDGE) * MAX_SPEED)
          : 0
    if (speed !== 0) {
      const before = scroller.scrollTop
      scroller.scrollTop += speed
      if (scroller.scrollTop !== before) update()
    }
    frame.current = requestAnimationFrame(autoScroll)
  }

  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    const target = e.target as HTMLElement
    // Touch scrolls and long-presses; tiles, buttons and the scrollbar keep their own meaning.
    if (e.button !== 0 || e.pointerType === 'touch' || target.closest('[role=gridcell], button, a, input, select')) return
    const grid = gridRef.current
    if (!grid || e.clientX >= e.currentTarget.getBoundingClientRect().left + e.currentTarget.clientWidth) return
    const box = grid.getBoundingClientRect()
    drag.current = {
      pointerId: e.pointerId,
      x: e.clientX - box.left,
      y: e.clientY - box.top,
      downX: e.clientX,
      downY: e.clientY,
      clientX: e.clientX,
      clientY: e.clientY,
      moved: false,
      additive: e.ctrlKey || e.metaKey || e.shiftKey,
    }
    e.currentTarget.setPointerCapture(e.pointerId)
    e.preventDefault() // no text selection while dragging
  }

  const onPointerMove = (e: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d || d.pointerId !== e.pointerId) return
    d.clientX = e.clientX
    d.clientY = e.clientY
    if (!d.moved) {
      if (Math.hypot(e.clientX - d.downX, e.clientY - d.downY) < THRESHOLD) return
      d.moved = true
      latest.current.onStart(d.additive)
      frame.current = requestAnimationFrame(autoScroll)
    }
    update()
  }

  const end = (e: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d || d.pointerId !== e.pointerId) return
    drag.current = null
    cancelAnimationFrame(frame.current)
    setRect(null)
    if (!d.moved && e.type === 'pointerup') latest.current.onEmptyClick()
  }

  return { rect, handlers: { onPointerDown, onPointerMove, onPointerUp: end, onPointerCancel: end } }
}
