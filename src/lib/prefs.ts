// Small settings kept in Web Storage (theme, language, thumbnail size, who is remembered). Storage
// can be blocked (a privacy setting makes even reading `localStorage` throw): the app then works
// with its defaults and remembers nothing, instead of failing before it can show anything.

type Area = 'local' | 'session'

function area(which: Area): Storage | undefined {
  try {
    return which === 'local' ? localStorage : sessionStorage
  } catch {
    return undefined
  }
}

export function readPref(key: string, which: Area = 'local'): string | undefined {
  try {
    return area(which)?.getItem(key) ?? undefined
  } catch {
    return undefined
  }
}

/** Writes (or, with undefined, removes) a setting; false when storage refused it. */
export function writePref(key: string, value: string | undefined, which: Area = 'local'): boolean {
  try {
    const storage = area(which)
    if (!storage) return false
    if (value === undefined) storage.removeItem(key)
    else storage.setItem(key, value)
    return true
  } catch {
    return false
  }
}
