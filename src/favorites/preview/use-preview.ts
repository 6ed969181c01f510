// The preview, named in the URL (?file=ID) so that Back closes it and a link opens it.
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom'
import type { Favorite } from '../../api/favorite'
import type { ListPage } from '../../api/endpoints'
import { currentParams } from '../filters'

interface PreviewOptions {
  /** Every loaded file in order, hidden ones too. */
  loaded: readonly Favorite[]
  /** The files shown in the grid. */
  items: readonly Favorite[]
  query: UseInfiniteQueryResult<InfiniteData<ListPage>>
  loadMore: () => void
}

export function usePreview({ loaded, items, query, loadMore }: PreviewOptions) {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const location = useLocation()
  const { hasNextPage, isFetching } = query
  const fileId = params.get('file')
  // Looked up among everything loaded: a file removed from the preview stays open, offering Add.
  const index = fileId ? loaded.findIndex((f) => f.id === fileId) : -1
  // The file last shown, so a preview whose file the refetch dropped (removed here) stays open.
  const [kept, setKept] = useState<Favorite>()
  const found = index >= 0 ? loaded[index] : undefined
  if (found && found !== kept) setKept(found)
  const item = found ?? (kept && kept.id === fileId ? { ...kept, starred: false } : undefined)
  // Steps go through what the grid shows (a search's matches, in its order). A file removed from
  // the preview has left it: its neighbours are then found by its place among everything loaded.
  const at = fileId ? items.findIndex((f) => f.id === fileId) : -1
  const shownIds = at < 0 && index >= 0 ? new Set(items.map((f) => f.id)) : undefined
  const isShown = (f: Favorite) => shownIds?.has(f.id) === true
  const previousShown = at >= 0 ? items[at - 1] : index > 0 ? loaded.slice(0, index).findLast(isShown) : undefined
  const nextShown = at >= 0 ? items[at + 1] : index >= 0 ? loaded.slice(index + 1).find(isShown) : undefined
  const openedHere = (location.state as { preview?: boolean } | null)?.preview === true

  const show = useCallback(
    (id: string, replace: boolean) =>
      setParams(
        () => {
          const next = currentParams()
          next.set('file', id)
          return next
        },
        // Stepping to the next file replaces the entry and keeps its state: Back still closes.
        { replace, state: replace ? location.state : { preview: true } },
      ),
    [setParams, location.state],
  )
  /** Takes the file out of the URL without a history entry. */
  const drop = useCallback(
    () =>
      setParams(
        () => {
          const next = currentParams()
          next.delete('file')
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  // Next at the end of what is loaded: pages load until a file the grid shows comes after this one.
  // The step ends when the preview leaves that file (adjusted while rendering, no extra commit).
  const [stepFrom, setStepFrom] = useState<string | null>(null)
  if (stepFrom !== null && stepFrom !== fileId) setStepFrom(null)
  const stepping = stepFrom !== null && stepFrom === fileId
  useEffect(() => {
    if (!stepping) return
    if (nextShown) show(nextShown.id, true)
    else if (hasNextPage && !isFetching) loadMore()
  }, [stepping, nextShown, hasNextPage, isFetching, loadMore, show])

  // A link to a file not loaded yet: load pages until it appears, or drop the name at the end.
  const previewing = item !== undefined
  useEffect(() => {
    if (!fileId || previewing || !query.isSuccess || isFetching) return
    if (hasNextPage) loadMore()
    else drop()
  }, [fileId, previewing, query.isSuccess, isFetching, hasNextPage, loadMore, drop])

  // When the preview closes, focus (and scroll to) the tile it showed.
  const [focusRequest, setFocusRequest] = useState<{ index: number; seq: number }>()
  const lastPreviewed = useRef<string | null>(null)
  useEffect(() => {
    if (fileId) lastPreviewed.current = fileId
    else if (lastPreviewed.current) {
      const shownAt = items.findIndex((f) => f.id === lastPreviewed.current)
      lastPreviewed.current = null
      if (shownAt >= 0) setFocusRequest((r) => ({ index: shownAt, seq: (r?.seq ?? 0) + 1 }))
    }
  }, [fileId, items])

  return {
    item,
    hasPrevious: previousShown !== undefined,
    hasNext: nextShown !== undefined || hasNextPage,
    open: useCallback((at: number) => items[at] && show(items[at].id, false), [items, show]),
    close: () => (openedHere ? navigate(-1) : drop()),
    previous: () => previousShown && show(previousShown.id, true),
    next: () => setStepFrom(fileId),
    focusRequest,
  }
}
