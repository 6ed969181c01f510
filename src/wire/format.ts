// The KooDrive wire format: paths, limits, X-Date, and the documented shapes (what our server
// sends). What the client accepts from any server is in wire-schemas.ts.

export const API_PREFIX = '/koodrive/ose/v1/star'
export const LIST_PATH = `${API_PREFIX}/files`
export const BATCH_PATH = `${API_PREFIX}/batch`
export const MAX_PAGE_SIZE = 100

// ---- The app's own server: the session it holds for the browser (not a KooDrive endpoint) ----

/** GET who is connected, POST connect (token and user ID), DELETE disconnect. */
export const SESSION_PATH = '/koodrive/session'
/** Sent with every call through the session: a header that a form or a cross-site page cannot add. */
export const SESSION_HEADER = 'x-requested-with'
export const SESSION_HEADER_VALUE = 'koodrive-favorites'

// ---- X-Date: yyyyMMdd'T'HHmmss'Z', UTC; written by the client, checked by the server ----

/** How old an X-Date KooDrive still accepts. */
export const X_DATE_WINDOW_MS = 15 * 60_000
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
