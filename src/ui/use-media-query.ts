import { useSyncExternalStore } from 'react'

/** One MediaQueryList per query: reading `matches` is cheap, `matchMedia` parses and evaluates anew. */
const lists = new Map<string, MediaQueryList>()
function mediaList(query: string): MediaQueryList | undefined {
  if (typeof window === 'undefined' || !window.matchMedia) return undefined
  let list = lists.get(query)
  if (!list) lists.set(query, (list = window.matchMedia(query)))
  return list
}

/** Whether a media query matches now; true where there is no matchMedia (jsdom): the wide layout. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = mediaList(query)
      media?.addEventListener('change', onChange)
      return () => media?.removeEventListener('change', onChange)
    },
    () => mediaList(query)?.matches ?? true,
    () => true,
  )
}
