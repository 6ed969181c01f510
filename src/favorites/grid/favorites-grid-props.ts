// What the favorites screen hands the grid.
import type { ReactNode } from 'react'
import type { Favorite } from '../../api/favorite'
import type { Density } from './layout'
import type { Selection, SelectionUpdate } from '../selection/selection'

export interface FavoritesGridProps {
  items: Favorite[]
  /** Date groups with headers (the time orders), or one run of tiles (name and size). */
  grouped: boolean
  density: Density
  hasNextPage: boolean
  /** False while a page is loading or after a page failed: no automatic request then. */
  canFetchNextPage: boolean
  fetchNextPage: () => void
  onOpen: (index: number) => void
  selection: Selection
  onSelection: SelectionUpdate
  /** Delete: remove the selection from favorites. */
  onRemove: () => void
  /** `?`: the shortcuts sheet. */
  onShortcuts: () => void
  /** Item to scroll to and focus (after the preview closes). */
  focusRequest?: { index: number; seq: number }
  footer: ReactNode
}
