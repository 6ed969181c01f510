// Removing and adding back from the favorites screen: the last change (for the status line and
// Undo), and where removed files were, so that Undo can put them back.
import { useMutation, useMutationState, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Favorite } from '../../api/favorite'
import { failedFiles, restorePlaces, type FavoritesData, type Place } from '../../data/optimistic'
import type { SetStarredVariables } from '../../data/queries'
import type { StarMutation } from '../../data/star-mutation'
import { useStarMutationOptions } from '../../data/client-context'

/** `loaded`: every file of the list in order (hidden ones too); `listKey`: that list's query. */
export function useStarChanges(loaded: readonly Favorite[], listKey: QueryKey) {
  const queryClient = useQueryClient()
  const starMutation = useStarMutationOptions()
  const { mutate } = useMutation(starMutation)
  const [lastChange, setLastChange] = useState<SetStarredVariables>()
  // Where the removed files were, so Undo can put them back even after the list was refetched.
  const places = useRef<Place[]>([])

  const change = useCallback(
    (files: Favorite[], starred: boolean) => {
      if (files.length === 0) return
      const variables = { files: files.map((f) => ({ id: f.id, containerId: f.containerId, name: f.name })), starred }
      if (!starred) {
        const leaving = new Set(files.map((f) => f.id))
        places.current = []
        for (let i = 0; i < loaded.length; i++) {
          const item = loaded[i]!
          if (leaving.has(item.id)) places.current.push({ item, after: loaded[i - 1]?.id })
        }
      }
      mutate(variables)
      setLastChange(variables)
    },
    [mutate, loaded],
  )

  // Once KooDrive has answered the last change: the files it did not change (the same array
  // until that answer changes, so what follows is worked out once per change, not per render).
  const refused = useMutationState({
    filters: {
      mutationKey: starMutation.mutationKey,
      predicate: (m) => m.state.variables === lastChange && m.state.status !== 'pending',
    },
    select: (m: StarMutation) => failedFiles(m.state).map((f) => f.id),
  })[0]
  /** The files the last change really moved (all of them while KooDrive has not answered). */
  const changed = useMemo(() => {
    const refusedIds = new Set(refused)
    return lastChange?.files.filter((f) => !refusedIds.has(f.id)) ?? []
  }, [lastChange, refused])

  /** Undo puts back exactly the files that left: not those KooDrive refused to remove. */
  const undo = () => {
    if (!lastChange) return
    const files = changed
    if (files.length === 0) return setLastChange(undefined)
    const variables = { files, starred: true }
    const back = new Set(files.map((f) => f.id))
    queryClient.setQueryData<FavoritesData>(listKey, (data) =>
      restorePlaces(
        data,
        places.current.filter((p) => back.has(p.item.id)),
      ),
    )
    mutate(variables)
    setLastChange(variables)
  }

  return { change, undo, lastChange, changed: changed.length, dismiss: () => setLastChange(undefined) }
}
