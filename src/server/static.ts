// Serves the built app with security headers, compression and the right caching per file.
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { rawPath } from './http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt'])

/**
 * The page's policy, or the service worker's (`worker`): a worker's own fetches obey the policy
 * that came with its script, and it fetches the thumbnails, so it may connect to the image hosts.
 */
export function securityHeaders(imageOrigins: string[], { worker = false } = {}): Record<string, string> {
  const img = ["'self'", 'data:', 'blob:', ...imageOrigins].join(' ')
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `img-src ${img}`,
      worker ? ["connect-src 'self'", ...imageOrigins].join(' ') : "connect-src 'self'",
      "style-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "worker-src 'self'",
      "manifest-src 'self'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  }
}

interface Entry {
  type: string
  cache: string
  /** For files that are revalidated (HTML, the service worker, the manifest): when it was read. */
  mtimeMs?: number
  body: Buffer
  gzip?: Buffer
  br?: Buffer
}

/** Negotiates br or gzip from Accept-Encoding (q=0 means no). */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const offered = new Map(
    (accept ?? '').split(',').map((part) => {
      const [name = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
      return [name.trim().toLowerCase(), q === undefined ? 1 : Number(q)] as const
    }),
  )
  if ((offered.get('br') ?? 0) > 0) return 'br'
  if ((offered.get('gzip') ?? 0) > 0) return 'gzip'
  return undefined
}

/**
 * Serves `root` (dist/client). Hashed assets of earlier builds are kept beside it, in
 * `previous-assets` (the client build copies them there first): a tab still on the old version
 * can load its chunks after a deploy, until it reloads onto the new one.
 */
export function createStatic(root: string, imageOrigins: string[]) {
  const previousAssets = path.join(path.dirname(root), 'previous-assets')
  const headers = securityHeaders(imageOrigins)
  const workerHeaders = securityHeaders(imageOrigins, { worker: true })
  const cache = new Map<string, Entry | null>()

  function load(relative: string): Entry | null {
    const file = path.join(root, relative)
    const known = cache.get(relative)
    // Hashed assets never change; files served no-cache are read again when a deploy replaced them
    // (a new sw.js is how installed apps learn of a new version).
    if (known && (known.mtimeMs === undefined || fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs === known.mtimeMs)) return known
    let entry: Entry | null = null
    // A page from the build before this one may still ask for its chunks (see previousAssets).
    const previous = relative.startsWith('assets/') ? path.join(previousAssets, relative.slice('assets/'.length)) : undefined
    if (previous && !fs.existsSync(file) && previous.startsWith(previousAssets + path.sep) && fs.existsSync(previous)) {
      const body = fs.readFileSync(previous)
      const ext = path.extname(previous)
      entry = { type: TYPES[ext] ?? 'application/octet-stream', cache: 'public, max-age=31536000, immutable', body }
    } else if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const ext = path.extname(file)
      const body = fs.readFileSync(file)
      const hashed = relative.startsWith('assets/')
      const fresh = ext === '.html' || /(^|\/)(sw|service-worker|registerSW)\.js$/.test(relative) || ext === '.webmanifest'
      entry = {
        type: TYPES[ext] ?? 'application/octet-stream',
        cache: hashed ? 'public, max-age=31536000, immutable' : fresh ? 'no-cache' : 'public, max-age=3600',
        mtimeMs: fresh ? fs.statSync(file).mtimeMs : undefined,
        body,
      }
      if (COMPRESSIBLE.has(ext) && body.length > 512) {
        entry.gzip = zlib.gzipSync(body, { level: 9 })
        entry.br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      }
    }
    // Only files that exist are remembered: the set of misses is whatever anyone can type.
    if (entry) cache.set(relative, entry)
    return entry
  }

  /** Serves a file, or index.html for app routes; returns false when it is neither. */
  return function serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let relative: string
    try {
      relative = decodeURIComponent(rawPath(req)).replace(/^\/+/, '')
    } catch {
      return false
    }
    if (relative.includes('\0') || relative.split('/').includes('..')) return false
    // Source maps are not shipped; should one be left in the folder, it is not served either.
    if (relative.endsWith('.map')) return false
    let entry = relative ? load(relative) : null
    // App routes (no file extension) get the app; a missing asset gets a real 404.
    if (!entry && !path.extname(relative)) entry = load('index.html')
    if (!entry) return false
    const encoding = pickEncoding(req.headers['accept-encoding'] as string | undefined)
    const body = (encoding && entry[encoding]) || entry.body
    res.writeHead(200, {
      ...(relative === 'sw.js' ? workerHeaders : headers),
      'Content-Type': entry.type,
      'Cache-Control': entry.cache,
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
      ...(body !== entry.body && encoding ? { 'Content-Encoding': encoding } : {}),
    })
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}
