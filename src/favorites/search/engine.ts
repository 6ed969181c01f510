// The search and sort code, a chunk of its own: loaded when a search or a name or size sort
// starts (or while the browser is idle), not with the first screen.
export { filterByName, matchRanges } from './match'
export { byName, bySize } from './order'
