// Pure parsing on the server side: configuration, X-Date, styles, encodings.
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from '../../src/server/config'
import { parseXDate } from '../../src/server/koodrive-requests'
import { upstreamUrl } from '../../src/server/proxy'
import { pickEncoding } from '../../src/server/static'
import { parseStyle } from '../../src/server/thumbnail-style'
import type { IncomingMessage } from 'node:http'

describe('readConfig', () => {
  it('has the documented defaults', () => {
    const c = readConfig({}, '/app')
    expect(c).toMatchObject({
      port: 4173,
      dataDir: '/app/.data',
      demoFiles: 5000,
      demoToken: 'demo-access-token',
      demoUserId: 'demo-user',
      apiUrl: undefined,
      imageOrigins: [],
    })
  })

  it('reads every variable', () => {
    const c = readConfig(
      {
        PORT: '8080',
        KOODRIVE_DATA_DIR: '/d',
        KOODRIVE_DEMO_FILES: '200000',
        KOODRIVE_DEMO_TOKEN: 't',
        KOODRIVE_DEMO_USER_ID: 'u',
        KOODRIVE_API_URL: 'https://api.example.com',
        KOODRIVE_IMAGE_ORIGINS: 'https://a.example.com/x, https://b.example.com',
      },
      '/app',
    )
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/d',
      demoFiles: 200000,
      demoToken: 't',
      demoUserId: 'u',
      imageOrigins: ['https://a.example.com', 'https://b.example.com'],
    })
    expect(c.apiUrl?.href).toBe('https://api.example.com/')
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ KOODRIVE_DEMO_FILES: '200001' }, 'KOODRIVE_DEMO_FILES must be a whole number from 0 to 200000'],
    [{ KOODRIVE_API_URL: 'ftp://x' }, 'KOODRIVE_API_URL must be an http(s) URL'],
    [{ KOODRIVE_IMAGE_ORIGINS: 'nope' }, 'KOODRIVE_IMAGE_ORIGINS must be an absolute http(s) URL'],
    [{ KOODRIVE_SESSION_KEY: 'c2hvcnQ=' }, 'KOODRIVE_SESSION_KEY must be 32 random bytes in base64'],
    [{ KOODRIVE_SESSION_KEY_PREVIOUS: 'not a key at all, not even base64, and long enough!!' }, 'KOODRIVE_SESSION_KEY_PREVIOUS must be 32'],
    [{ KOODRIVE_SESSION_DAYS: '0' }, 'KOODRIVE_SESSION_DAYS must be a whole number from 1 to 400'],
  ])('refuses %o clearly', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
    expect(() => readConfig(env)).toThrow(message)
  })
})

describe('parseXDate', () => {
  it.each([
    ['20261123T090507Z', Date.UTC(2026, 10, 23, 9, 5, 7)],
    ['20240229T000000Z', Date.UTC(2024, 1, 29)],
    ['20250229T000000Z', undefined],
    ['20261123T250000Z', undefined],
    ['20261123T090507', undefined],
    ['2026-11-23T09:05:07Z', undefined],
  ])('%s', (raw, expected) => {
    expect(parseXDate(raw)).toBe(expected)
  })
})

describe('parseStyle', () => {
  it('reads OBS resize styles in any order', () => {
    expect(parseStyle('image/resize,m_lfit,h_128,w_256')).toEqual({ mode: 'lfit', width: 256, height: 128 })
    expect(parseStyle('image/resize,w_64')).toEqual({ mode: 'lfit', width: 64 })
    expect(parseStyle('image/resize,m_fill,w_10,h_10')).toEqual({ mode: 'fill', width: 10, height: 10 })
  })
  it.each(['image/crop,w_10', 'image/resize,m_lfit', 'image/resize,w_5000', 'image/resize,w_-1', 'image/resize,x_1,w_5'])(
    'refuses %s with a message',
    (style) => {
      expect(typeof parseStyle(style)).toBe('string')
    },
  )
})

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ])('%s -> %s', (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected)
  })
})

describe('upstreamUrl', () => {
  const upstream = new URL('https://drive.example.com/base/')
  const req = (url: string) => ({ url }) as IncomingMessage
  it('keeps the upstream origin and the fixed path, re-encoding only the query', () => {
    expect(upstreamUrl(upstream, req('/koodrive/ose/v1/star/files?pageSize=5&x=%2F%2Fevil'))?.href).toBe(
      'https://drive.example.com/base/koodrive/ose/v1/star/files?pageSize=5&x=%2F%2Fevil',
    )
  })
  it.each([
    '//evil.example/koodrive/ose/v1/star/files',
    'https://evil.example/koodrive/ose/v1/star/files',
    '/koodrive/ose/v1/star/files/..',
    '/koodrive/ose/v1/star/other',
  ])('refuses %s', (url) => {
    expect(upstreamUrl(upstream, req(url))).toBeUndefined()
  })
})
