// The session the server holds for the browser: a sealed HttpOnly cookie, opened on each call,
// never a token in clear, refused across sites, shared by every process that has the key.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { formatXDate } from '../../src/api/client'
import type { RunningServer } from '../../src/server/app'
import { COOKIE } from '../../src/server/session'
import { KEY_FILE, seal, sessionKeys, unseal } from '../../src/server/session-seal'
import { LIST, TOKEN, USER, raw, recorder, startTestServer, tempDir } from '../support/server'

const SESSION = '/koodrive/session'
const own = { 'X-Requested-With': 'koodrive-favorites', 'Sec-Fetch-Site': 'same-origin' }
const xDate = (now = Date.now()) => ({ 'X-Date': formatXDate(now - 2000) })

/** The cookie's value and attributes from a Set-Cookie answer. */
function setCookie(res: { headers: http.IncomingHttpHeaders }) {
  const line = res.headers['set-cookie']?.find((c) => c.startsWith(`${COOKIE}=`))
  if (!line) return undefined
  const [pair = '', ...attributes] = line.split(';').map((s) => s.trim())
  return { value: pair.slice(COOKIE.length + 1), attributes, line }
}

async function connect(base: string, token = TOKEN, userId = USER) {
  const res = await raw(base, SESSION, {
    method: 'POST',
    headers: { ...own, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, userId }),
  })
  expect(res.status).toBe(200)
  return setCookie(res)!.value
}

const listWith = (base: string, cookie: string, headers: Record<string, string> = own) =>
  raw(base, `${LIST}?pageSize=2`, { headers: { ...headers, ...xDate(), Cookie: `${COOKIE}=${cookie}` } })

let upstream: RunningServer
let proxy: RunningServer
const key = randomBytes(32)
const seen: http.IncomingHttpHeaders[] = []

beforeAll(async () => {
  upstream = await startTestServer({ demoFiles: 20 })
  upstream.server.prependListener('request', (req: http.IncomingMessage) => void (req.url?.startsWith(LIST) && seen.push(req.headers)))
  proxy = await startTestServer({ apiUrl: new URL(upstream.url), sessionKey: key })
})
afterAll(async () => {
  await Promise.all([proxy.close(), upstream.close()])
})

describe('sealing', () => {
  it('opens what it sealed, with the key that sealed it or the previous one, and nothing tampered', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)]
    const sealed = seal({ token: TOKEN, userId: USER, iat: 1 }, a)
    expect(unseal(sealed, [a])).toEqual({ value: { token: TOKEN, userId: USER, iat: 1 }, key: 0 })
    expect(unseal(sealed, [b, a])?.key).toBe(1)
    expect(unseal(sealed, [b])).toBeUndefined()
    const bytes = Buffer.from(sealed, 'base64url')
    for (const at of [0, 5, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes)
      tampered[at]! ^= 1
      expect(unseal(tampered.toString('base64url'), [a])).toBeUndefined()
    }
    expect(unseal('', [a])).toBeUndefined()
    expect(unseal('not-a-cookie', [a])).toBeUndefined()
  })

  it('makes a key on first start, readable by its owner only, and every process on that folder reads the same one', () => {
    const dataDir = tempDir()
    const first = sessionKeys({ dataDir })
    expect(sessionKeys({ dataDir })).toEqual(first)
    expect(first[0]).toHaveLength(32)
    expect(fs.statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600)
    fs.writeFileSync(path.join(dataDir, KEY_FILE), 'garbage')
    expect(() => sessionKeys({ dataDir })).toThrow(/does not hold a session key/)
  })
})

describe('the cookie', () => {
  it('is HttpOnly, SameSite=Strict, on the API path only, with a maximum age, and holds no form of the token', async () => {
    const res = await raw(proxy.url, SESSION, {
      method: 'POST',
      headers: { ...own, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, userId: USER }),
    })
    expect(res.json()).toEqual({ userId: USER })
    const cookie = setCookie(res)!
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/koodrive/', 'Max-Age=1209600']))
    expect(cookie.attributes).not.toContain('Secure') // plain http here; see the next test
    for (const form of [
      TOKEN,
      Buffer.from(TOKEN).toString('base64'),
      Buffer.from(TOKEN).toString('base64url'),
      encodeURIComponent(TOKEN),
    ]) {
      expect(cookie.line).not.toContain(form)
    }
  })

  it('is Secure when the app is served over HTTPS (here, behind a proxy that terminates TLS)', async () => {
    const res = await raw(proxy.url, SESSION, {
      method: 'POST',
      headers: { ...own, 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ token: TOKEN, userId: USER }),
    })
    expect(setCookie(res)!.attributes).toContain('Secure')
  })

  it('refuses a token or user ID that is not a plain header value', async () => {
    for (const body of [{ token: 'a\r\nX-Evil: 1', userId: USER }, { token: TOKEN, userId: '' }, { token: 7, userId: USER }, 'nope']) {
      const res = await raw(proxy.url, SESSION, {
        method: 'POST',
        headers: { ...own, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(400)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })
})

describe('calls through the session', () => {
  it('carry the token to KooDrive as Authorization, and nothing of the session itself', async () => {
    const cookie = await connect(proxy.url)
    seen.length = 0
    const res = await listWith(proxy.url, cookie, { ...own, Authorization: 'Bearer forged', 'X-User-Id': 'someone' })
    expect(res.status).toBe(200)
    expect(res.json().starFileList).toHaveLength(2)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-user-id': USER })
    expect(seen[0]!.cookie).toBeUndefined()
    expect(seen[0]!['x-requested-with']).toBeUndefined()
  })

  it('tell who is connected, without the token', async () => {
    const cookie = await connect(proxy.url)
    const res = await raw(proxy.url, SESSION, { headers: { Cookie: `${COOKIE}=${cookie}` } })
    expect(res.json()).toEqual({ userId: USER })
    expect(res.body).not.toContain(TOKEN)
    const nobody = await raw(proxy.url, SESSION)
    expect(nobody.status).toBe(401)
  })

  it.each([
    ['from another site', { ...own, 'Sec-Fetch-Site': 'cross-site' }],
    ['from a sibling site', { ...own, 'Sec-Fetch-Site': 'same-site' }],
    ['without the custom header (a form)', { 'Sec-Fetch-Site': 'same-origin' }],
    [
      'from another origin, in a browser without Sec-Fetch-Site',
      { 'X-Requested-With': 'koodrive-favorites', Origin: 'https://evil.example' },
    ],
  ])('are refused with 403 %s, and nothing goes upstream', async (_, headers) => {
    const cookie = await connect(proxy.url)
    seen.length = 0
    const res = await listWith(proxy.url, cookie, headers)
    expect(res.status).toBe(403)
    expect(seen).toHaveLength(0)
    const post = await raw(proxy.url, '/koodrive/ose/v1/star/batch', {
      method: 'POST',
      headers: { ...headers, ...xDate(), 'Content-Type': 'application/json', Cookie: `${COOKIE}=${cookie}` },
      body: JSON.stringify({ starred: false, subRequestList: [{ fileId: 'x', containerId: 'y' }] }),
    })
    expect(post.status).toBe(403)
    expect(seen).toHaveLength(0)
  })

  it('with a forged or tampered cookie get 401, the cookie is cleared, and nothing goes upstream', async () => {
    const cookie = await connect(proxy.url)
    const bytes = Buffer.from(cookie, 'base64url')
    bytes[bytes.length - 1]! ^= 1
    seen.length = 0
    for (const forged of [bytes.toString('base64url'), seal({ token: TOKEN, userId: USER, iat: Date.now() }, randomBytes(32))]) {
      const res = await listWith(proxy.url, forged)
      expect(res.status).toBe(401)
      expect(res.json().code).toBe('SESSION.ENDED')
      expect(setCookie(res)!.attributes).toContain('Max-Age=0')
    }
    expect(seen).toHaveLength(0)
  })

  it('lose the session when KooDrive answers 401, but not when X-Date explains it', async () => {
    const cookie = await connect(proxy.url, 'revoked-token')
    const stale = await raw(proxy.url, `${LIST}?pageSize=2`, {
      headers: { ...own, 'X-Date': formatXDate(Date.now() - 20 * 60_000), Cookie: `${COOKIE}=${cookie}` },
    })
    expect(stale.status).toBe(401)
    expect(setCookie(stale)).toBeUndefined() // the clock is corrected and the call sent again
    const refused = await listWith(proxy.url, cookie)
    expect(refused.status).toBe(401)
    expect(refused.json().msg).toBe('The access token is invalid or has expired')
    expect(setCookie(refused)!.attributes).toContain('Max-Age=0')
  })

  it('end on Disconnect, which only the app itself can ask for', async () => {
    const cookie = await connect(proxy.url)
    const forged = await raw(proxy.url, SESSION, {
      method: 'DELETE',
      headers: { 'Sec-Fetch-Site': 'cross-site', Cookie: `${COOKIE}=${cookie}` },
    })
    expect(forged.status).toBe(403)
    const res = await raw(proxy.url, SESSION, { method: 'DELETE', headers: { ...own, Cookie: `${COOKIE}=${cookie}` } })
    expect(res.status).toBe(204)
    expect(setCookie(res)!.attributes).toContain('Max-Age=0')
  })

  it('without a session (the cookie expired in the browser) get 401 from the server itself', async () => {
    seen.length = 0
    const res = await raw(proxy.url, `${LIST}?pageSize=2`, { headers: { ...own, ...xDate() } })
    expect(res.status).toBe(401)
    expect(res.json().code).toBe('SESSION.NONE')
    expect(seen).toHaveLength(0)
  })
})

describe('lifetime and keys', () => {
  it('renews a session in use, and ends one unused for longer than its maximum age', async () => {
    let now = Date.now()
    const server = await startTestServer({ apiUrl: new URL(upstream.url), sessionKey: key, now: () => now, sessionMaxAgeMs: 4 * 3600_000 })
    try {
      const cookie = await connect(server.url)
      expect(setCookie(await listWith(server.url, cookie))).toBeUndefined() // fresh: nothing to renew
      now += 2 * 3600_000
      const renewed = setCookie(await listWith(server.url, cookie))!
      expect(renewed.attributes).toContain('Max-Age=14400')
      expect(renewed.value).not.toBe(cookie)
      now += 3 * 3600_000 // 5 hours after the first cookie, 3 after the renewed one
      expect((await listWith(server.url, cookie)).status).toBe(401)
      expect((await listWith(server.url, renewed.value)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('is served by every process that shares the key, and survives a key rotation', async () => {
    const other = await startTestServer({ apiUrl: new URL(upstream.url), sessionKey: key })
    const rotated = await startTestServer({ apiUrl: new URL(upstream.url), sessionKey: randomBytes(32), sessionKeyPrevious: key })
    const stranger = await startTestServer({ apiUrl: new URL(upstream.url) })
    try {
      const cookie = await connect(proxy.url)
      expect((await listWith(other.url, cookie)).status).toBe(200)
      expect((await listWith(proxy.url, cookie)).status).toBe(200)
      const res = await listWith(rotated.url, cookie)
      expect(res.status).toBe(200)
      const resealed = setCookie(res)!.value // sealed again under the new key
      expect((await listWith(rotated.url, resealed)).status).toBe(200)
      expect((await listWith(proxy.url, resealed)).status).toBe(401)
      expect((await listWith(stranger.url, cookie)).status).toBe(401)
    } finally {
      await Promise.all([other.close(), rotated.close(), stranger.close()])
    }
  })
})

describe('demo mode', () => {
  it('opens the demo user’s session by itself, and /app-config.json holds no token', async () => {
    const res = await raw(upstream.url, SESSION)
    expect(res.json()).toEqual({ userId: USER })
    const cookie = setCookie(res)!.value
    expect((await listWith(upstream.url, cookie)).status).toBe(200)
    const config = await raw(upstream.url, '/app-config.json')
    expect(config.json()).toEqual({ mode: 'demo' })
  })
})

describe('the token in logs', () => {
  it('reaches no log line, whatever goes wrong', async () => {
    const lines: string[] = []
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(capture)
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (capture(chunk), true))
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (capture(chunk), true))
    const secret = `secret-${randomBytes(8).toString('hex')}`
    const trap = await recorder((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>'))
    const broken = await startTestServer({ apiUrl: new URL(trap.url), sessionKey: key })
    const silent = await startTestServer({ apiUrl: new URL('http://127.0.0.1:9'), sessionKey: key })
    try {
      const cookie = await connect(proxy.url, secret)
      for (const base of [proxy.url, broken.url, silent.url, upstream.url]) {
        await listWith(base, cookie)
        await raw(base, '/koodrive/ose/v1/star/batch', {
          method: 'POST',
          headers: { ...own, ...xDate(), 'Content-Type': 'application/json', Cookie: `${COOKIE}=${cookie}` },
          body: '{"starred": "yes"',
        })
      }
      await raw(proxy.url, SESSION, { method: 'POST', headers: own, body: JSON.stringify({ token: `${secret}\n`, userId: USER }) })
      expect(trap.seen.length).toBeGreaterThan(0) // the failures were real
    } finally {
      await Promise.all([broken.close(), silent.close(), trap.close()])
    }
    expect(lines.join('\n')).not.toContain(secret)
  })
})
