// The tests' "now": pinned, never the wall clock. Seed, server and browser all start from it.
// TEST_NOW (an ISO 8601 instant) moves it, e.g. to just after or before local midnight.

function parseNow(raw: string | undefined): number | undefined {
  if (!raw) return undefined
  const t = Date.parse(raw)
  if (Number.isNaN(t)) throw new Error(`TEST_NOW must be an ISO 8601 instant, got "${raw}"`)
  return t
}

/** Wednesday 18 March 2026, 12:00 UTC, unless TEST_NOW says otherwise. */
export const TEST_NOW = parseNow(process.env.TEST_NOW) ?? Date.UTC(2026, 2, 18, 12, 0, 0)

/** A clock that reads `start` now and then runs at real speed, so timeouts and X-Date still work. */
export function runningClock(start = TEST_NOW): () => number {
  const t0 = performance.now()
  return () => start + Math.round(performance.now() - t0)
}

/** The time zone this process runs in; the browser is given the same one. */
export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone
