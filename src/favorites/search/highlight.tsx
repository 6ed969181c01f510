// A name with the parts that match the search marked, in every tile the grid shows.
import { createContext, useContext } from 'react'

interface Search {
  /** The search's folded words (see match.ts); none without a search. */
  words: readonly string[]
  matchRanges?: (name: string, words: readonly string[]) => [number, number][]
}
export const SearchWords = createContext<Search>({ words: [] })

export function Highlighted({ text }: { text: string }) {
  const { words, matchRanges } = useContext(SearchWords)
  if (words.length === 0 || !matchRanges) return text
  const parts = []
  let at = 0
  for (const [start, end] of matchRanges(text, words)) {
    parts.push(
      text.slice(at, start),
      <mark key={start} className="rounded-sm bg-yellow-200 text-inherit dark:bg-yellow-300/30">
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  parts.push(text.slice(at))
  return parts
}
