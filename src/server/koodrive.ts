// The embedded KooDrive: both favorites endpoints, checked as KooDrive checks them.
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BATCH_PATH, LIST_PATH, type WireBatchResponse, type WireListResponse, type WireStarFile } from '../wire/format'
import type { ServerConfig } from './config'
import { answerErrors, HttpError, rawPath, rawQuery, readBody, requestOrigin, sendJson } from './http'
import { authenticate, encodeCursor, parseBatchBody, parseListQuery } from './koodrive-requests'
import type { FileRow, Store } from './store'

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
      const origin = config.objectsOrigin ?? requestOrigin(req, config.port)
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

  return answerErrors(
    route,
    (error) => {
      console.error('koodrive api:', error)
      return new HttpError(500, '500', 'Internal server error')
    },
    dateHeader,
  )
}
