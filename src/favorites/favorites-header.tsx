// The top bar: title, file type, sort, thumbnail size, language, theme, disconnect.
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { LOCALES, useI18n, type MessageKey } from '../app/i18n'
import { session } from '../app/session'
import { useTheme, type Theme } from '../app/theme'
import { Button, Select } from '../ui/controls'
import { TYPE_FILTER_IDS, type ViewFilter } from './filters'
import { DENSITIES, type Density } from './layout'

const DENSITY_KEY = 'koodrive.density'

export function useDensity(): [Density, (d: Density) => void] {
  const [density, setDensity] = useState<Density>(() => {
    const saved = localStorage.getItem(DENSITY_KEY)
    return DENSITIES.includes(saved as Density) ? (saved as Density) : 'medium'
  })
  return [
    density,
    (d) => {
      localStorage.setItem(DENSITY_KEY, d)
      setDensity(d)
    },
  ]
}

interface HeaderProps {
  filter: ViewFilter
  onFilter: (f: ViewFilter) => void
  density: Density
  onDensity: (d: Density) => void
  onShortcuts: () => void
}

export function FavoritesHeader({ filter, onFilter, density, onDensity, onShortcuts }: HeaderProps) {
  const { t, locale, setLocale } = useI18n()
  const [theme, setTheme] = useTheme()
  const queryClient = useQueryClient()
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
      <h1 className="mr-auto flex items-center gap-2 text-lg font-semibold">
        <img src="/icon.svg" alt="" className="h-7 w-7" />
        {t('appName')}
      </h1>
      <Select
        label={t('fileType')}
        value={filter.type}
        options={TYPE_FILTER_IDS.map((id) => ({ id, label: t(`type.${id}` as MessageKey) }))}
        onChange={(type) => onFilter({ ...filter, type })}
      />
      <Select
        label={t('sort')}
        value={filter.sort === 'asc' ? 'oldest' : 'newest'}
        options={[
          { id: 'newest', label: t('newest') },
          { id: 'oldest', label: t('oldest') },
        ]}
        onChange={(sort) => onFilter({ ...filter, sort: sort === 'oldest' ? 'asc' : 'desc' })}
      />
      <Select label={t('thumbnailSize')} value={density} options={DENSITIES.map((id) => ({ id, label: t(id) }))} onChange={onDensity} />
      <Select label={t('language')} value={locale} options={LOCALES} onChange={setLocale} />
      <Select<Theme>
        label={t('theme')}
        value={theme}
        options={(['system', 'light', 'dark'] as const).map((id) => ({ id, label: t(id) }))}
        onChange={setTheme}
      />
      <Button onClick={onShortcuts} aria-keyshortcuts="?" aria-label={t('shortcuts')} title={t('shortcuts')} size="icon">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
          <rect x="2.5" y="6" width="19" height="12" rx="2" />
          <path d="M6 10h1M9.5 10h1M13 10h1M16.5 10h1M6 14h1M9 14h6M16.5 14h1" strokeLinecap="round" />
        </svg>
      </Button>
      <Button
        onClick={() => {
          // Forget everything of this user: the token and every cached page.
          session.disconnect()
          queryClient.clear()
        }}
      >{t('disconnect')}</Button>
    </header>
  )
}
