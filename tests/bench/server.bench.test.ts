// `npm run bench`: the embedded server's list-page latency at 5,000 and 200,000 favorites.
// Prints figures; asserts only that the walk was complete (timings are reported, never asserted).
import { performance } from 'node:perf_hooks'
import { afterAll, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/app'
import { encodeCursor } from '../../src/server/koodrive-requests'
import { authHeaders, testConfig } from '../support/server'
import { record } from './results'

const LIST = '/koodrive/ose/v1/star/files'
const STYLES = 'image/resize,m_lfit,h_128,w_128%3Bimage/resize,m_lfit,h_480,w_480'
const servers: RunningServer[] = []
const firstPage = new Map<number, number>()
afterAll(() => Promise.all(servers.map((s) => s.close())))

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!
const ms = (x: number) => `${x.toFixed(2)} ms`

async function timed(url: string) {
  const start = performance.now()
  const res = await fetch(url, { headers: authHeaders() })
  const body = (await res.json()) as { starFileList: unknown[]; nextCursor?: string }
  return { elapsed: performance.now() - start, body }
}

it.each([5_000, 200_000])(
  'list latency at %i favorites',
  async (files) => {
    const seedStart = performance.now()
    const server = await startServer(testConfig({ demoFiles: files }))
    const seedMs = performance.now() - seedStart
    servers.push(server)
    const base = `${server.url}${LIST}?pageSize=100&imageProcess=${STYLES}`

    for (let i = 0; i < 20; i++) await timed(base) // warm up
    const first: number[] = []
    for (let i = 0; i < 200; i++) first.push((await timed(base)).elapsed)

    const walk: number[] = []
    let cursor: string | undefined
    let seen = 0
    do {
      const { elapsed, body } = await timed(cursor ? `${base}&pageCursor=${cursor}` : base)
      walk.push(elapsed)
      seen += body.starFileList.length
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toBe(files)

    // Deep pages, jumped to directly: cursors at random positions in the last 10% of the list.
    const rows = server.app
      .store!.db.prepare('SELECT id, starred_time FROM files WHERE starred = 1 ORDER BY starred_time DESC, id DESC LIMIT 200 OFFSET ?')
      .all(Math.floor(files * 0.9)) as { id: string; starred_time: number }[]
    const deep: number[] = []
    for (const row of rows) {
      const c = encodeCursor({ starredTime: row.starred_time, id: row.id, descending: true, fileType: '' })
      deep.push((await timed(`${base}&pageCursor=${c}`)).elapsed)
    }
    const filtered: number[] = []
    for (let i = 0; i < 100; i++) filtered.push((await timed(`${base}&fileType=26`)).elapsed)

    firstPage.set(files, quantile(first, 0.5))
    const small = firstPage.get(5_000)
    if (files === 200_000 && small !== undefined) {
      const ratio = quantile(first, 0.5) / small
      record('serverLatency', {
        value: `${ratio.toFixed(2)}x (first page median ${ms(quantile(first, 0.5))} / ${ms(small)}; deep pages ${ms(quantile(deep, 0.5))})`,
        target: '',
      })
    }
    const memory = process.memoryUsage().rss / 2 ** 20
    console.log(
      [
        `\n${files.toLocaleString('en')} favorites: seeded and started in ${(seedMs / 1000).toFixed(2)} s, RSS ${memory.toFixed(0)} MiB`,
        `  first page (200 requests):        median ${ms(quantile(first, 0.5))}, p95 ${ms(quantile(first, 0.95))}`,
        `  full walk (${walk.length} pages):${' '.repeat(Math.max(1, 18 - String(walk.length).length))}median ${ms(quantile(walk, 0.5))}, p95 ${ms(quantile(walk, 0.95))}`,
        `  deep pages, last 10% (200):       median ${ms(quantile(deep, 0.5))}, p95 ${ms(quantile(deep, 0.95))}`,
        `  fileType=26 first page (100):     median ${ms(quantile(filtered, 0.5))}, p95 ${ms(quantile(filtered, 0.95))}`,
      ].join('\n'),
    )
  },
  600_000,
)
