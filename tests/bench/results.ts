// The benchmark's table: each bench file records its figures here; docs/bench/results.md is written
// again after every record, so a partial run (one file) updates only its own rows.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

export interface Figure {
  value: string
  /** What the issue asks for, or '' for a figure that is only reported. */
  target: string
  /** Met, missed, or undefined when there is no target. */
  met?: boolean
}

/** The rows of the table, in order, with their labels. */
export const FIGURES = {
  frames: 'scroll frames app/control, 3,000 / 8,000 px/s',
  slowFrames: 'app frames over 33 ms / long animation frames over 50 ms, 3,000 / 8,000 px/s',
  busy: 'main-thread busy share minus control, 3,000 / 8,000 px/s',
  thumbnailRequests: 'thumbnail requests per favorite scrolled past, 3,000 / 8,000 px/s',
  slowScrollLoaded: 'tiles visible after a 3,000 px/s scroll that get their thumbnail',
  settle: 'visible thumbnails settled after a fling / after a jump',
  firstThumbnail: 'first thumbnail after start, app / static page',
  reopen: 'first thumbnail, installed app reopened with a kept copy / first visit, API 400 ms away',
  heap: 'heap per loaded favorite (1,000 -> 20,000 loaded)',
  dom: 'DOM elements with 1,000 / 20,000 loaded',
  dragFrames: 'long frames (> 50 ms) while jumping to the end until 20,000 are loaded',
  depthFrames: 'scroll frames app/control at 3,000 px/s, 1,000 / 20,000 loaded',
  depthWork: 'main thread per scroll frame, 1,000 / 20,000 loaded',
  nextPageFrames: 'long frames (> 50 ms) on one more page arriving at 20,000',
  pageWork: 'main thread for one more page arriving, 1,000 / 20,000 loaded',
  allLoadedFrames: 'scroll frames app/control at 3,000 px/s, all 100,000 loaded (sorted by name)',
  heap100k: 'heap per loaded favorite (1,000 -> 100,000 loaded)',
  remove: 'removing 1 / 1,000 / 10,000 / 20,000 selected, click to paint',
  serverLatency: 'server list-page latency, 200,000 / 5,000 favorites',
  keystroke: 'search keystroke to painted results, 20,000 loaded (control: a plain input)',
  searchAll: 'searching 100,000 / loading every page without rendering',
  sortByName: 'sorting 20,000 loaded by name, main thread',
} as const
export type FigureKey = keyof typeof FIGURES

const JSON_FILE = 'docs/bench/results.json'
const MD_FILE = 'docs/bench/results.md'

function read(): Partial<Record<FigureKey, Figure>> {
  try {
    return JSON.parse(fs.readFileSync(JSON_FILE, 'utf8')) as Partial<Record<FigureKey, Figure>>
  } catch {
    return {}
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return 'Chromium (version unknown)'
  }
}

/**
 * The fonts matter: the demo names some files in Chinese and with emoji, and where no font has
 * those characters Chromium looks for one again for every name (200-300 µs a name against 15-35 µs
 * with Noto CJK and Noto Color Emoji installed), which shows in the scrolling figures.
 */
function fonts(): string {
  const count = (args: string[]) => {
    try {
      return execFileSync('fc-list', args, { encoding: 'utf8' }).split('\n').filter(Boolean).length
    } catch {
      return undefined
    }
  }
  const all = count([':', 'family'])
  if (all === undefined) return 'fonts unknown (no fc-list)'
  return `${all} font families (${count([':lang=zh', 'family']) ? 'with' : 'no'} Chinese, ${count([':color=true', 'family']) ? 'with' : 'no'} colour emoji)`
}

/** The machine, asked once per run (record() is called for every figure). */
let machine: string | undefined
function describeMachine(): string {
  const cpu = os.cpus()
  return [
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB,`,
    `node ${process.version}, ${chromiumVersion()} headless, ${fonts()}.`,
  ].join('\n')
}

export function record(key: FigureKey, figure: Figure) {
  fs.mkdirSync('docs/bench', { recursive: true })
  const all = { ...read(), [key]: figure }
  fs.writeFileSync(JSON_FILE, JSON.stringify(all, null, 2) + '\n')
  const rows = (Object.keys(FIGURES) as FigureKey[]).map((k) => {
    const f = all[k]
    const met = f?.met === undefined ? '' : f.met ? 'yes' : '**no**'
    return `| ${FIGURES[k]} | ${f?.value ?? 'not measured'} | ${f?.target ?? ''} | ${met} |`
  })
  const md = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see docs/performance.md). Browser figures are medians of interleaved trials, each in a fresh',
    'browser context, beside a control measured in the same browser and run. Nothing here is asserted by a test.',
    '',
    (machine ??= describeMachine()),
    '',
    '| figure | measured | target | met |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
  fs.writeFileSync(MD_FILE, md)
  console.log(`${FIGURES[key]}: ${figure.value}${figure.target ? ` (target ${figure.target})` : ''}`)
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
