// Small settings kept in Web Storage (theme, language, thumbnail size, who is remembered). Storage
// can be blocked (a privacy setting makes even reading `localStorage` throw): the app then works
// with its defaults and remembers nothing, instead of failing before it can show anything.

type Area = 'local' | 'session'
const storage = (area: Area) => (area === 'local' ? localStorage : sessionStorage)

export function readPref(key: string, area: Area = 'local'): string | undefined {
  try {
    return storage(area).getItem(key) ?? undefined
  } catch {
    return undefined
  }
}

/** Writes (or, with undefined, removes) a setting; storage that refuses it is left as it is. */
export function writePref(key: string, value: string | undefined, area: Area = 'local') {
  try {
    if (value === undefined) storage(area).removeItem(key)
    else storage(area).setItem(key, value)
  } catch {
    // blocked or full: the setting lasts as long as the page
  }
}
