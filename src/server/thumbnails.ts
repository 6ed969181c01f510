// Real thumbnails: a pool of generated pictures, resized per imageProcess style to WebP, cached on disk.
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { PICTURE_POOL_SIZE } from './seed'

export interface ImageStyle {
  mode: 'lfit' | 'mfit' | 'fill' | 'pad' | 'fixed'
  width?: number
  height?: number
}

const MODES: Record<ImageStyle['mode'], 'inside' | 'outside' | 'cover' | 'contain' | 'fill'> = {
  lfit: 'inside',
  mfit: 'outside',
  fill: 'cover',
  pad: 'contain',
  fixed: 'fill',
}
export const DEFAULT_STYLE = 'image/resize,m_lfit,h_128,w_128'
const MAX_SIDE = 4096

/**
 * Parses an OBS `image/resize,...` style. Returns an error message when it is not one we serve.
 * Parameters may come in any order, as in OBS.
 */
export function parseStyle(style: string): ImageStyle | string {
  const [action, ...params] = style.split(',')
  if (action !== 'image/resize') return `imageProcess style "${style}" is not supported: use image/resize,m_lfit,w_<width>,h_<height>`
  const parsed: ImageStyle = { mode: 'lfit' }
  for (const param of params) {
    const m = /^([mwh])_(\w+)$/.exec(param)
    if (!m) return `imageProcess style "${style}" has an unknown parameter "${param}"`
    const [, key, value] = m as unknown as [string, 'm' | 'w' | 'h', string]
    if (key === 'm') {
      if (!(value in MODES)) return `imageProcess style "${style}" has an unknown mode "m_${value}"`
      parsed.mode = value as ImageStyle['mode']
    } else {
      const n = Number(value)
      if (!/^\d+$/.test(value) || n < 1 || n > MAX_SIDE) return `imageProcess style "${style}": ${key}_ must be from 1 to ${MAX_SIDE}`
      if (key === 'w') parsed.width = n
      else parsed.height = n
    }
  }
  if (!parsed.width && !parsed.height) return `imageProcess style "${style}" needs w_ or h_`
  return parsed
}

const PALETTES = [
  ['#0f2027', '#2c5364', '#f8b500'], ['#ff9a9e', '#fad0c4', '#5f2c82'], ['#134e5e', '#71b280', '#f6f0c4'],
  ['#232526', '#414345', '#e96443'], ['#2193b0', '#6dd5ed', '#ffffff'], ['#ee9ca7', '#ffdde1', '#355c7d'],
  ['#1d4350', '#a43931', '#f9d423'], ['#3a1c71', '#d76d77', '#ffaf7b'],
]
const SIZES = [[1600, 1200], [1200, 1600], [1400, 1400], [2000, 1000]] as const

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

export function createThumbnails(dataDir: string) {
  const poolDir = path.join(dataDir, 'pictures')
  const cacheDir = path.join(dataDir, 'thumbnails')
  const inFlight = new Map<string, Promise<string>>()

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
    return once(file, (target) => sharp(Buffer.from(pictureSvg(index).svg)).jpeg({ quality: 82 }).toFile(target))
  }

  return {
    isPicture: (index: number) => Number.isInteger(index) && index >= 0 && index < PICTURE_POOL_SIZE,
    /** The full-size pool picture (JPEG). */
    picture,
    /** A WebP thumbnail of pool picture `index` in `style`; made once, then read from disk. */
    async thumbnail(index: number, style: ImageStyle): Promise<string> {
      const source = await picture(index)
      const name = `picture-${index}-${style.mode}-${style.width ?? 0}x${style.height ?? 0}.webp`
      const file = path.join(cacheDir, name)
      return once(file, (target) =>
        sharp(source)
          .resize({ width: style.width, height: style.height, fit: MODES[style.mode], withoutEnlargement: style.mode === 'lfit', background: '#00000000' })
          .webp({ quality: 76 })
          .toFile(target),
      )
    },
  }
}
