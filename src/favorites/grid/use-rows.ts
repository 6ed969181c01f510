// The grid's rows for the favorites shown: date headers (in the UI's language) and rows of tiles;
// and how many rows beyond the viewport it renders.
import { useEffect, useMemo, useState } from 'react'
import type { Favorite } from '../../api/favorite'
import { useI18n } from '../../lib/i18n'
import { dateGrouper } from './date-groups'
import { afterPaint } from '../../lib/idle'
import { buildRows, OVERSCAN, type Row } from './layout'
import { earlierList } from '../loaded'

/** The rows built for each list, with what they were built for. */
const built = new WeakMap<readonly Favorite[], { rows: Row[]; layout: string }>()

export function useRows(items: Favorite[], columns: number, grouped: boolean) {
  const { t, locale } = useI18n()
  const labels = useMemo(() => ({ today: t('today'), yesterday: t('yesterday'), thisWeek: t('thisWeek') }), [t])
  return useMemo(() => {
    // Today, Yesterday and This week are relative to when the rows are built (each list change).
    // eslint-disable-next-line react-hooks/purity
    const now = Date.now()
    const groupOf = dateGrouper(now, locale, labels)
    const layout = grouped ? `${columns} ${locale} ${labels.today} ${new Date(now).toDateString()}` : `${columns}`
    // A list that is an earlier one plus a page goes on from the earlier one's rows.
    const earlier = earlierList(items)
    const before = earlier && built.get(earlier)
    const rows = buildRows(
      items,
      columns,
      grouped ? (f) => groupOf(f.starredAt) : undefined,
      before?.layout === layout ? before.rows : undefined,
    )
    built.set(items, { rows, layout })
    return rows
  }, [items, columns, grouped, locale, labels])
}

/**
 * None at first: the first render has only the rows in view, so the first thumbnails wait for no
 * tile below the fold (its render, layout and thumbnail). The overscan follows the first paint.
 */
export function useOverscan(hasRows: boolean): number {
  const [overscan, setOverscan] = useState(0)
  useEffect(() => {
    if (overscan > 0 || !hasRows) return
    let current = true
    void afterPaint().then(() => current && setOverscan(OVERSCAN))
    return () => void (current = false)
  }, [overscan, hasRows])
  return overscan
}
