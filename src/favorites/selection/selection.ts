// The selection as a value: which files, and the anchor that Shift extends from. Pure functions,
// so every gesture (click, keys, marquee, date header) is one well-tested transition.

export interface Selection {
  readonly ids: ReadonlySet<string>
  /** Where the last plain or Ctrl click landed; Shift ranges start here. */
  readonly anchor?: string
}

export const NO_SELECTION: Selection = { ids: new Set() }

/** A plain click: this file alone. */
export function selectOnly(id: string): Selection {
  return { ids: new Set([id]), anchor: id }
}

/** Ctrl/Cmd-click, Space, a tap in selection mode. */
export function toggle(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids)
  if (!ids.delete(id)) ids.add(id)
  return { ids, anchor: id }
}

/**
 * Shift-click or Shift+arrow: from the anchor to `to` in the order shown, across pages and date
 * groups. `additive` (Ctrl+Shift) keeps what was selected before. Without an anchor in `order`,
 * it starts a new selection at `to`.
 */
export function selectRange(selection: Selection, order: readonly string[], to: string, additive = false): Selection {
  const from = selection.anchor === undefined ? -1 : order.indexOf(selection.anchor)
  const end = order.indexOf(to)
  if (end < 0) return selection
  if (from < 0) return selectOnly(to)
  const ids = new Set(additive ? selection.ids : [])
  for (let i = Math.min(from, end); i <= Math.max(from, end); i++) ids.add(order[i]!)
  return { ids, anchor: selection.anchor }
}

/** Select (or, with `on` false, unselect) many at once: a date group, a marquee. */
export function setMany(selection: Selection, ids: Iterable<string>, on: boolean): Selection {
  const next = new Set(selection.ids)
  for (const id of ids) {
    if (on) next.add(id)
    else next.delete(id)
  }
  return { ids: next, anchor: selection.anchor }
}

/** Ctrl/Cmd+A: everything loaded. */
export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] }
}

/** Files that left the list leave the selection; the same object comes back when none did. */
export function keepPresent(selection: Selection, present: (id: string) => boolean): Selection {
  let ids: Set<string> | undefined
  for (const id of selection.ids) {
    if (!present(id)) (ids ??= new Set(selection.ids)).delete(id)
  }
  if (!ids) return selection
  return { ids, anchor: selection.anchor !== undefined && present(selection.anchor) ? selection.anchor : undefined }
}

/** The selected files among `items`, in their order. */
export function selectedIn<T extends { id: string }>(selection: Selection, items: readonly T[]): T[] {
  return selection.ids.size === 0 ? [] : items.filter((item) => selection.ids.has(item.id))
}

/** How a component asks for a new selection: a function of the current one. */
export type SelectionUpdate = (update: (selection: Selection) => Selection) => void
