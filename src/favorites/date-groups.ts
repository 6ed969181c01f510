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
    return { key: `m${date.getMonth()}`, label: new Intl.DateTimeFormat(locale, { month: 'long' }).format(date) }
  }
  return { key: `y${date.getFullYear()}`, label: new Intl.DateTimeFormat(locale, { year: 'numeric' }).format(date) }
}
