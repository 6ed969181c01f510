// Light, dark, or the system's choice; remembered, applied as a class on <html>.
import { useEffect, useState } from 'react'

export type Theme = 'system' | 'light' | 'dark'
const KEY = 'koodrive.theme'

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = localStorage.getItem(KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  })
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)')
    const apply = () => document.documentElement.classList.toggle('dark', theme === 'dark' || (theme === 'system' && !!media?.matches))
    apply()
    media?.addEventListener('change', apply)
    return () => media?.removeEventListener('change', apply)
  }, [theme])
  return [
    theme,
    (t: Theme) => {
      if (t === 'system') localStorage.removeItem(KEY)
      else localStorage.setItem(KEY, t)
      setTheme(t)
    },
  ]
}
