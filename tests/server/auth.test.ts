import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatXDate } from '../../src/api/client'
import type { RunningServer } from '../../src/server/app'
import { BATCH, LIST, TOKEN, USER, authHeaders, raw, startTestServer } from '../support/server'

let server: RunningServer
beforeAll(async () => {
  server = await startTestServer({ demoFiles: 20 })
})
afterAll(() => server.close())

const fine = authHeaders()
const minutes = (n: number) => n * 60_000

const cases: [string, Record<string, string | undefined>, string][] = [
  ['no Authorization', { Authorization: undefined }, 'Authorization header is missing'],
  ['a Basic Authorization', { Authorization: 'Basic abc' }, 'Authorization must be "Bearer <access token>"'],
  ['a Bearer with no token', { Authorization: 'Bearer ' }, 'Authorization must be "Bearer <access token>"'],
  ['an unknown token', { Authorization: 'Bearer nope' }, 'The access token is invalid or has expired'],
  ['no X-User-Id', { 'X-User-Id': undefined }, 'X-User-Id header is missing'],
  ['an X-User-Id of another user', { 'X-User-Id': 'someone-else' }, 'X-User-Id does not match the access token'],
  ['no X-Date', { 'X-Date': undefined }, 'X-Date header is missing'],
  ['an ISO X-Date', { 'X-Date': new Date().toISOString() }, `is not in the format yyyyMMdd'T'HHmmss'Z'`],
  ['an X-Date on 31 February', { 'X-Date': '20260231T101010Z' }, `is not in the format yyyyMMdd'T'HHmmss'Z'`],
  ['an X-Date in the future', { 'X-Date': formatXDate(Date.now() + minutes(2)) }, 'is later than the server time'],
  ['an X-Date 16 minutes old', { 'X-Date': formatXDate(Date.now() - minutes(16)) }, 'is more than 15 minutes old'],
]

describe.each([
  ['list', 'GET', LIST],
  ['batch', 'POST', BATCH],
])('%s endpoint authentication', (_name, method, path) => {
  const body = JSON.stringify({ starred: true, subRequestList: [{ fileId: 'x', containerId: 'y' }] })

  it.each(cases)('rejects %s with 401 and says why', async (_case, change, message) => {
    const headers = Object.fromEntries(
      Object.entries({ ...fine, 'Content-Type': 'application/json', ...change }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>
    const res = await raw(server.url, path, { method, headers, body: method === 'POST' ? body : undefined })
    expect(res.status).toBe(401)
    expect(res.json()).toEqual({ code: 'APIGW.0301', msg: expect.stringContaining(message) })
  })

  it('accepts "Bearer <token>" and the documented "Bearer+<token>"', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `Bearer+${TOKEN}`]) {
      const res = await raw(server.url, path, {
        method,
        headers: { ...fine, Authorization: authorization, 'X-User-Id': USER, 'Content-Type': 'application/json' },
        body: method === 'POST' ? body : undefined,
      })
      expect(res.status).toBe(200)
    }
  })

  it('accepts an X-Date 14 minutes old', async () => {
    const res = await raw(server.url, path, {
      method,
      headers: { ...fine, 'X-Date': formatXDate(Date.now() - minutes(14)), 'Content-Type': 'application/json' },
      body: method === 'POST' ? body : undefined,
    })
    expect(res.status).toBe(200)
  })
})

it('answers a wrong method with 405 and unknown API paths with 404, as JSON', async () => {
  expect((await raw(server.url, BATCH, { headers: fine })).json()).toMatchObject({ code: '405' })
  const missing = await raw(server.url, '/koodrive/ose/v1/star/nothing', { headers: fine })
  expect(missing.status).toBe(404)
  expect(missing.json().msg).toContain('/koodrive/ose/v1/star/nothing')
})

it('sends its own clock in the Date header', async () => {
  const res = await raw(server.url, LIST, { headers: fine })
  expect(Math.abs(Date.parse(res.headers.date!) - Date.now())).toBeLessThan(5_000)
})
