// One row of tiles. Memoised: a scroll frame re-renders the grid, not the rows that stay.
import { memo } from 'react'
import { GAP, NAME_HEIGHT, type TilesRow as Row } from './layout'
import type { Selection } from './selection'
import { Tile } from './tile'

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
          visible={visible}
          scrolling={scrolling}
          first={row.first < columns}
        />
      ))}
    </div>
  )
})
