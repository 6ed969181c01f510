// What the embedded KooDrive reads from a request, checked as KooDrive checks it: the headers
// every call carries, the list's query and cursor, and the batch body.
import type { IncomingMessage } from 'node:http'
import { FILE_TYPE_CODES, MAX_BATCH, MAX_PAGE_SIZE, parseXDate, X_DATE_WINDOW_MS } from '../wire/format'
import type { ServerConfig } from './config'
import { HttpError } from './http'
import type { Position } from './store'
import { DEFAULT_STYLE, parseStyle } from './thumbnail-style'

const MAX_STYLES = 8

const unauthorized = (msg: string) => new HttpError(401, 'APIGW.0301', msg)
const badRequest = (msg: string) => new HttpError(400, '400', msg)

// The server checks X-Date with the same definition the client writes it by (src/wire/format.ts).
export { parseXDate }

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Checks the headers every KooDrive call carries; throws 401 with what was wrong. */
export function authenticate(req: IncomingMessage, config: ServerConfig): string {
  const authorization = header(req, 'authorization')
  if (!authorization) throw unauthorized('Authorization header is missing')
  // "Bearer+{token}" in the pages is a URL-encoded space: accept both spellings.
  // The scheme name is case-insensitive in HTTP (RFC 9110, 11.1): `bearer x` is the same.
  const m = /^Bearer[ +](\S+)$/i.exec(authorization)
  if (!m) throw unauthorized('Authorization must be "Bearer <access token>"')
  if (m[1] !== config.demoToken) throw unauthorized('The access token is invalid or has expired')
  const userId = header(req, 'x-user-id')
  if (!userId) throw unauthorized('X-User-Id header is missing')
  if (userId !== config.demoUserId) throw unauthorized('X-User-Id does not match the access token')
  const xDate = header(req, 'x-date')
  if (!xDate) throw unauthorized('X-Date header is missing')
  const sent = parseXDate(xDate)
  if (sent === undefined) throw unauthorized(`X-Date "${xDate}" is not in the format yyyyMMdd'T'HHmmss'Z'`)
  const now = config.now()
  if (sent > now) throw unauthorized(`X-Date ${xDate} is later than the server time`)
  if (sent < now - X_DATE_WINDOW_MS) throw unauthorized(`X-Date ${xDate} is more than 15 minutes old`)
  return userId
}

// ---- cursors: opaque to clients, checked on the way back ----

interface Cursor extends Position {
  descending: boolean
  fileType: string
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([1, c.starredTime, c.id, c.descending ? 2 : 1, c.fileType])).toString('base64url')
}

function decodeCursor(value: string): Cursor | undefined {
  try {
    const [version, starredTime, id, direction, fileType] = JSON.parse(Buffer.from(value, 'base64url').toString()) as unknown[]
    if (version !== 1 || !Number.isSafeInteger(starredTime) || typeof id !== 'string' || typeof fileType !== 'string') return undefined
    if (direction !== 1 && direction !== 2) return undefined
    return { starredTime: starredTime as number, id, descending: direction === 2, fileType }
  } catch {
    return undefined
  }
}

// ---- list ----

interface ListRequest {
  limit: number
  descending: boolean
  fileType?: string
  after?: Position
  styles: string[]
}

export function parseListQuery(query: string): ListRequest {
  const params = new URLSearchParams(query)
  const pageSize = params.get('pageSize')
  let limit = MAX_PAGE_SIZE
  if (pageSize !== null) {
    limit = Number(pageSize)
    if (!/^\d+$/.test(pageSize) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw badRequest(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${pageSize}"`)
    }
  }
  const sortType = params.get('sortType')
  if (sortType !== null && sortType !== '1') throw badRequest(`sortType must be 1 (time added to favorites), got "${sortType}"`)
  const sortDirection = params.get('sortDirection')
  if (sortDirection !== null && sortDirection !== '1' && sortDirection !== '2') {
    throw badRequest(`sortDirection must be 1 (ascending) or 2 (descending), got "${sortDirection}"`)
  }
  const descending = sortDirection !== '1'
  const fileType = params.get('fileType') ?? undefined
  if (fileType !== undefined && !FILE_TYPE_CODES.includes(fileType)) {
    throw badRequest(`fileType must be one of ${FILE_TYPE_CODES.join(', ')}, got "${fileType}"`)
  }
  const styles = (params.get('imageProcess') || DEFAULT_STYLE).split(';').filter(Boolean)
  if (styles.length > MAX_STYLES) throw badRequest(`imageProcess holds ${styles.length} styles; at most ${MAX_STYLES}`)
  for (const style of styles) {
    const parsed = parseStyle(style)
    if (typeof parsed === 'string') throw badRequest(parsed)
  }
  const pageCursor = params.get('pageCursor')
  let after: Position | undefined
  if (pageCursor) {
    const cursor = decodeCursor(pageCursor)
    if (!cursor) throw badRequest('pageCursor is not a cursor this server issued')
    if (cursor.descending !== descending || cursor.fileType !== (fileType ?? '')) {
      throw badRequest('pageCursor belongs to a list with another sortDirection or fileType')
    }
    after = { starredTime: cursor.starredTime, id: cursor.id }
  }
  return { limit, descending, fileType, after, styles: [...new Set(styles)] }
}

// ---- batch ----

interface BatchRequest {
  starred: boolean
  entries: { fileId: string; containerId: string }[]
}

export function parseBatchBody(raw: Buffer): BatchRequest {
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch {
    throw badRequest('Request body is not valid JSON')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Request body must be a JSON object')
  const { starred, subRequestList } = body as Record<string, unknown>
  if (typeof starred !== 'boolean') throw badRequest('starred must be true or false')
  if (!Array.isArray(subRequestList)) throw badRequest('subRequestList must be an array')
  if (subRequestList.length < 1 || subRequestList.length > MAX_BATCH) {
    throw badRequest(`subRequestList must hold 1 to ${MAX_BATCH} files, got ${subRequestList.length}`)
  }
  const seen = new Set<string>()
  const entries = subRequestList.map((entry: unknown, i) => {
    const { fileId, containerId } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>
    if (typeof fileId !== 'string' || fileId === '') throw badRequest(`subRequestList[${i}].fileId must be a non-empty string`)
    if (typeof containerId !== 'string' || containerId === '')
      throw badRequest(`subRequestList[${i}].containerId must be a non-empty string`)
    if (seen.has(fileId)) throw badRequest(`fileId ${fileId} appears more than once in subRequestList`)
    seen.add(fileId)
    return { fileId, containerId }
  })
  return { starred, entries }
}
