// Orders KooDrive cannot give: by name, in natural order for the UI's language ("File 2" before
// "File 10"; pinyin order for Chinese names in 简体中文), and by size, largest first.
import type { Favorite } from '../../api/favorite'

export function byName(items: readonly Favorite[], locale: string): Favorite[] {
  const { compare } = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
  return items.toSorted((a, b) => compare(a.name, b.name))
}

/** Largest first; files without a size (folders) last, in their starred order (the sort is stable). */
export function bySize(items: readonly Favorite[]): Favorite[] {
  return items.toSorted((a, b) => (b.size ?? -1) - (a.size ?? -1))
}
