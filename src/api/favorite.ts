// The app's own model of a favorite, and the one place that turns the wire shape into it.
import * as v from 'valibot'
import { FILE_TYPES, parseXDate } from '../wire/format'
import { starFileSchema, type StarFileInput } from '../wire/schemas'

/**
 * The app's own kinds of file and of space. Wire codes are turned into these here, at the
 * boundary, and a code the pages do not list becomes 'other': nothing past this file ever
 * builds a message key or a lookup from a raw code.
 */
export type FileKind = Exclude<keyof typeof FILE_TYPES, 'smartFolder'>
export type SpaceKind = 'individual' | 'team' | 'recycleBin' | 'noAccess' | 'other'

const KIND_BY_CODE = new Map<string, FileKind>(
  Object.entries(FILE_TYPES).map(([kind, code]) => [code, kind === 'smartFolder' ? 'folder' : (kind as FileKind)]),
)
const SPACE_BY_CODE = new Map<string, SpaceKind>([
  ['1', 'individual'],
  ['2', 'team'],
  ['3', 'recycleBin'],
  ['4', 'noAccess'],
])

export const fileKind = (code: string | undefined): FileKind => (code !== undefined && KIND_BY_CODE.get(code)) || 'other'
export const spaceKind = (code: string | undefined): SpaceKind | undefined =>
  code === undefined || code === '' ? undefined : (SPACE_BY_CODE.get(code) ?? 'other')

export interface Thumbnail {
  /** The box the style asked for (w_, h_). */
  width: number
  height: number
  url: string
  /**
   * 'cover': the image fills that box at least (m_mfit, m_fill, m_fixed), so each side is known
   * to be as large; 'contain': it fits inside it (m_lfit, m_pad), so only its long side is.
   */
  fit: 'cover' | 'contain'
}

export interface Favorite {
  id: string
  name: string
  /** From the wire's fileType code; 'other' when the server sent none or one the pages do not list. */
  type: FileKind
  suffix?: string
  size?: number
  createdAt?: number
  editedAt?: number
  starredAt?: number
  recycled: boolean
  hidden: boolean
  expired: boolean
  containerId?: string
  path?: string
  spaceType?: SpaceKind
  owner?: { id: string; me: boolean }
  /** Smallest first. Only http(s) URLs survive. */
  thumbnails: Thumbnail[]
  /** The `content` download link, http(s) only. */
  contentUrl?: string
  canDownload: boolean
  /**
   * Whether this screen shows it as a favorite: true as listed; false once a removal was asked
   * for (the grid hides it then, and an Undo or a failure sets it back in place).
   */
  starred: boolean
}

/** An absolute http(s) URL, or undefined: `javascript:`, `data:` and garbage never get through. */
export function safeHttpUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined
  try {
    const url = new URL(raw.trim(), base)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** KooDrive times come as ISO 8601, as X-Date's compact form, or as epoch numbers. */
export function parseTime(raw: string | undefined): number | undefined {
  if (!raw) return undefined
  const s = raw.trim()
  const compact = parseXDate(s)
  if (compact !== undefined) return compact
  if (/^\d+$/.test(s)) {
    const n = Number(s)
    return n > 1e11 ? n : n * 1000
  }
  const t = Date.parse(s)
  return Number.isNaN(t) ? undefined : t
}

/** `image/resize,m_mfit,h_128,w_128` -> {width: 128, height: 128, fit: 'cover'}; OBS's default mode is lfit. */
export function parseProcessSize(process: string | undefined): Omit<Thumbnail, 'url'> | undefined {
  if (!process) return undefined
  const w = /(?:^|,)w_(\d+)/.exec(process)
  const h = /(?:^|,)h_(\d+)/.exec(process)
  if (!w && !h) return undefined
  const width = Number(w?.[1] ?? h?.[1])
  const height = Number(h?.[1] ?? w?.[1])
  const mode = /(?:^|,)m_(\w+)/.exec(process)?.[1]
  return { width, height, fit: mode === 'mfit' || mode === 'fill' || mode === 'fixed' ? 'cover' : 'contain' }
}

/** Shared by every file without a thumbnail. */
const NO_THUMBNAILS: Thumbnail[] = []

function thumbnailsOf(file: StarFileInput, base?: string): Thumbnail[] {
  const byUrl = new Map<string, Thumbnail>()
  for (const attachment of file.attachments ?? []) {
    const resource = attachment.asset?.resource
    const objects = [...(resource?.objects ?? []), ...(resource?.object ? [resource.object] : [])]
    for (const object of objects) {
      for (const image of object.images ?? []) {
        const url = safeHttpUrl(image.downloadUrl?.url, base)
        const size = parseProcessSize(image.process)
        if (url && size && !byUrl.has(url)) byUrl.set(url, { ...size, url })
      }
    }
  }
  if (byUrl.size === 0) return NO_THUMBNAILS
  return [...byUrl.values()].sort((a, b) => a.width * a.height - b.width * b.height)
}

const truthy = (x: boolean | undefined) => x === true

/**
 * Values that repeat across thousands of favorites, kept once: a space's ID (41 characters in
 * the pages' examples), a folder's path and an owner. JSON.parse makes a new string of each; V8 shares only short
 * ones. Bounded, so a drive with unusually many spaces costs no more than it did before.
 */
function keptOnce<T>(): (key: string, value: T) => T {
  const known = new Map<string, T>()
  return (key, value) => {
    const kept = known.get(key)
    if (kept !== undefined) return kept
    if (known.size < 10_000) known.set(key, value)
    return value
  }
}
const spaceId = keptOnce<string>()
const folderPath = keptOnce<string>()
const ownerOf = keptOnce<NonNullable<Favorite['owner']>>()

/** One wire item to a Favorite, or undefined when it is not a file at all (no id). */
export function toFavorite(raw: unknown, base?: string): Favorite | undefined {
  const parsed = v.safeParse(starFileSchema, raw)
  if (!parsed.success) return undefined
  const f = parsed.output
  const owner = f.owners?.find((o) => o.userId) ?? undefined
  const content = f.downloadLinks?.find((l) => l.usage === 'content') ?? f.downloadLinks?.find((l) => !l.usage)
  return {
    id: f.id,
    name: f.fileName || f.id,
    type: fileKind(f.fileType),
    suffix: f.fileSuffix,
    size: f.size !== undefined && f.size >= 0 ? f.size : undefined,
    createdAt: parseTime(f.createdTime),
    editedAt: parseTime(f.editedTime),
    starredAt: parseTime(f.starredTime),
    recycled: truthy(f.recycled),
    hidden: truthy(f.hidden),
    expired: f.invalid === 1,
    containerId: f.containers?.[0] && spaceId(f.containers[0], f.containers[0]),
    path: f.filePath && folderPath(f.filePath, f.filePath),
    spaceType: spaceKind(f.spaceType),
    owner: owner?.userId ? ownerOf(`${owner.me === true} ${owner.userId}`, { id: owner.userId, me: truthy(owner.me) }) : undefined,
    thumbnails: thumbnailsOf(f, base),
    contentUrl: safeHttpUrl(content?.downloadLink, base),
    canDownload: f.userCapabilities?.downloadPermission !== false,
    starred: true,
  }
}
