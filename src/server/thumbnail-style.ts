// OBS image styles (`image/resize,m_lfit,w_128,h_128`): parsing them, and the output size each
// makes, capped so that no side passes MAX_SIDE.

export interface ImageStyle {
  mode: 'lfit' | 'mfit' | 'fill' | 'pad' | 'fixed'
  width?: number
  height?: number
}

export const MODES: Record<ImageStyle['mode'], 'inside' | 'outside' | 'cover' | 'contain' | 'fill'> = {
  lfit: 'inside',
  mfit: 'outside',
  fill: 'cover',
  pad: 'contain',
  fixed: 'fill',
}
export const DEFAULT_STYLE = 'image/resize,m_lfit,h_128,w_128'
/** No side of a request or of an output is larger, whatever the mode. */
export const MAX_SIDE = 4096

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
      // An own key only: `m_constructor` or `m___proto__` must not pass as a mode.
      if (!Object.hasOwn(MODES, value)) return `imageProcess style "${style}" has an unknown mode "m_${value}"`
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

/**
 * The output size of `style` for a `width` x `height` source, as sharp makes it, scaled down as a
 * whole when a side would pass MAX_SIDE (m_mfit, or a missing w_/h_ taken from the aspect ratio,
 * can ask for more than either parameter says).
 */
export function outputSize(style: ImageStyle, [width, height]: readonly [number, number]): { width: number; height: number } {
  const w = style.width ?? Math.round(((style.height ?? height) * width) / height)
  const h = style.height ?? Math.round(((style.width ?? width) * height) / width)
  let out: [number, number]
  if (style.mode === 'lfit') {
    const scale = Math.min(w / width, h / height, 1)
    out = [width * scale, height * scale]
  } else if (style.mode === 'mfit') {
    const scale = Math.max(w / width, h / height)
    out = [width * scale, height * scale]
  } else out = [w, h]
  const shrink = Math.min(1, MAX_SIDE / Math.max(...out))
  return { width: Math.max(1, Math.round(out[0] * shrink)), height: Math.max(1, Math.round(out[1] * shrink)) }
}
