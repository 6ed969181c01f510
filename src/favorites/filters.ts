// The list's filter, sort and search, as they appear in the URL (?type=images&sort=name&q=report).
import { FILE_TYPES } from '../wire/format'
import type { FileKind } from '../api/favorite'
import type { ListFilter } from '../data/queries'
import { MAX_PAGE_SIZE } from '../wire/format'
import { IMAGE_STYLES } from './grid/thumbnail-size'

export const TYPE_FILTERS = {
  all: undefined,
  folders: FILE_TYPES.folder,
  images: FILE_TYPES.image,
  videos: FILE_TYPES.video,
  word: FILE_TYPES.word,
  excel: FILE_TYPES.excel,
  powerpoint: FILE_TYPES.powerpoint,
  audio: FILE_TYPES.audio,
  archives: FILE_TYPES.archive,
  apps: FILE_TYPES.app,
  others: FILE_TYPES.other,
} as const
export type TypeFilter = keyof typeof TYPE_FILTERS
export const TYPE_FILTER_IDS = Object.keys(TYPE_FILTERS) as TypeFilter[]

/** The filter that shows a kind of file: its name doubles as the kind's label ("Images"). */
export const FILTER_OF_KIND: Record<FileKind, Exclude<TypeFilter, 'all'>> = {
  folder: 'folders',
  image: 'images',
  video: 'videos',
  word: 'word',
  excel: 'excel',
  powerpoint: 'powerpoint',
  audio: 'audio',
  archive: 'archives',
  app: 'apps',
  other: 'others',
}

/** KooDrive sorts by starred time; name and size are sorted here, over every favorite. */
export const SORTS = ['newest', 'oldest', 'name', 'size'] as const
export type Sort = (typeof SORTS)[number]
export const SORT_LABELS = { newest: 'newest', oldest: 'oldest', name: 'byName', size: 'bySize' } as const
/** Sorts that need every favorite loaded first. */
export const needsAll = (sort: Sort) => sort === 'name' || sort === 'size'

export interface ViewFilter {
  type: TypeFilter
  sort: Sort
  /** The search as typed ('' for none). */
  q: string
}

export function readFilter(params: URLSearchParams): ViewFilter {
  const type = params.get('type')
  const sort = params.get('sort') as Sort
  return {
    type: type && Object.hasOwn(TYPE_FILTERS, type) ? (type as TypeFilter) : 'all',
    sort: SORTS.includes(sort) ? sort : 'newest',
    q: params.get('q') ?? '',
  }
}

/** What the list asks KooDrive for, for a filter: also the first page Connect loads as its check. */
export function listFilter(filter: Pick<ViewFilter, 'type' | 'sort'>): ListFilter {
  return {
    fileType: TYPE_FILTERS[filter.type],
    sortDirection: filter.sort === 'oldest' ? 'asc' : 'desc',
    pageSize: MAX_PAGE_SIZE,
    imageProcess: IMAGE_STYLES,
  }
}

/**
 * The URL's params as they are now. The router renders in a transition, so what the last render
 * read can be behind the URL (a key typed a moment ago): changes are made to these instead.
 */
export const currentParams = () => new URLSearchParams(window.location.search)

/** `params` with part of the filter changed. */
export const withFilter = (params: URLSearchParams, patch: Partial<ViewFilter>) => writeFilter(params, { ...readFilter(params), ...patch })

/** Writes a filter into URL params, leaving defaults out so that links stay short. */
export function writeFilter(params: URLSearchParams, filter: ViewFilter): URLSearchParams {
  const next = new URLSearchParams(params)
  const set = (key: string, value: string, fallback: string) => (value === fallback ? next.delete(key) : next.set(key, value))
  set('type', filter.type, 'all')
  set('sort', filter.sort, 'newest')
  set('q', filter.q, '')
  return next
}
