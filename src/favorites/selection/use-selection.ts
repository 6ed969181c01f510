// The selection over the list: kept through pages, patches and searches, pruned of files gone.
import { useCallback, useMemo, useState } from 'react'
import type { Favorite } from '../../api/favorite'
import { NO_SELECTION, keepPresent, selectedIn, type Selection } from './selection'

/**
 * `loaded`: every file of the list (hidden ones too); `shown`: what the grid shows. Hidden files
 * keep their place in the selection: if KooDrive refuses, they come back selected. Files gone
 * from the list (after the refetch, another filter) leave it.
 */
export function useSelection(loaded: readonly Favorite[], shown: readonly Favorite[]) {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION)
  const [prunedFor, setPrunedFor] = useState(loaded)
  if (prunedFor !== loaded) {
    // Adjusting state while rendering (react.dev, "You might not need an effect"): no extra commit.
    setPrunedFor(loaded)
    if (selection.ids.size > 0) {
      const present = new Set(loaded.map((f) => f.id))
      setSelection((s) => keepPresent(s, (id) => present.has(id)))
    }
  }
  /** The selected files the grid shows, in its order: what the toolbar acts on. */
  const selected = useMemo(() => selectedIn(selection, shown), [selection, shown])
  const clear = useCallback(() => setSelection(NO_SELECTION), [])
  return { selection, setSelection, selected, clear }
}
