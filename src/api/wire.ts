// The KooDrive wire format: the documented shapes (what our server sends) and lenient schemas
// (what the client accepts from any server that honours the pages, NOTES.md variants included).
import * as v from 'valibot'

export const API_PREFIX = '/koodrive/ose/v1/star'
export const LIST_PATH = `${API_PREFIX}/files`
export const BATCH_PATH = `${API_PREFIX}/batch`
export const MAX_PAGE_SIZE = 100

// ---- X-Date: yyyyMMdd'T'HHmmss'Z', UTC; written by the client, checked by the server ----

const X_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

export function formatXDate(ms: number): string {
  return new Date(ms).toISOString().replace(/-|:|\.\d{3}/g, '')
}

/** Parses the X-Date form strictly: a real UTC date, or undefined. */
export function parseXDate(value: string): number | undefined {
  const m = X_DATE.exec(value)
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const t = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(t)
  const real = back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60
  return real ? t : undefined
}
export const MAX_BATCH = 100

/** fileType codes from the list page (compared as strings, see NOTES.md). */
export const FILE_TYPES = {
  folder: '10',
  smartFolder: '11',
  image: '15',
  video: '20',
  word: '26',
  excel: '27',
  powerpoint: '28',
  audio: '30',
  archive: '35',
  app: '40',
  other: '45',
} as const
export const FILE_TYPE_CODES: readonly string[] = Object.values(FILE_TYPES)

// ---- The documented shapes, as our embedded server sends them ----

export interface WireUser {
  category: string
  userId: string
  me: boolean
  permissionId: string
}
export interface WireUrl {
  url: string
  method: string
}
export interface WireImage {
  process: string
  downloadUrl: WireUrl
}
export interface WireSliceObject {
  id: string
  start: number
  downloadUrl: WireUrl
  images: WireImage[]
}
export interface WireAttachment {
  usage: string
  hash: string
  sha256: string
  asset: { resource: { objects: WireSliceObject[] } }
}
export interface WireDownloadLink {
  usage: string
  downloadLink: string
}
export type WireCapabilities = Record<
  | 'addChildNodePermission'
  | 'copyPermission'
  | 'deletePermission'
  | 'downloadPermission'
  | 'editPermission'
  | 'listChildNodePermission'
  | 'removeChildNodePermission'
  | 'renameFilePermission'
  | 'shareFilePermission'
  | 'uploadPermission'
  | 'viewPermission',
  boolean
>
export interface WireStarFile {
  id: string
  fileName: string
  fileType: string
  mimeType: string
  favorite: boolean
  recycled: boolean
  parentFolder: string[]
  properties: Record<string, string>
  containers: string[]
  createdTime: string
  editedTime: string
  owners: WireUser[]
  lastEditor: WireUser
  fileSuffix: string
  size: number
  sha256: string
  attachments: WireAttachment[]
  downloadLinks: WireDownloadLink[]
  userProperties: { properties: Record<string, string> }
  starredTime: string
  filePath: string
  spaceType: string
  invalid: number
  hidden: boolean
  userCapabilities: WireCapabilities
}
export interface WireListResponse {
  nextCursor?: string
  autoDeleted: number
  starFileList: WireStarFile[]
  code: string
  msg: string
}
export interface WireBatchRequest {
  starred: boolean
  subRequestList: { containerId: string; fileId: string }[]
}
export interface WireSubResponse {
  fileId: string
  code: string
  message: string
}
export interface WireBatchResponse {
  status: 0 | 1 | 2
  subResponseList: WireSubResponse[]
  code: string
  msg: string
}

// ---- Lenient schemas: accept every reading a real server could send, ignore unknown fields ----

/** A field that is dropped (undefined) rather than failing the whole file when it is off. */
const soft = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined)

const str = v.union([v.string(), v.pipe(v.number(), v.transform(String))])
const num = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number))])
const bool = v.union([
  v.boolean(),
  v.pipe(
    v.picklist(['true', 'false', 0, 1, '0', '1']),
    v.transform((x) => x === 'true' || x === 1 || x === '1'),
  ),
])
const urlObject = v.looseObject({ url: soft(v.string()) })

const imageSchema = v.looseObject({
  process: soft(v.string()),
  downloadUrl: soft(urlObject),
})
const sliceObjectSchema = v.looseObject({
  images: soft(v.array(v.fallback(imageSchema, {}))),
})
const attachmentSchema = v.looseObject({
  usage: soft(v.string()),
  asset: soft(
    v.looseObject({
      resource: soft(
        v.looseObject({
          // The table says `objects` (array); the example says `object` (one). Accept both.
          objects: soft(v.array(v.fallback(sliceObjectSchema, {}))),
          object: soft(sliceObjectSchema),
        }),
      ),
    }),
  ),
})
const userSchema = v.looseObject({ userId: soft(v.string()), me: soft(bool) })

export const starFileSchema = v.looseObject({
  id: v.pipe(str, v.minLength(1)),
  fileName: soft(v.string()),
  fileType: soft(str),
  mimeType: soft(v.string()),
  fileSuffix: soft(v.string()),
  recycled: soft(bool),
  hidden: soft(bool),
  invalid: soft(num),
  size: soft(num),
  containers: soft(v.array(str)),
  parentFolder: soft(v.array(str)),
  createdTime: soft(str),
  editedTime: soft(str),
  starredTime: soft(str),
  filePath: soft(v.string()),
  spaceType: soft(str),
  owners: soft(v.array(v.fallback(userSchema, {}))),
  lastEditor: soft(userSchema),
  attachments: soft(v.array(v.fallback(attachmentSchema, {}))),
  downloadLinks: soft(
    v.union([
      v.array(v.fallback(v.looseObject({ usage: soft(v.string()), downloadLink: soft(v.string()) }), {})),
      // The table says "Array of DownloadLink"; tolerate a single object too.
      v.pipe(
        v.looseObject({ usage: soft(v.string()), downloadLink: soft(v.string()) }),
        v.transform((x) => [x]),
      ),
    ]),
  ),
  userCapabilities: soft(v.record(v.string(), v.fallback(v.optional(bool), undefined))),
})
export type StarFileInput = v.InferOutput<typeof starFileSchema>

/** `code` is a String in the tables and the number 0 in the example: both mean success. */
export const isSuccessCode = (code: unknown) => code === undefined || code === 0 || code === '0'

export const listResponseSchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  msg: soft(v.string()),
  nextCursor: v.nullish(v.string()),
  autoDeleted: soft(num),
  // Items are checked one by one (see toFavorite) so that one odd file cannot hide a page.
  starFileList: v.optional(v.array(v.unknown()), []),
})

export const batchResponseSchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  msg: soft(v.string()),
  status: v.optional(num),
  subResponseList: v.optional(
    v.array(
      v.looseObject({
        fileId: str,
        code: v.optional(v.union([v.string(), v.number()])),
        message: soft(v.string()),
        msg: soft(v.string()),
      }),
    ),
    [],
  ),
})

export const errorBodySchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  msg: soft(v.string()),
  message: soft(v.string()),
})
