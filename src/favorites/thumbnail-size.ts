// Which thumbnail to show: the smallest that covers the tile at the device pixel ratio.
import type { Thumbnail } from '../api/favorite'

/** The styles the app asks for in one imageProcess list: grid sizes up to 3x, and the preview. */
export const IMAGE_STYLES = [128, 256, 480, 1080].map((side) => `image/resize,m_lfit,h_${side},w_${side}`)

const side = (t: Thumbnail) => Math.max(t.width, t.height)

/** The smallest thumbnail at least `cssPixels * dpr` on its long side, else the largest there is. */
export function chooseThumbnail(thumbnails: readonly Thumbnail[], cssPixels: number, dpr: number): Thumbnail | undefined {
  const needed = cssPixels * Math.max(1, dpr || 1)
  const bySize = [...thumbnails].sort((a, b) => side(a) - side(b))
  return bySize.find((t) => side(t) >= needed) ?? bySize.at(-1)
}

export const largestThumbnail = (thumbnails: readonly Thumbnail[]) => chooseThumbnail(thumbnails, Infinity, 1)
