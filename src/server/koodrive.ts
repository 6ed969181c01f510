// The embedded KooDrive: both favorites endpoints, checked as KooDrive checks them.
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  BATCH_PATH,
  FILE_TYPE_CODES,
  LIST_PATH,
  MAX_BATCH,
  MAX_PAGE_SIZE,
  parseXDate,
  type WireBatchResponse,
  type WireListResponse,
  type WireStarFile,
} from '../api/wire'
import type { ServerConfig } from './config'
import { HttpError, rawPath, rawQuery, readBody, requestOrigin, sendJson } from './http'
import type { FileRow, Position, Store } from './store'
import { DEFAULT_STYLE, parseStyle } from './thumbnails'

const WINDOW_MS = 15 * 60_000
const MAX_STYLES = 8

const unauthorized = (msg: string) => new HttpError(401, 'APIGW.0301', msg)
const badRequest = (msg: string) => new HttpError(400, '400', msg)

// The server checks X-Date with the same definition the client writes it by (src/api/wire.ts).
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
  if (sent < now - WINDOW_MS) throw unauthorized(`X-Date ${xDate} is more than 15 minutes old`)
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

const iso = (ms: number) => new Date(ms).toISOString()
const digest = (s: string) => createHash('sha256').update(s).digest('hex')

export function toWire(row: FileRow, styles: string[], origin: string, userId: string): WireStarFile {
  const contentUrl = `${origin}/obs/content/${row.id}/${encodeURIComponent(row.name)}`
  const images =
    row.picture === null
      ? []
      : styles.map((process) => ({
          process,
          downloadUrl: {
            url: `${origin}/obs/thumbnails/${row.picture}/${row.id}.webp?x-image-process=${encodeURIComponent(process)}`,
            method: 'GET',
          },
        }))
  const sha256 = digest(row.id)
  const user = { category: 'drive#user', userId: row.owner_id, me: row.owner_id === userId, permissionId: `P${row.owner_id}` }
  const mine = user.me
  return {
    id: row.id,
    fileName: row.name,
    fileType: row.file_type,
    mimeType: row.mime_type,
    favorite: true,
    recycled: row.recycled === 1,
    parentFolder: [row.parent_id],
    properties: { path: `root${row.container_id}` },
    containers: [row.container_id],
    createdTime: iso(row.created_time),
    editedTime: iso(row.edited_time),
    owners: [user],
    lastEditor: user,
    fileSuffix: row.suffix,
    size: row.size,
    sha256,
    attachments: [
      {
        usage: 'content',
        hash: sha256,
        sha256,
        asset: { resource: { objects: [{ id: `O${row.id}`, start: 0, downloadUrl: { url: contentUrl, method: 'GET' }, images }] } },
      },
    ],
    downloadLinks: [
      { usage: 'content', downloadLink: row.content_link ?? contentUrl },
      ...(images[0] ? [{ usage: 'thumbnail', downloadLink: images[0].downloadUrl.url }] : []),
    ],
    userProperties: { properties: { hidden: String(row.hidden === 1) } },
    starredTime: iso(row.starred_time),
    filePath: row.file_path,
    spaceType: row.space_type,
    invalid: row.invalid,
    hidden: row.hidden === 1,
    userCapabilities: {
      addChildNodePermission: mine,
      copyPermission: true,
      deletePermission: mine,
      downloadPermission: row.space_type !== '4',
      editPermission: mine,
      listChildNodePermission: true,
      removeChildNodePermission: mine,
      renameFilePermission: mine,
      shareFilePermission: mine,
      uploadPermission: mine,
      viewPermission: row.space_type !== '4',
    },
  }
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

const MESSAGES = {
  ok: 'success',
  'not-found': 'The file does not exist in this space',
  locked: 'This favorite is pinned by your administrator and cannot be removed',
} as const
const CODES = { ok: '0', 'not-found': '404', locked: '403' } as const

export function createKooDriveApi(store: Store, config: ServerConfig) {
  const dateHeader = () => ({ Date: new Date(config.now()).toUTCString() })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = rawPath(req)
    const method = req.method ?? 'GET'
    if (path === LIST_PATH) {
      if (method !== 'GET') throw new HttpError(405, '405', `${method} is not allowed here; use GET`)
      const userId = authenticate(req, config)
      const q = parseListQuery(rawQuery(req))
      const rows = store.list({ limit: q.limit + 1, descending: q.descending, fileType: q.fileType, after: q.after })
      const page = rows.slice(0, q.limit)
      const last = page.at(-1)
      const origin = requestOrigin(req, config.port)
      const body: WireListResponse = {
        ...(rows.length > q.limit && last
          ? {
              nextCursor: encodeCursor({
                starredTime: last.starred_time,
                id: last.id,
                descending: q.descending,
                fileType: q.fileType ?? '',
              }),
            }
          : {}),
        autoDeleted: Number(store.meta('autoDeleted') ?? 0),
        starFileList: page.map((row) => toWire(row, q.styles, origin, userId)),
        code: '0',
        msg: 'success',
      }
      await config.latency?.({ kind: 'list' })
      return sendJson(res, 200, body, dateHeader())
    }
    if (path === BATCH_PATH) {
      if (method !== 'POST') throw new HttpError(405, '405', `${method} is not allowed here; use POST`)
      authenticate(req, config)
      const { starred, entries } = parseBatchBody(await readBody(req, 256 * 1024))
      const outcomes = store.setStarred(entries, starred, config.now())
      const ok = outcomes.filter((o) => o === 'ok').length
      const body: WireBatchResponse = {
        status: ok === outcomes.length ? 0 : ok > 0 ? 1 : 2,
        subResponseList: entries.map(({ fileId }, i) => ({ fileId, code: CODES[outcomes[i]!], message: MESSAGES[outcomes[i]!] })),
        code: '0',
        msg: 'success',
      }
      await config.latency?.({ kind: 'batch', starred, fileIds: entries.map((e) => e.fileId) })
      return sendJson(res, 200, body, dateHeader())
    }
    throw new HttpError(404, '404', `No KooDrive API at ${path}`)
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      await route(req, res)
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(500, '500', 'Internal server error')
      if (!(error instanceof HttpError)) console.error('koodrive api:', error)
      if (!res.headersSent) sendJson(res, e.status, { code: e.code, msg: e.message }, dateHeader())
      else res.destroy()
    }
  }
}
