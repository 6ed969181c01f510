// Date headers for the grid: Today, Yesterday, This week, then months of this year, then years.
const DAY = 86_400_000

export interface DateGroup {
  key: string
  label: string
}

export interface GroupLabels {
  today: string
  yesterday: string
  thisWeek: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()
/** Building an Intl formatter costs far more than using one; rows are rebuilt for every page. */
function formatter(locale: string, kind: 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, kind === 'month' ? { month: 'long' } : { year: 'numeric' })))
  return f
}

/** The group of a starred time, seen from `now` in the local time zone; weeks start on Monday. */
export function dateGroup(starredAt: number | undefined, now: number, locale: string, labels: GroupLabels): DateGroup {
  if (starredAt === undefined) return { key: 'unknown', label: '—' }
  const startOfToday = new Date(now)
  startOfToday.setHours(0, 0, 0, 0)
  const today = startOfToday.getTime()
  const weekday = (startOfToday.getDay() + 6) % 7
  if (starredAt >= today) return { key: 'today', label: labels.today }
  if (starredAt >= today - DAY) return { key: 'yesterday', label: labels.yesterday }
  if (starredAt >= today - weekday * DAY) return { key: 'week', label: labels.thisWeek }
  const date = new Date(starredAt)
  if (date.getFullYear() === startOfToday.getFullYear()) {
    return { key: `m${date.getMonth()}`, label: formatter(locale, 'month').format(date) }
  }
  return { key: `y${date.getFullYear()}`, label: formatter(locale, 'year').format(date) }
}
