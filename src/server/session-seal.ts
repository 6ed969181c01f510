// The sealed session value: the KooDrive token and user ID, encrypted and authenticated with
// AES-256-GCM under the server's key, as one base64url string. And where that key comes from.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, sessionKey, type ServerConfig } from './config'

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
/** Bound to this use: a value sealed for anything else under the same key does not open here. */
const AAD = Buffer.from(`koodrive_session v${VERSION}`)

export interface Credentials {
  token: string
  userId: string
}

export interface Sealed extends Credentials {
  /** Issued, in ms since the epoch (renewals issue anew). */
  iat: number
}

export const KEY_FILE = 'session.key'

/**
 * The keys sessions are sealed with: KOODRIVE_SESSION_KEY (and the previous one, which still
 * opens), or a key made on the first start and kept in the data folder, readable by its owner only.
 */
export function sessionKeys(config: Pick<ServerConfig, 'sessionKey' | 'sessionKeyPrevious' | 'dataDir'>): Buffer[] {
  const previous = config.sessionKeyPrevious ? [config.sessionKeyPrevious] : []
  if (config.sessionKey) return [config.sessionKey, ...previous]
  const file = path.join(config.dataDir, KEY_FILE)
  fs.mkdirSync(config.dataDir, { recursive: true })
  if (!fs.existsSync(file)) {
    // Written whole, then linked into place: of several processes starting on one folder, one
    // key wins and every process reads that one.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 })
    try {
      fs.linkSync(draft, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(draft, { force: true })
    }
  }
  try {
    return [sessionKey(file, fs.readFileSync(file, 'utf8')), ...previous]
  } catch (error) {
    throw error instanceof ConfigError ? new ConfigError(`${file} does not hold a session key: delete it to make a new one`) : error
  }
}

export function seal(value: Sealed, key: Buffer): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(AAD)
  const text = Buffer.concat([cipher.update(JSON.stringify({ t: value.token, u: value.userId, i: value.iat })), cipher.final()])
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), text]).toString('base64url')
}

/** The sealed value and the index of the key that opened it; undefined when no key opens it. */
export function unseal(cookie: string, keys: readonly Buffer[]): { value: Sealed; key: number } | undefined {
  const data = Buffer.from(cookie, 'base64url')
  if (data.length <= 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) return undefined
  const iv = data.subarray(1, 1 + IV_BYTES)
  const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES)
  const text = data.subarray(1 + IV_BYTES + TAG_BYTES)
  for (const [index, key] of keys.entries()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv)
      decipher.setAAD(AAD)
      decipher.setAuthTag(tag)
      const parsed: unknown = JSON.parse(Buffer.concat([decipher.update(text), decipher.final()]).toString('utf8'))
      const { t, u, i } = parsed as Record<string, unknown>
      if (typeof t !== 'string' || typeof u !== 'string' || typeof i !== 'number') return undefined
      return { value: { token: t, userId: u, iat: i }, key: index }
    } catch {
      // not this key (or tampered): try the next
    }
  }
  return undefined
}
