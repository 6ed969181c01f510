// One row of tiles. Memoised: a scroll frame re-renders the grid, not the rows that stay.
import { memo, useEffect, useState } from 'react'
import { GAP, NAME_HEIGHT, type TileRowLayout as Row } from './layout'
import type { Selection } from '../selection/selection'
import { Tile } from './tile'

/** How long a row stays in view during a scroll before its thumbnails are asked for. */
export const THUMBNAIL_DWELL_MS = 120

/**
 * Whether the row's tiles may ask for their thumbnails yet. At rest, at once (the overscan too).
 * While scrolling, only once the row has stayed in view for THUMBNAIL_DWELL_MS: a fling passes
 * rows by without a request each (Google Photos and Immich hold thumbnails back the same way).
 */
function useWanted(visible: boolean, scrolling: boolean): boolean {
  const [wanted, setWanted] = useState(!scrolling)
  // Adjusting state while rendering (react.dev, "You might not need an effect"): no extra commit.
  if (!wanted && !scrolling) setWanted(true)
  useEffect(() => {
    if (wanted || !visible) return
    const timer = setTimeout(() => setWanted(true), THUMBNAIL_DWELL_MS)
    return () => clearTimeout(timer)
  }, [wanted, visible])
  return wanted
}

interface TilesRowProps {
  row: Row
  columns: number
  cell: number
  rowHeight: number
  /** The grid's tab stop when it is in this row, else -1 (so other rows need not re-render). */
  activeIndex: number
  selection: Selection
  showCheckboxes: boolean
  visible: boolean
  scrolling: boolean
}

export const TilesRow = memo(function TilesRow(props: TilesRowProps) {
  const { row, columns, cell, rowHeight, activeIndex, selection, showCheckboxes, visible, scrolling } = props
  // Per row, not per tile: one timer and one update for the row's tiles together.
  const wanted = useWanted(visible, scrolling)
  return (
    <div className="grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP, height: rowHeight }}>
      {row.items.map((item, i) => (
        <Tile
          key={item.id}
          item={item}
          index={row.first + i}
          width={cell}
          pictureHeight={rowHeight - NAME_HEIGHT}
          tabbable={row.first + i === activeIndex}
          selected={selection.ids.has(item.id)}
          showCheckbox={showCheckboxes}
          wanted={wanted}
          first={row.first < columns}
        />
      ))}
    </div>
  )
})
