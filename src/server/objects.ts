// Object storage look-alike: thumbnails and content downloads. No token needed, any token ignored.
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { answerErrors, HttpError, rawPath, rawQuery } from './http'
import type { Store } from './store'
import { parseStyle } from './thumbnail-style'
import { ThumbnailsBusy, type Thumbnails } from './thumbnails'

const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }
const IMMUTABLE = 'public, max-age=31536000, immutable'

export function createObjectRoutes(store: Store, thumbnails: Thumbnails, { cors = true } = {}) {
  const CORS = cors ? CORS_HEADERS : {}
  function sendFile(res: ServerResponse, file: string, headers: Record<string, string>) {
    const stat = fs.statSync(file)
    res.writeHead(200, { 'Content-Length': stat.size, 'X-Content-Type-Options': 'nosniff', ...CORS, ...headers })
    fs.createReadStream(file).pipe(res)
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, '405', 'Only GET is allowed on objects')
    const path = rawPath(req)
    const thumb = /^\/obs\/thumbnails\/(\d+)\/([\w-]+)\.webp$/.exec(path)
    if (thumb) {
      const picture = Number(thumb[1])
      if (!thumbnails.isPicture(picture)) throw new HttpError(404, '404', 'No such object')
      const style = parseStyle(new URLSearchParams(rawQuery(req)).get('x-image-process') ?? '')
      if (typeof style === 'string') throw new HttpError(400, '400', style)
      const file = await thumbnails.thumbnail(picture, style)
      return sendFile(res, file, { 'Content-Type': 'image/webp', 'Cache-Control': IMMUTABLE })
    }
    const content = /^\/obs\/content\/([\w-]+)\/[^/]*$/.exec(path)
    const row = content && store.get(content[1]!)
    if (row) {
      // Served as an attachment: whatever the name says, the browser never renders it as a page.
      const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`
      const common = {
        'Content-Disposition': disposition,
        'Cache-Control': 'private, max-age=3600',
        'Content-Security-Policy': "sandbox; default-src 'none'",
      }
      if (row.picture !== null) {
        return sendFile(res, await thumbnails.picture(row.picture), { 'Content-Type': 'image/jpeg', ...common })
      }
      const body = Buffer.from(`KooDrive Favorites demo content for "${row.name}" (${row.size} bytes in the demo library).\n`)
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': body.length,
        'X-Content-Type-Options': 'nosniff',
        ...CORS,
        ...common,
      })
      return void res.end(body)
    }
    throw new HttpError(404, '404', 'No such object')
  }

  return answerErrors(
    route,
    (error) => {
      if (error instanceof ThumbnailsBusy) return new HttpError(503, '503', error.message, { 'Retry-After': '1' })
      console.error('objects:', error)
      return new HttpError(500, '500', 'Could not make this object')
    },
    () => CORS,
  )
}
