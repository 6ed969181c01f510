// Which thumbnail to show: the smallest that still covers the tile's picture box at the device
// pixel ratio once it is cover-cropped, so no tile is ever upscaled.
import type { Thumbnail } from '../../api/favorite'

/**
 * The styles the app asks for in one imageProcess list. Tiles crop to fill their box, so their
 * sizes are m_mfit: the short side reaches the size, whatever the picture's shape. The preview
 * shows the whole picture: m_lfit.
 */
export const TILE_SIDES = [128, 256, 512] as const
export const PREVIEW_SIDE = 1080
export const IMAGE_STYLES = [
  ...TILE_SIDES.map((side) => `image/resize,m_mfit,h_${side},w_${side}`),
  `image/resize,m_lfit,h_${PREVIEW_SIDE},w_${PREVIEW_SIDE}`,
]

/**
 * How large a 'contain' thumbnail's short side may be, as a share of its long side, when nothing
 * says more: 2/3, a 3:2 photo. Only a server that ignores m_mfit makes this matter.
 */
const CONTAIN_SHORT_SIDE = 2 / 3

/** Whether `t` fills a `width` x `height` box (device pixels) when cover-cropped. */
function covers(t: Thumbnail, width: number, height: number): boolean {
  if (t.fit === 'cover') return t.width >= width && t.height >= height
  return Math.min(t.width, t.height) * CONTAIN_SHORT_SIDE >= Math.max(width, height)
}

/** The smallest thumbnail that covers the box at `dpr`, else the largest there is (`thumbnails` are smallest first). */
export function chooseThumbnail(
  thumbnails: readonly Thumbnail[],
  box: { width: number; height: number },
  dpr: number,
): Thumbnail | undefined {
  const scale = Math.max(1, dpr || 1)
  return thumbnails.find((t) => covers(t, box.width * scale, box.height * scale)) ?? thumbnails.at(-1)
}

/** The preview's picture: the largest that shows it whole, else the largest there is. */
export function largestThumbnail(thumbnails: readonly Thumbnail[]): Thumbnail | undefined {
  return thumbnails.findLast((t) => t.fit === 'contain') ?? thumbnails.at(-1)
}
