// Light, dark, or the system's choice. The system's choice needs no script: the CSS follows
// prefers-color-scheme from the first paint. A choice the user made is a class on <html>
// ('dark' or 'light'), set by applyTheme() before React DOM loads (see src/theme-boot.ts).
import { useSyncExternalStore } from 'react'
import { readPref, writePref } from './prefs'

export type Theme = 'system' | 'light' | 'dark'
const KEY = 'koodrive.theme'

function saved(): Theme {
  const value = readPref(KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

let theme: Theme = saved()
const listeners = new Set<() => void>()

/** Puts the saved (or given) theme on <html>. */
export function applyTheme(next: Theme = saved()) {
  theme = next
  const root = document.documentElement
  root.classList.toggle('dark', next === 'dark')
  root.classList.toggle('light', next === 'light')
  listeners.forEach((l) => l())
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const current = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => theme,
  )
  return [
    current,
    (t: Theme) => {
      writePref(KEY, t === 'system' ? undefined : t)
      applyTheme(t)
    },
  ]
}
