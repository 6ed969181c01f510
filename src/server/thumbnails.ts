// Real thumbnails: a pool of generated pictures, resized per imageProcess style to WebP, cached on
// disk. Bounded everywhere: output size, renders at once, renders waiting, and bytes on disk.
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { PICTURE_POOL_SIZE } from './seed'
import { MODES, outputSize, type ImageStyle } from './thumbnail-style'

// libvips keeps decoded images in a process-wide cache; our own disk cache already avoids
// repeated work, so that memory would only stay behind after a burst of large renders.
sharp.cache(false)

const PALETTES = [
  ['#0f2027', '#2c5364', '#f8b500'],
  ['#ff9a9e', '#fad0c4', '#5f2c82'],
  ['#134e5e', '#71b280', '#f6f0c4'],
  ['#232526', '#414345', '#e96443'],
  ['#2193b0', '#6dd5ed', '#ffffff'],
  ['#ee9ca7', '#ffdde1', '#355c7d'],
  ['#1d4350', '#a43931', '#f9d423'],
  ['#3a1c71', '#d76d77', '#ffaf7b'],
]
const SIZES = [
  [1600, 1200],
  [1200, 1600],
  [1400, 1400],
  [2000, 1000],
] as const

/** The size of pool picture `index`. */
export const pictureSize = (index: number) => SIZES[index % SIZES.length]!

/** Too many renders waiting: answered 503 with Retry-After. */
export class ThumbnailsBusy extends Error {}

export interface ThumbnailLimits {
  /** Renders at once. */
  concurrent: number
  /**
   * Output pixels allowed to wait for a turn; a render that would pass it gets ThumbnailsBusy.
   * Counted in pixels, not requests: a first screen's 70 small tiles wait their turn, while a
   * burst of 4k renders is refused after a few.
   */
  queuedPixels: number
  /** Bytes of rendered thumbnails kept on disk; the least recently used go first. */
  diskBytes: number
}
export const DEFAULT_LIMITS: ThumbnailLimits = { concurrent: 2, queuedPixels: 64 * 1024 * 1024, diskBytes: 256 * 1024 * 1024 }

/** At most `concurrent` jobs at once, and `queuedPixels` worth of them waiting. */
function limiter({ concurrent, queuedPixels }: Pick<ThumbnailLimits, 'concurrent' | 'queuedPixels'>) {
  let running = 0
  let waitingPixels = 0
  const waiting: (() => void)[] = []
  return async function run<T>(pixels: number, job: () => Promise<T>): Promise<T> {
    if (running >= concurrent) {
      if (waitingPixels + pixels > queuedPixels) throw new ThumbnailsBusy('Too many thumbnails are being made; try again shortly')
      waitingPixels += pixels
      await new Promise<void>((resolve) => waiting.push(resolve)) // handed a running slot
      waitingPixels -= pixels
    } else running++
    try {
      return await job()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}

/** An SVG landscape: sky gradient, sun, and layered hills, different for each pool index. */
function pictureSvg(index: number): { svg: string } {
  const [width, height] = SIZES[index % SIZES.length]!
  const [a, b, c] = PALETTES[index % PALETTES.length]!
  const hills = [0.55, 0.68, 0.8].map((level, i) => {
    const y = height * level
    const amp = height * (0.05 + ((index * 7 + i * 3) % 5) * 0.02)
    const phase = (index * 37 + i * 91) % 360
    const points = Array.from({ length: 21 }, (_, k) => {
      const x = (width * k) / 20
      return `${x.toFixed(0)},${(y + amp * Math.sin(((k * 18 + phase) * Math.PI) / 180)).toFixed(0)}`
    })
    return `<polygon points="0,${height} ${points.join(' ')} ${width},${height}" fill="${c}" opacity="${0.35 + i * 0.2}"/>`
  })
  const sunX = width * (0.2 + ((index * 13) % 60) / 100)
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <circle cx="${sunX}" cy="${height * 0.3}" r="${Math.min(width, height) * 0.09}" fill="${c}" opacity="0.9"/>
      ${hills.join('')}
    </svg>`,
  }
}

export type Thumbnails = ReturnType<typeof createThumbnails>

export function createThumbnails(dataDir: string, limits: ThumbnailLimits = DEFAULT_LIMITS) {
  const poolDir = path.join(dataDir, 'pictures')
  const cacheDir = path.join(dataDir, 'thumbnails')
  const inFlight = new Map<string, Promise<string>>()
  const render = limiter(limits)
  // Rendered files, least recently used first, with their sizes; read from the disk at start.
  const onDisk = new Map<string, number>()
  let diskBytes = 0
  const scanned = fs
    .readdir(cacheDir)
    .then((names) =>
      Promise.all(names.filter((n) => n.endsWith('.webp')).map(async (n) => [n, (await fs.stat(path.join(cacheDir, n))).size] as const)),
    )
    .then((entries) => entries.forEach(([n, size]) => remember(n, size)))
    .catch(() => {})

  function remember(name: string, size: number) {
    diskBytes += size - (onDisk.get(name) ?? 0)
    onDisk.delete(name)
    onDisk.set(name, size)
    for (const [oldest, bytes] of onDisk) {
      if (diskBytes <= limits.diskBytes || oldest === name) break
      onDisk.delete(oldest)
      diskBytes -= bytes
      void fs.rm(path.join(cacheDir, oldest), { force: true })
    }
  }

  /** Makes `file` once (written aside, then renamed into place); later calls find it on disk. */
  function once(file: string, make: (target: string) => Promise<unknown>): Promise<string> {
    let job = inFlight.get(file)
    if (!job) {
      job = fs
        .access(file)
        .catch(async () => {
          await fs.mkdir(path.dirname(file), { recursive: true })
          const tmp = `${file}.${process.pid}.tmp`
          await make(tmp)
          await fs.rename(tmp, file)
        })
        .then(() => file)
        .finally(() => inFlight.delete(file))
      inFlight.set(file, job)
    }
    return job
  }

  async function picture(index: number): Promise<string> {
    const file = path.join(poolDir, `picture-${index}.jpg`)
    return once(file, (target) =>
      sharp(Buffer.from(pictureSvg(index).svg))
        .jpeg({ quality: 82 })
        .toFile(target),
    )
  }

  return {
    isPicture: (index: number) => Number.isInteger(index) && index >= 0 && index < PICTURE_POOL_SIZE,
    /** The full-size pool picture (JPEG). */
    picture,
    /**
     * A WebP thumbnail of pool picture `index` in `style`; made once (in turn with the other
     * renders), then read from disk until the disk budget pushes it out.
     */
    async thumbnail(index: number, style: ImageStyle): Promise<string> {
      await scanned
      const source = await picture(index)
      const size = outputSize(style, pictureSize(index))
      // Named by what is made: two styles that come to the same output share one file.
      const name = `picture-${index}-${style.mode}-${size.width}x${size.height}.webp`
      const file = path.join(cacheDir, name)
      const made = await once(file, (target) =>
        render(size.width * size.height, () =>
          sharp(source)
            .resize({
              width: size.width,
              height: size.height,
              fit: style.mode === 'lfit' || style.mode === 'mfit' ? 'fill' : MODES[style.mode],
              background: '#00000000',
            })
            .webp({ quality: 76 })
            .toFile(target),
        ),
      )
      remember(name, (await fs.stat(made)).size)
      return made
    },
  }
}
