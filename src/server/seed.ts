// The demo library: realistic, varied, deterministic, and fast to create (200,000 in seconds).
import { FILE_TYPES } from '../wire/format'
import { KINDS } from './seed-kinds'
import type { FileRow, Store } from './store'

/** mulberry32: a tiny seeded PRNG, so every demo library is the same. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
export const PICTURE_POOL_SIZE = 24

/** Files that keep demonstrating things: hostile names, links, refusals. Ids are stable. */
export const SPECIAL = {
  htmlName: 'FdemoHtmlName000000000000000',
  javascriptLink: 'FdemoJavascriptLink000000000',
  locked: 'FdemoLocked00000000000000000',
  longName: 'FdemoLongName000000000000000',
  rtlOverride: 'FdemoRtlOverride000000000000',
} as const

const TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k.weight, 0)
const TEAMS = ['Design', 'Engineering', '市场部', 'Finance', 'فريق المبيعات']
const DAY = 86_400_000

export interface SeedOptions {
  files: number
  now: number
  userId: string
}

export function* demoFiles({ files, now, userId }: SeedOptions): Generator<FileRow> {
  const random = prng(20261123)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const id = (prefix: string, n: number) => {
    let s = prefix
    for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * 64)]
    return s
  }
  const personal = id('I', 40)
  const teams = TEAMS.map((name) => ({ name, container: id('I', 40) }))
  let starredTime = now - 5 * 60_000
  // Spread the newest over today and yesterday, the rest over about six years.
  const meanGap = Math.max(60_000, (6 * 365 * DAY) / Math.max(files, 1))

  for (let i = 0; i < files; i++) {
    let r = random() * TOTAL_WEIGHT
    const kind = KINDS.find((k) => (r -= k.weight) < 0) ?? KINDS[0]!
    const suffixIndex = Math.floor(random() * kind.suffix.length)
    const suffix = kind.suffix[suffixIndex]!
    const team = random() < 0.25 ? pick(teams) : undefined
    const recycled = random() < 0.02
    const noAccess = !recycled && random() < 0.01
    const stem = `${pick(kind.words)} ${1 + Math.floor(random() * 9000)}`
    const size = kind.type === FILE_TYPES.folder ? 0 : random() < 0.01 ? 0 : Math.floor(2 ** (random() * kind.maxLog2Size))
    starredTime -= Math.floor(i < 40 ? random() * 3 * 3_600_000 : random() * 2 * meanGap)
    const created = starredTime - Math.floor(random() * 400 * DAY)
    const hasPicture = kind.type === FILE_TYPES.image || kind.type === FILE_TYPES.video
    yield {
      id: id('F', 27),
      container_id: team?.container ?? personal,
      parent_id: id('D', 27),
      name: suffix ? `${stem}.${suffix}` : stem,
      file_type: kind.type,
      mime_type: kind.mime[Math.min(suffixIndex, kind.mime.length - 1)]!,
      suffix,
      size,
      created_time: created,
      edited_time: created + Math.floor(random() * (starredTime - created)),
      starred: 1,
      starred_time: starredTime,
      recycled: recycled ? 1 : 0,
      hidden: random() < 0.02 ? 1 : 0,
      invalid: random() < 0.02 ? 1 : 0,
      space_type: recycled ? '3' : noAccess ? '4' : team ? '2' : '1',
      file_path: recycled ? 'Recycle bin' : team ? `Team space/${team.name}` : 'Individual space',
      owner_id: team && random() < 0.5 ? id('U', 20) : userId,
      picture: hasPicture ? Math.floor(random() * PICTURE_POOL_SIZE) : null,
      content_link: null,
      locked: i % 97 === 13 ? 1 : 0,
    }
  }
}

/** The hand-made entries that every demo library carries near the top. */
function specialFiles(template: FileRow, now: number): FileRow[] {
  const base: FileRow = {
    ...template,
    recycled: 0,
    hidden: 0,
    invalid: 0,
    locked: 0,
    space_type: '1',
    file_path: 'Individual space',
    size: 48_213,
  }
  const at = (minutes: number) => now - minutes * 60_000
  return [
    {
      ...base,
      id: SPECIAL.htmlName,
      name: '<img src=x onerror="alert(1)"><b>bold</b>.png',
      starred_time: at(1),
      picture: 3,
      file_type: FILE_TYPES.image,
      mime_type: 'image/png',
      suffix: 'png',
    },
    {
      ...base,
      id: SPECIAL.javascriptLink,
      name: 'Click me.pdf',
      starred_time: at(2),
      content_link: 'javascript:alert(document.domain)',
      file_type: FILE_TYPES.other,
      mime_type: 'application/pdf',
      suffix: 'pdf',
      picture: null,
    },
    {
      ...base,
      id: SPECIAL.locked,
      name: 'Company handbook (pinned by admin).pdf',
      starred_time: at(3),
      locked: 1,
      file_type: FILE_TYPES.other,
      mime_type: 'application/pdf',
      suffix: 'pdf',
      picture: null,
    },
    {
      ...base,
      id: SPECIAL.longName,
      name: `${'A very long file name that keeps going '.repeat(7).slice(0, 245)}.docx`,
      starred_time: at(4),
      file_type: FILE_TYPES.word,
      mime_type: KINDS[2]!.mime[0]!,
      suffix: 'docx',
      picture: null,
    },
    {
      ...base,
      id: SPECIAL.rtlOverride,
      name: 'invoice\u202Egpj.exe',
      starred_time: at(5),
      file_type: FILE_TYPES.app,
      mime_type: 'application/x-msdownload',
      suffix: 'exe',
      picture: null,
    },
  ]
}

/** Seeds a new library once; a library that exists is left as it is. Returns true when seeded. */
export function seedDemo(store: Store, options: SeedOptions): boolean {
  if (store.meta('seeded')) return false
  const withSpecials = options.files >= 5
  const template = demoFiles({ ...options, files: 1 }).next().value
  store.insertMany(
    (function* () {
      if (withSpecials && template) yield* specialFiles(template, options.now)
      yield* demoFiles({ ...options, files: withSpecials ? options.files - 5 : options.files })
    })(),
  )
  store.setMeta('autoDeleted', options.files > 0 ? '3' : '0')
  store.setMeta('seeded', new Date(options.now).toISOString())
  return true
}
