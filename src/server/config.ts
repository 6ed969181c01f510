// The server's settings, read once from the environment (see the README's configuration table).
import path from 'node:path'

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  demoFiles: number
  demoToken: string
  demoUserId: string
  /** A real KooDrive: proxy mode when set. */
  apiUrl?: URL
  /** Extra origins allowed in img-src. */
  imageOrigins: string[]
  /** The built app to serve; nothing is served when undefined (dev mode, tests). */
  staticDir?: string
  /** The server's clock; tests shift it to check clock-skew handling. */
  now: () => number
  /** Upstream timeout in proxy mode. */
  upstreamTimeoutMs: number
  /**
   * A slow network on demand: awaited after a KooDrive call is processed and before its answer
   * is sent. KOODRIVE_LATENCY_MS sets a fixed delay; tests pass a function to hold one answer.
   */
  latency?: (call: ApiCall) => Promise<void> | void
  /** Where the download and image links point (default: this server, as the request names it). */
  objectsOrigin?: string
  /** Whether the object routes send CORS headers (tests play a store that does not). Default true. */
  objectsCors?: boolean
  /** Seals the session cookie; without it, a key kept in the data folder (made on first start). */
  sessionKey?: Buffer
  /** Still opens cookies sealed before a key rotation. */
  sessionKeyPrevious?: Buffer
  /** How long a session lasts unused (it is renewed while it is used). */
  sessionMaxAgeMs: number
}

/** What the latency hook is told about a call. */
export interface ApiCall {
  kind: 'list' | 'batch'
  /** batch: the state asked for and the files. */
  starred?: boolean
  fileIds?: string[]
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export const DEMO_TOKEN = 'demo-access-token'
export const DEMO_USER_ID = 'demo-user'
export const MAX_DEMO_FILES = 200_000

export class ConfigError extends Error {}

/** 32 bytes in base64 (or base64url), as `openssl rand -base64 32` prints them. */
export function sessionKey(name: string, raw: string): Buffer {
  const key = /^[A-Za-z0-9+/_-]{43}=?$/.test(raw.trim()) ? Buffer.from(raw.trim(), 'base64') : undefined
  if (!key || key.length !== 32) {
    throw new ConfigError(`${name} must be 32 random bytes in base64 (for example from "openssl rand -base64 32")`)
  }
  return key
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return n
}

function origin(name: string, raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`)
  }
  return url
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const apiUrl = env.KOODRIVE_API_URL ? origin('KOODRIVE_API_URL', env.KOODRIVE_API_URL) : undefined
  const imageOrigins = (env.KOODRIVE_IMAGE_ORIGINS ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((o) => origin('KOODRIVE_IMAGE_ORIGINS', o).origin)
  const latencyMs = integer(env, 'KOODRIVE_LATENCY_MS', 0, 0, 60_000)
  const key = (name: string) => (env[name] ? sessionKey(name, env[name]) : undefined)
  return {
    port: integer(env, 'PORT', 4173, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.KOODRIVE_DATA_DIR || '.data'),
    demoFiles: integer(env, 'KOODRIVE_DEMO_FILES', 5000, 0, MAX_DEMO_FILES),
    demoToken: env.KOODRIVE_DEMO_TOKEN || DEMO_TOKEN,
    demoUserId: env.KOODRIVE_DEMO_USER_ID || DEMO_USER_ID,
    apiUrl,
    imageOrigins,
    staticDir: path.resolve(cwd, 'dist/client'),
    now: Date.now,
    upstreamTimeoutMs: 15_000,
    latency: latencyMs > 0 ? () => sleep(latencyMs) : undefined,
    sessionKey: key('KOODRIVE_SESSION_KEY'),
    sessionKeyPrevious: key('KOODRIVE_SESSION_KEY_PREVIOUS'),
    sessionMaxAgeMs: integer(env, 'KOODRIVE_SESSION_DAYS', 14, 1, 400) * 24 * 3600_000,
  }
}
