import { useSyncExternalStore } from 'react'

/** Whether a media query matches now; true where there is no matchMedia (jsdom): the wide layout. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia?.(query)
      media?.addEventListener('change', onChange)
      return () => media?.removeEventListener('change', onChange)
    },
    () => window.matchMedia?.(query).matches ?? true,
    () => true,
  )
}
