// The top bar: title and file type, then sort, thumbnail size, language, theme, shortcuts, disconnect.
import { lazy, Suspense, useState } from 'react'
import { LOCALES, useI18n } from '../../lib/i18n'
import { readPref, writePref } from '../../lib/prefs'
import { useTheme, type Theme } from '../../lib/theme'
import { cn } from '../../ui/cn'
import { Button, Icon, Select } from '../../ui/controls'
import { useMediaQuery } from '../../ui/use-media-query'
import { SORT_LABELS, SORTS, TYPE_FILTER_IDS, type ViewFilter } from '../filters'
import { DisconnectButton } from './disconnect-button'
import { SearchField } from '../search/search-field'
import { DENSITIES, type Density } from '../grid/layout'

const DENSITY_KEY = 'koodrive.density'

/** The sheet narrower screens open for the view options: loaded when the first screen is idle. */
export const loadViewOptionsSheet = () => import('./view-options-sheet')
const ViewOptionsSheet = lazy(() => loadViewOptionsSheet().then((m) => ({ default: m.ViewOptionsSheet })))

export function useDensity(): [Density, (d: Density) => void] {
  const [density, setDensity] = useState<Density>(() => {
    const saved = readPref(DENSITY_KEY)
    return DENSITIES.includes(saved as Density) ? (saved as Density) : 'medium'
  })
  return [
    density,
    (d) => {
      writePref(DENSITY_KEY, d)
      setDensity(d)
    },
  ]
}

export interface HeaderProps {
  filter: ViewFilter
  /** Changes part of the filter. */
  onFilter: (patch: Partial<ViewFilter>) => void
  density: Density
  onDensity: (d: Density) => void
  onShortcuts: () => void
  onSearch: (q: string) => void
}

/** Tailwind's xl: from here every control fits on the header's one line (their labels from 2xl). */
const WIDE = '(min-width: 80rem)'

/**
 * One line at every width: the title, the file type, and the other view settings, which narrower
 * screens find behind "View options" in a sheet, as photo apps do.
 */
export function FavoritesHeader({ filter, onFilter, density, onDensity, onShortcuts, onSearch }: HeaderProps) {
  const { t } = useI18n()
  const wide = useMediaQuery(WIDE)
  const [sheetOpen, setSheetOpen] = useState(false)
  return (
    <div
      className={'relative flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900'}
    >
      <h1 className="mr-auto flex min-w-0 items-center gap-2 text-lg font-semibold">
        <img src="/icon.svg" alt="" className="size-7 shrink-0" />
        {/* On a phone the short name shows, unless a search's query needs the room; the heading's
            name stays the full one. */}
        <span aria-hidden="true" className={cn('truncate sm:hidden', filter.q && 'hidden')}>
          {t('favorites')}
        </span>
        <span className="truncate max-sm:sr-only">{t('appName')}</span>
      </h1>
      <SearchField value={filter.q} onSearch={onSearch} />
      <Select
        label={t('fileType')}
        labelClassName="max-sm:sr-only"
        value={filter.type}
        options={TYPE_FILTER_IDS.map((id) => ({ id, label: t(`type.${id}`) }))}
        onChange={(type) => onFilter({ type })}
      />
      {wide ? (
        <ViewOptions filter={filter} onFilter={onFilter} density={density} onDensity={onDensity} onShortcuts={onShortcuts} />
      ) : (
        <>
          <Button
            size="icon"
            aria-label={t('viewOptions')}
            title={t('viewOptions')}
            aria-haspopup="dialog"
            onClick={() => setSheetOpen(true)}
          >
            <Icon name="options" className="size-5" />
          </Button>
          <Suspense>
            {sheetOpen && (
              <ViewOptionsSheet
                filter={filter}
                onFilter={onFilter}
                density={density}
                onDensity={onDensity}
                onShortcuts={onShortcuts}
                onClose={() => setSheetOpen(false)}
              />
            )}
          </Suspense>
        </>
      )}
    </div>
  )
}

/** Sort, thumbnail size, language, theme, the shortcuts, and Disconnect. */
export function ViewOptions({
  filter,
  onFilter,
  density,
  onDensity,
  onShortcuts,
  inSheet = false,
}: Omit<HeaderProps, 'onSearch'> & { inSheet?: boolean }) {
  const { t, locale, setLocale } = useI18n()
  const [theme, setTheme] = useTheme()
  // On the header line below 2xl the labels make room for the search; they stay the selects' names.
  const labelClassName = inSheet ? undefined : 'max-2xl:sr-only'
  return (
    <>
      <Select
        label={t('sort')}
        labelClassName={labelClassName}
        value={filter.sort}
        options={SORTS.map((id) => ({ id, label: t(SORT_LABELS[id]) }))}
        onChange={(sort) => onFilter({ sort })}
      />
      <Select
        label={t('thumbnailSize')}
        labelClassName={labelClassName}
        value={density}
        options={DENSITIES.map((id) => ({ id, label: t(id) }))}
        onChange={onDensity}
      />
      <Select label={t('language')} labelClassName={labelClassName} value={locale} options={LOCALES} onChange={setLocale} />
      <Select<Theme>
        label={t('theme')}
        labelClassName={labelClassName}
        value={theme}
        options={(['system', 'light', 'dark'] as const).map((id) => ({ id, label: t(id) }))}
        onChange={setTheme}
      />
      <div className={inSheet ? 'flex gap-2 border-t border-slate-200 pt-3 dark:border-slate-700' : 'contents'}>
        <Button
          onClick={onShortcuts}
          aria-keyshortcuts="?"
          aria-label={inSheet ? undefined : t('shortcuts')}
          title={t('shortcuts')}
          size={inSheet ? 'md' : 'icon'}
        >
          <Icon name="keyboard" className="size-5" />
          {inSheet && t('shortcuts')}
        </Button>
        <DisconnectButton className={inSheet ? 'ml-auto' : undefined} />
      </div>
    </>
  )
}
