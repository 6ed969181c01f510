// English and Simplified Chinese: chosen from the browser, switchable, remembered. The first
// screen's English is in the bundle, the rest arrives with the chunks that show it
// (messages/en-later.ts); another catalog is a chunk of its own, loaded when that language is chosen.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { en } from './messages/en'
import type { enLater } from './messages/en-later'
import { readPref, writePref } from './prefs'

/** A message with a form per plural category (Intl.PluralRules); `{count}` is the number. */
export interface Plural {
  zero?: string
  one?: string
  two?: string
  few?: string
  many?: string
  other: string
}
type English = typeof en & typeof enLater
export type MessageKey = keyof English
/** A catalog has every English key, with a plural form set wherever English has one. */
export type Catalog = { [K in MessageKey]: English[K] extends string ? string : Plural }

export type Locale = 'en' | 'zh-CN'
export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
]
/** English as far as it has arrived (en-later.ts adds to it). */
const english = en as Partial<Catalog>
const catalogs: Partial<Record<Locale, Partial<Catalog>>> = { en: english }
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  'zh-CN': () => import('./messages/zh-CN').then((m) => m.zh),
}

/** Loads a language's catalog once; English is always there. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (locale !== 'en' && !catalogs[locale]) catalogs[locale] = await loaders[locale]()
}
const KEY = 'koodrive.locale'

export function detectLocale(saved: string | undefined, languages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved
  return languages
    .find((l) => /^(en|zh)\b/i.test(l))
    ?.toLowerCase()
    .startsWith('zh')
    ? 'zh-CN'
    : 'en'
}

export function makeI18n(locale: Locale) {
  // English until the catalog has loaded (the provider waits for it, so this is for tests and tools).
  const messages = catalogs[locale] ?? english
  const number = new Intl.NumberFormat(locale)
  const plural = new Intl.PluralRules(locale)
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const
  return {
    locale,
    /** Never throws: a key no catalog has (one built from data) shows as itself. */
    t(key: MessageKey, params: Record<string, string | number> = {}): string {
      const entry: string | Plural =
        (Object.hasOwn(messages, key) ? messages[key] : undefined) ?? (Object.hasOwn(english, key) ? english[key] : undefined) ?? key
      const message = typeof entry === 'string' ? entry : (entry[plural.select(Number(params.count ?? 0))] ?? entry.other)
      return message.replace(/\{(\w+)\}/g, (_, name: string) =>
        typeof params[name] === 'number' ? number.format(params[name]) : String(params[name] ?? ''),
      )
    },
    date: (ms: number | undefined) => (ms === undefined ? '—' : dateTime.format(ms)),
    /** 1024-based sizes with the unit names of the locale. */
    size(bytes: number | undefined): string {
      if (bytes === undefined) return '—'
      let value = bytes
      let unit = 0
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024
        unit++
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
      }).format(value)
    },
  }
}
export type I18n = ReturnType<typeof makeI18n> & { setLocale: (l: Locale) => void }

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [wanted] = useState<Locale>(() => initial ?? detectLocale(readPref(KEY), navigator.languages ?? [navigator.language]))
  // Undefined until the first language's catalog is there: nothing is shown in the wrong language.
  const [locale, setLocaleState] = useState<Locale | undefined>(() => (catalogs[wanted] ? wanted : undefined))
  useEffect(() => {
    if (locale) return
    // English when the catalog cannot be had (offline before it was ever cached).
    loadCatalog(wanted).then(
      () => setLocaleState(wanted),
      () => setLocaleState('en'),
    )
  }, [locale, wanted])
  useEffect(() => {
    // The `language` header of every API call follows this too (see app.tsx).
    if (locale) document.documentElement.lang = locale
  }, [locale])
  const value = useMemo(
    () =>
      locale && {
        ...makeI18n(locale),
        setLocale: (l: Locale) => {
          writePref(KEY, l)
          // Shown once its catalog is in; if it cannot be loaded, the language stays as it was.
          loadCatalog(l).then(
            () => setLocaleState(l),
            () => {},
          )
        },
      },
    [locale],
  )
  return value ? <I18nContext value={value}>{children}</I18nContext> : null
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n needs an I18nProvider')
  return value
}
