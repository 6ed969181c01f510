// The list's filter and sort, as they appear in the URL (?type=images&sort=oldest).
import { FILE_TYPES } from '../wire/format'
import type { FileKind } from '../api/favorite'
import type { SortDirection } from '../api/endpoints'
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

export interface ViewFilter {
  type: TypeFilter
  sort: SortDirection
}

export function readFilter(params: URLSearchParams): ViewFilter {
  const type = params.get('type')
  return {
    type: type && Object.hasOwn(TYPE_FILTERS, type) ? (type as TypeFilter) : 'all',
    sort: params.get('sort') === 'oldest' ? 'asc' : 'desc',
  }
}

/** What the list asks KooDrive for, for a filter: also the first page Connect loads as its check. */
export function listFilter(filter: ViewFilter): ListFilter {
  return { fileType: TYPE_FILTERS[filter.type], sortDirection: filter.sort, pageSize: MAX_PAGE_SIZE, imageProcess: IMAGE_STYLES }
}

/** Writes a filter into URL params, leaving defaults out so that links stay short. */
export function writeFilter(params: URLSearchParams, filter: ViewFilter): URLSearchParams {
  const next = new URLSearchParams(params)
  if (filter.type === 'all') next.delete('type')
  else next.set('type', filter.type)
  if (filter.sort === 'desc') next.delete('sort')
  else next.set('sort', 'oldest')
  return next
}
