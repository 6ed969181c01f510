import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { SPECIAL } from '../../src/server/seed'
import { batch, list, pageAll, startTestServer, testConfig } from '../support/server'
import { startServer } from '../../src/server/app'

let server: RunningServer
let files: { id: string; containers: string[]; starredTime: string }[]
beforeAll(async () => {
  server = await startTestServer({ demoFiles: 300 })
  files = (await list(server.url, 'pageSize=100')).json().starFileList
})
afterAll(() => server.close())

const ref = (f: { id: string; containers: string[] }) => ({ fileId: f.id, containerId: f.containers[0] })

describe('request body checks', () => {
  const entry = { fileId: 'F1', containerId: 'C1' }
  const rejections: [string, unknown, string][] = [
    ['not JSON', '{"starred": tru', 'Request body is not valid JSON'],
    ['an array', '[]', 'Request body must be a JSON object'],
    ['no starred', { subRequestList: [entry] }, 'starred must be true or false'],
    ['starred as a string', { starred: 'false', subRequestList: [entry] }, 'starred must be true or false'],
    ['no subRequestList', { starred: true }, 'subRequestList must be an array'],
    ['an empty subRequestList', { starred: true, subRequestList: [] }, 'subRequestList must hold 1 to 100 files, got 0'],
    [
      '101 files',
      { starred: true, subRequestList: Array.from({ length: 101 }, (_, i) => ({ fileId: `F${i}`, containerId: 'C' })) },
      'subRequestList must hold 1 to 100 files, got 101',
    ],
    [
      'an entry without fileId',
      { starred: true, subRequestList: [{ containerId: 'C' }] },
      'subRequestList[0].fileId must be a non-empty string',
    ],
    [
      'an entry without containerId',
      { starred: true, subRequestList: [entry, { fileId: 'F2' }] },
      'subRequestList[1].containerId must be a non-empty string',
    ],
    ['an entry that is not an object', { starred: true, subRequestList: [7] }, 'subRequestList[0].fileId must be a non-empty string'],
    ['a fileId twice', { starred: false, subRequestList: [entry, entry] }, 'fileId F1 appears more than once in subRequestList'],
  ]
  it.each(rejections)('rejects %s with 400', async (_case, body, message) => {
    const res = await batch(server.url, body)
    expect(res.status).toBe(400)
    expect(res.json()).toEqual({ code: '400', msg: message })
  })

  it('refuses a body over 256 KiB with 413', async () => {
    const res = await batch(server.url, JSON.stringify({ starred: true, pad: 'x'.repeat(300 * 1024), subRequestList: [entry] }))
    expect(res.status).toBe(413)
  })
})

describe('starring and unstarring', () => {
  it('unstar drops a file from the list; star brings it back on top with a new starredTime', async () => {
    const target = files[10]!
    const before = Date.parse(target.starredTime)
    const off = (await batch(server.url, { starred: false, subRequestList: [ref(target)] })).json()
    expect(off).toEqual({ status: 0, subResponseList: [{ fileId: target.id, code: '0', message: 'success' }], code: '0', msg: 'success' })
    expect((await pageAll(server.url, '')).ids).not.toContain(target.id)

    const on = (await batch(server.url, { starred: true, subRequestList: [ref(target)] })).json()
    expect(on.status).toBe(0)
    const top = (await list(server.url, 'pageSize=1')).json().starFileList[0]
    expect(top.id).toBe(target.id)
    expect(Date.parse(top.starredTime)).toBeGreaterThan(before)
  })

  it('treats states as absolute: unstarring twice and starring a starred file both succeed', async () => {
    const target = files[20]!
    for (let i = 0; i < 2; i++) expect((await batch(server.url, { starred: false, subRequestList: [ref(target)] })).json().status).toBe(0)
    const kept = files[21]!
    expect((await batch(server.url, { starred: true, subRequestList: [ref(kept)] })).json().status).toBe(0)
    const again = (await list(server.url, 'pageSize=100')).json().starFileList.find((f: { id: string }) => f.id === kept.id)
    expect(again.starredTime).toBe(kept.starredTime)
  })

  it('reports partial success per file: a pinned favorite refuses, the others go', async () => {
    const locked = files.find((f) => f.id === SPECIAL.locked)!
    const other = files[30]!
    const res = (await batch(server.url, { starred: false, subRequestList: [ref(locked), ref(other)] })).json()
    expect(res.status).toBe(1)
    expect(res.subResponseList).toEqual([
      { fileId: locked.id, code: '403', message: 'This favorite is pinned by your administrator and cannot be removed' },
      { fileId: other.id, code: '0', message: 'success' },
    ])
    const ids = (await pageAll(server.url, '')).ids
    expect(ids).toContain(locked.id)
    expect(ids).not.toContain(other.id)
  })

  it('reports status 2 when every file fails: unknown file, or a space that does not hold it', async () => {
    const res = (
      await batch(server.url, {
        starred: false,
        subRequestList: [
          { fileId: 'Fnope', containerId: 'C' },
          { fileId: files[40]!.id, containerId: 'Iwrong' },
        ],
      })
    ).json()
    expect(res.status).toBe(2)
    expect(res.subResponseList.map((r: { code: string }) => r.code)).toEqual(['404', '404'])
    expect(res.subResponseList[0].message).toBe('The file does not exist in this space')
  })
})

it('keeps every change across a restart', async () => {
  const config = testConfig({ demoFiles: 50 })
  const first = await startServer(config)
  const page = (await list(first.url, 'pageSize=5')).json().starFileList
  await batch(first.url, { starred: false, subRequestList: [ref(page[1]), ref(page[3])] })
  await first.close()

  const second = await startServer({ ...config, demoFiles: 9 })
  try {
    const { ids } = await pageAll(second.url, '')
    expect(ids).toHaveLength(48)
    expect(ids).not.toContain(page[1].id)
    expect(ids).toContain(page[0].id)
  } finally {
    await second.close()
  }
})
