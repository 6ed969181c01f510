// A favorite for tests of pure functions: an image, starred, with no thumbnails unless given.
import type { Favorite } from '../../src/api/favorite'

export const favorite = (id: string, overrides: Partial<Favorite> = {}): Favorite => ({
  id,
  name: id,
  type: 'image',
  recycled: false,
  hidden: false,
  expired: false,
  thumbnails: [],
  canDownload: true,
  starred: true,
  ...overrides,
})
