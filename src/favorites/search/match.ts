// Matching names to a search as people type it: every word of the query must occur in the name,
// in any order, ignoring case and full- and half-width forms (Unicode NFKC, then lower case).
// Scripts written without spaces (Chinese, Japanese) match as substrings, as every word does.
import type { Favorite } from '../../api/favorite'
import { appendingFilter } from '../loaded'

/** The form both sides are compared in. */
export const fold = (text: string) => text.normalize('NFKC').toLowerCase()

// Folding is the costly part of a keystroke over 20,000 names: each name is folded once.
const folded = new Map<string, string>()
function foldedName(name: string): string {
  let f = folded.get(name)
  if (f === undefined) {
    if (folded.size > 200_000) folded.clear()
    folded.set(name, (f = fold(name)))
  }
  return f
}

export function matches(name: string, words: readonly string[]): boolean {
  const f = foldedName(name)
  return words.every((w) => f.includes(w))
}

// The current query's filter: while pages arrive, only each new page is searched.
let current: { key: string; filter: (list: readonly Favorite[]) => Favorite[] } | undefined

export function filterByName(items: readonly Favorite[], words: readonly string[]): Favorite[] {
  if (words.length === 0) return items as Favorite[]
  const key = words.join('\n')
  if (current?.key !== key) current = { key, filter: appendingFilter((f) => matches(f.name, words)) }
  return current.filter(items)
}

/**
 * The parts of `name` to highlight for `words`, as [start, end) offsets into `name` itself
 * (folding can change lengths: "ﬁ" folds to "fi"), merged and in order.
 */
export function matchRanges(name: string, words: readonly string[]): [number, number][] {
  if (words.length === 0) return []
  // Fold code point by code point, remembering which source character each folded one came from.
  let text = ''
  const start: number[] = []
  const end: number[] = []
  let i = 0
  for (const ch of name) {
    const f = fold(ch)
    text += f
    for (let k = 0; k < f.length; k++) {
      start.push(i)
      end.push(i + ch.length)
    }
    i += ch.length
  }
  const ranges: [number, number][] = []
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
      ranges.push([start[at]!, end[at + w.length - 1]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const top = merged.at(-1)
    if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1])
    else merged.push([...r])
  }
  return merged
}
