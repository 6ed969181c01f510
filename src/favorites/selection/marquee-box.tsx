import type { Rect } from '../grid/layout'

/** The rectangle drawn while dragging a marquee, in the grid's own coordinates. */
export function MarqueeBox({ rect }: { rect: Rect }) {
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-20 rounded-sm border border-blue-600 bg-blue-500/15"
      style={{ left: rect.left, top: rect.top, width: rect.right - rect.left, height: rect.bottom - rect.top }}
    />
  )
}
