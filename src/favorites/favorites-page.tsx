// The favorites screen: filters in the URL, the infinite grid, the preview.
import { useInfiniteQuery, useIsMutating } from '@tanstack/react-query'
import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { favoriteMutations, favoriteQueries } from '../data/queries'
import { useKooDriveClient } from '../data/client-context'
import { whenIdle } from '../lib/idle'
import { useSession } from '../lib/session'
import { FavoritesGrid } from './grid/favorites-grid'
import { FavoritesHeader, loadViewOptionsSheet, useDensity } from './header/favorites-header'
import { currentParams, listFilter, readFilter, withFilter, type ViewFilter } from './filters'
import { GridFooter } from './grid/grid-footer'
import { useSelection } from './selection/use-selection'
import { EmptyList, LoadFailed, Loading, NoMatch } from './list-states'
import { usePreview } from './preview/use-preview'
import { flatten, starredIn } from './loaded'
import { useStarChanges } from './changes/use-star-changes'
import { SearchWords } from './search/highlight'
import { loadEngine, useSearch } from './search/use-search'

// Shown on demand, so not in the first screen's JavaScript; fetched while the browser is idle.
const loadPreview = () => import('./preview/preview-dialog')
const loadToolbar = () => import('./selection/selection-toolbar')
const PreviewDialog = lazy(() => loadPreview().then((m) => ({ default: m.PreviewDialog })))
const SelectionToolbar = lazy(() => loadToolbar().then((m) => ({ default: m.SelectionToolbar })))
const AutoDeletedNotice = lazy(() => import('./changes/auto-deleted-notice').then((m) => ({ default: m.AutoDeletedNotice })))
// What a change did (and what KooDrive refused), once the list is there; a search's progress.
const ChangeStatus = lazy(() => import('./changes/change-status').then((m) => ({ default: m.ChangeStatus })))
const SearchStatus = lazy(() => import('./search/search-status').then((m) => ({ default: m.SearchStatus })))
const OfflineStatus = lazy(() => import('./changes/offline-status').then((m) => ({ default: m.OfflineStatus })))
const ShortcutsDialog = lazy(() => import('./header/shortcuts-dialog').then((m) => ({ default: m.ShortcutsDialog })))

export function FavoritesPage() {
  const client = useKooDriveClient()
  const [params, setParams] = useSearchParams()
  const filter = readFilter(params)
  const [density, setDensity] = useDensity()

  const listOptions = favoriteQueries.list(client, listFilter(filter))
  // Until the server says who is connected (an offline start) the kept copy is shown, and nothing is asked for.
  const { userId } = useSession()
  const query = useInfiniteQuery({ ...listOptions, enabled: userId !== undefined })
  // Everything loaded, and what is shown: a file asked to leave favorites is hidden at once.
  const loaded = useMemo(() => flatten(query.data?.pages), [query.data])
  const items = useMemo(() => starredIn(loaded), [loaded])
  const autoDeleted = query.data?.pages[0]?.autoDeleted ?? 0
  const skipped = query.data?.pages.reduce((sum, p) => sum + p.skipped, 0) ?? 0
  const { hasNextPage, isFetching, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query
  // Loading or saving anything: said to assistive technology (and waited on by the browser tests).
  const saving = useIsMutating({ mutationKey: favoriteMutations.setStarredKey() }) > 0
  const busy = isFetching || saving

  // Each change is made to the URL as it is now, not as last rendered (see currentParams).
  const setFilter = (patch: Partial<ViewFilter>) => setParams(() => withFilter(currentParams(), patch))
  // A search is one history entry: its first letter pushes it and the next ones replace it, so
  // Back leaves the search.
  const onSearch = (q: string) => setParams(() => withFilter(currentParams(), { q }), { replace: q === '' || currentParams().has('q') })
  const loadMore = useCallback(() => fetchNextPage({ cancelRefetch: false }), [fetchNextPage])
  const search = useSearch(items, filter, { hasNextPage, isFetchNextPageError, fetchNextPage: loadMore })
  const shown = search.shown
  const [sortCancelled, setSortCancelled] = useState<'name' | 'size' | null>(null)
  const cancelled = filter.sort === 'newest' ? sortCancelled : null
  const cancelSort = () => {
    setSortCancelled(filter.sort as 'name' | 'size')
    setFilter({ sort: 'newest' })
  }

  // ---- selection and changes ----
  const { selection, setSelection, selected, clear: clearSelection } = useSelection(loaded, shown)
  const { change, undo, lastChange, changed, dismiss } = useStarChanges(loaded, listOptions.queryKey)
  const removeSelected = useCallback(() => change(selected, false), [change, selected])
  const [shortcutsOpen, setShortcutsOpen] = useState(false)

  const preview = usePreview({ loaded, items: shown, query, loadMore })
  const hasData = query.isSuccess
  useEffect(() => {
    if (!hasData) return
    return whenIdle(() => {
      void loadToolbar()
      void loadPreview()
      void loadEngine()
      // Shown when the app's server cannot be reached: loaded while it still can be.
      void import('./header/disconnect-failed')
      void loadViewOptionsSheet()
    }, 2000)
  }, [hasData])

  // The grid's first render is a transition, which React renders in slices of 5 ms: in one task it
  // blocked the main thread for ~40 ms (Lighthouse's total blocking time). Later renders (pages,
  // removals) are ordinary, at once.
  const [gridShown, setGridShown] = useState(false)
  useEffect(() => {
    if (hasData && !gridShown) startTransition(() => setGridShown(true))
  }, [hasData, gridShown])

  let body
  if (query.isPending || (hasData && !gridShown)) {
    body = <Loading />
  } else if (query.isError && !query.data) {
    body = <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
  } else if (filter.q.trim() && shown.length === 0) {
    body = search.gathering === 'loading' ? null : <NoMatch onClear={() => onSearch('')} />
  } else if (items.length === 0 && !hasNextPage) {
    body = <EmptyList onShowAll={filter.type === 'all' ? undefined : () => setFilter({ type: 'all' })} />
  } else {
    body = (
      <FavoritesGrid
        items={shown}
        grouped={search.grouped}
        density={density}
        hasNextPage={hasNextPage}
        canFetchNextPage={!isFetching && !isFetchNextPageError}
        fetchNextPage={loadMore}
        onOpen={preview.open}
        selection={selection}
        onSelection={setSelection}
        onRemove={removeSelected}
        onShortcuts={() => setShortcutsOpen(true)}
        focusRequest={preview.focusRequest}
        footer={
          <GridFooter
            total={shown.length}
            skipped={skipped}
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            error={isFetchNextPageError ? query.error : null}
            onRetry={loadMore}
          />
        }
      />
    )
  }

  return (
    <div className="flex h-dvh flex-col bg-page text-slate-900 dark:text-slate-100">
      {/* The selection toolbar covers the header instead of pushing the grid down; both are the banner. */}
      <header className="relative">
        <FavoritesHeader
          filter={filter}
          onFilter={setFilter}
          density={density}
          onDensity={setDensity}
          onShortcuts={() => setShortcutsOpen(true)}
          onSearch={onSearch}
        />
        <Suspense>{selected.length > 0 && <SelectionToolbar files={selected} onChange={change} onClear={clearSelection} />}</Suspense>
      </header>
      <main aria-busy={busy} className="relative flex min-h-0 flex-1 flex-col">
        <Suspense>
          <OfflineStatus updatedAt={query.dataUpdatedAt} />
          {(search.gathering || cancelled) && (
            <SearchStatus
              filter={filter}
              searching={search.words.length > 0}
              gathering={search.gathering}
              checked={items.length}
              matched={shown.length}
              onStop={search.stop}
              onResume={search.resume}
              onCancelSort={cancelSort}
              cancelled={cancelled}
            />
          )}
        </Suspense>
        {/* Over the grid, not above it: a notice that arrives with the data must not push it down.
            Placed below the status line, which it must not hide. */}
        <div className="relative">
          {autoDeleted > 0 && (
            <Suspense>
              <AutoDeletedNotice count={autoDeleted} />
            </Suspense>
          )}
        </div>
        <SearchWords value={search}>{body}</SearchWords>
      </main>
      <Suspense>
        {preview.item && (
          <PreviewDialog
            key="preview"
            item={preview.item}
            hasPrevious={preview.hasPrevious}
            hasNext={preview.hasNext}
            onPrevious={preview.previous}
            onNext={preview.next}
            onStarred={(starred) => preview.item && change([preview.item], starred)}
            onClose={preview.close}
          />
        )}
        {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      </Suspense>
      <Suspense>{hasData && <ChangeStatus last={lastChange} changed={changed} onUndo={undo} onDismiss={dismiss} />}</Suspense>
    </div>
  )
}
