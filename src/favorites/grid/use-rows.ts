// The grid's rows for the favorites shown: date headers (in the UI's language) and rows of tiles.
import { useMemo } from 'react'
import type { Favorite } from '../../api/favorite'
import { useI18n } from '../../lib/i18n'
import { dateGrouper } from './date-groups'
import { buildRows } from './layout'

export function useRows(items: Favorite[], columns: number, grouped: boolean) {
  const { t, locale } = useI18n()
  const labels = useMemo(() => ({ today: t('today'), yesterday: t('yesterday'), thisWeek: t('thisWeek') }), [t])
  return useMemo(() => {
    // Today, Yesterday and This week are relative to when the rows are built (each list change).
    // eslint-disable-next-line react-hooks/purity
    const groupOf = dateGrouper(Date.now(), locale, labels)
    return buildRows(items, columns, grouped ? (f) => groupOf(f.starredAt) : undefined)
  }, [items, columns, grouped, locale, labels])
}
