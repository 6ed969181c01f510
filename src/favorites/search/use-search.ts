// The grid's view of the loaded favorites: searched by name and sorted by name or size, over every
// favorite. KooDrive has no search and sorts only by starred time, so while a search or such a
// sort is on, the remaining pages load in the background, one at a time (each under the list
// query's retry and 429 rules), and stay loaded.
import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import type { Favorite } from '../../api/favorite'
import { useI18n } from '../../lib/i18n'
import { useOnline } from '../../lib/network'
import { needsAll, type ViewFilter } from '../filters'

type Engine = typeof import('./engine')
let engine: Engine | undefined
/** Loads the search and sort code once; the app preloads it when idle. */
export const loadEngine = () => import('./engine').then((m) => (engine = m))

/** A query's words in the form names are compared in (see match.ts); none for a blank query. */
export const queryWords = (query: string) => query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean)

export interface ListProgress {
  hasNextPage: boolean
  isFetchNextPageError: boolean
  /** Asks for the next page (or joins the request in flight); resolves when it has arrived or failed. */
  fetchNextPage: () => Promise<{ hasNextPage: boolean; isError: boolean }>
}

/**
 * Loading every favorite: `loading`; `done`; `stopped` by the user; `offline`, with only what this
 * device keeps; `failed`, a page could not be had (the footer offers Retry).
 */
export type Gathering = 'loading' | 'done' | 'stopped' | 'offline' | 'failed'

export function useSearch(items: readonly Favorite[], filter: ViewFilter, list: ListProgress) {
  const { locale } = useI18n()
  const online = useOnline()
  // Typing stays at the keyboard's pace; the grid follows as soon as it can. A cleared search
  // shows everything in the same render (Esc then focuses the grid's own tiles).
  const deferred = useDeferredValue(filter.q)
  const q = filter.q === '' ? '' : deferred
  const words = useMemo(() => queryWords(q), [q])
  const wantsAll = words.length > 0 || needsAll(filter.sort)
  const [ready, setReady] = useState(engine)
  useEffect(() => {
    if (wantsAll && !ready) void loadEngine().then(setReady)
  }, [wantsAll, ready])

  // Stop holds until nothing needs every favorite any more.
  const [stopped, setStopped] = useState(false)
  if (stopped && !wantsAll) setStopped(false)

  const { hasNextPage, isFetchNextPageError, fetchNextPage } = list
  const gathering: Gathering = !hasNextPage
    ? 'done'
    : stopped
      ? 'stopped'
      : !online
        ? 'offline'
        : isFetchNextPageError
          ? 'failed'
          : 'loading'
  // Each page arriving asks for the next at once, not after a render: a render's commit and its
  // effects wait for a frame, which doubled the time to search 100,000.
  useEffect(() => {
    if (!wantsAll || gathering !== 'loading') return
    let on = true
    void (async () => {
      for (let more = true; on && more;) {
        const page = await fetchNextPage()
        more = page.hasNextPage && !page.isError
      }
    })()
    return () => void (on = false)
  }, [wantsAll, gathering, fetchNextPage])

  // Name and size orders need every favorite: while they load the grid keeps KooDrive's order.
  // Offline, stopped or failed, what is loaded is sorted (and the status says it is not all).
  // Until the sort code is in, the grid keeps the starred order and its date groups.
  const sortedBy = ready && needsAll(filter.sort) && !(wantsAll && gathering === 'loading') ? filter.sort : null
  const sorted = useMemo(
    () => (!sortedBy || !ready ? (items as Favorite[]) : sortedBy === 'name' ? ready.byName(items, locale) : ready.bySize(items)),
    [ready, items, sortedBy, locale],
  )
  // Until the search code is in (a moment, and it is preloaded), a search shows nothing yet.
  const shown = useMemo(() => (words.length === 0 ? sorted : ready ? ready.filterByName(sorted, words) : []), [ready, sorted, words])

  return {
    /** What the grid shows, in order. */
    shown,
    /** The search's folded words, for highlighting; none without a search. */
    words,
    /** Marks the matches in a name (once the search code is in). */
    matchRanges: ready?.matchRanges,
    /** Date groups belong to the time orders only. */
    grouped: sortedBy === null,
    /** Whether every favorite is being gathered, and how far that has got. */
    gathering: wantsAll ? gathering : null,
    stop: () => setStopped(true),
    resume: () => setStopped(false),
  }
}
