// The favorites loaded so far, as one list, and what the screen derives from it. Pages only ever
// arrive at the end, so each derived list is the one before with the new page's part appended: a
// page arriving costs that page, not the 20,000 (or 100,000) already loaded.
import type { ListPage } from '../api/endpoints'
import type { Favorite } from '../api/favorite'

/**
 * A list known to be an earlier list with items appended, and that earlier list. One link only:
 * when a list is extended, its own link goes, or every list ever built (100, 200, ... 100,000
 * items) would stay reachable from the newest.
 */
const extended = new WeakMap<readonly Favorite[], readonly Favorite[]>()
function link(list: readonly Favorite[], earlier: readonly Favorite[]) {
  extended.delete(earlier)
  extended.set(list, earlier)
}

/**
 * Each list's last flattening, by its first page: a next page only appends to its pages, so the
 * result is extended (the same pages flattened again are only copied). Weakly held: when the list's pages go (Disconnect, a refetch), so does this.
 */
const flattened = new WeakMap<ListPage, { pages: readonly ListPage[]; out: readonly Favorite[]; seen: Set<string> }>()

/** All loaded items in order; a file that moved between two page loads is shown once. */
export function flatten(pages: readonly ListPage[] | undefined): Favorite[] {
  const first = pages?.[0]
  if (!pages || !first) return []
  // Extending costs the new page, not all 20,000 loaded again (a Set of every id per page).
  const last = flattened.get(first)
  const extending = last && last.pages.length <= pages.length && last.pages.every((page, i) => pages[i] === page)
  const seen = extending ? last.seen : new Set<string>()
  const out = extending ? last.out.slice() : []
  for (const page of pages.slice(extending ? last.pages.length : 0)) {
    for (const item of page.items) {
      if (!seen.has(item.id)) {
        seen.add(item.id)
        out.push(item)
      }
    }
  }
  flattened.set(first, { pages, out, seen })
  if (extending) link(out, last.out)
  return out
}

/** The list that `list` extends with items appended, if it is known to. */
export const earlierList = (list: readonly Favorite[]) => extended.get(list)

/**
 * A filter that remembers its answers: for a list that extends one it has filtered, it filters
 * only the appended part. Its answers extend one another the same way, so filters chain.
 */
export function appendingFilter(keep: (f: Favorite) => boolean): (list: readonly Favorite[]) => Favorite[] {
  const answers = new WeakMap<readonly Favorite[], Favorite[]>()
  return (list) => {
    let out = answers.get(list)
    if (out) return out
    const base = extended.get(list)
    const before = base && answers.get(base)
    out = before ? before.concat(list.slice(base.length).filter(keep)) : list.filter(keep)
    if (before) link(out, before)
    answers.set(list, out)
    return out
  }
}

/** What the grid may show: a file asked to leave favorites is hidden at once. */
export const starredIn = appendingFilter((f) => f.starred)
