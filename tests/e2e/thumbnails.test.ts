// Thumbnails during a fling: tiles that only pass by are not asked for; once the grid is still,
// every tile in view gets its thumbnail. Paced by frames, never by time.
import { expect, it } from 'vitest'
import { openPage, withBrowserAndServer } from '../support/browser'

const app = withBrowserAndServer({ demoFiles: 3000 })

it('a fling asks for few of the thumbnails it passes, and the ones in view when it stops all load', async () => {
  const { page, context, errors } = await openPage(app.browser, app.server)
  const requests: string[] = []
  page.on('request', (r) => void (r.url().includes('/obs/thumbnails/') && requests.push(r.url())))
  const waiting = () =>
    page.evaluate(() => {
      // Waiting: it has a thumbnail, and its image has not loaded (or not been asked for) yet.
      const waitingFor = (cell: Element) => {
        const img = cell.querySelector('img')
        return cell.querySelector('[data-thumbnail]') !== null && !(img?.complete && img.naturalWidth > 0)
      }
      const box = document.querySelector('[data-testid=favorites-scroll]')!.getBoundingClientRect()
      return [...document.querySelectorAll('[role=gridcell]')].filter((cell) => {
        const r = cell.getBoundingClientRect()
        return r.bottom > box.top && r.top < box.bottom && waitingFor(cell)
      }).length
    })
  await page.getByRole('grid', { name: 'Favorites' }).getByRole('gridcell').first().waitFor()
  // Load 1,500 first (the fling below should not outrun the pages), then back to the top.
  await page.evaluate(async () => {
    const el = document.querySelector('[data-testid=favorites-scroll]')!
    while (!document.querySelector('[data-index="1499"]')) {
      el.scrollTop = el.scrollHeight
      await new Promise(requestAnimationFrame)
    }
    el.scrollTop = 0
  })
  await expect.poll(waiting).toBe(0)

  // A fling: two viewports further every frame, so each tile is in view for one frame only.
  const before = requests.length
  const passed = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid=favorites-scroll]')!
    const withThumbnail = new Set<string>()
    for (let frame = 0; frame < 12; frame++) {
      el.scrollTop += 2 * el.clientHeight
      await new Promise(requestAnimationFrame)
      for (const cell of document.querySelectorAll<HTMLElement>('[role=gridcell]')) {
        if (cell.querySelector('[data-thumbnail]')) withThumbnail.add(cell.dataset.index!)
      }
    }
    return withThumbnail.size
  })
  const asked = requests.length - before
  expect(passed).toBeGreaterThan(100)
  // Without holding back, every one of them was asked for (asked === passed, or near it).
  expect(asked).toBeLessThan(passed / 4)

  // Still: every tile in view loads its thumbnail.
  await expect.poll(waiting).toBe(0)
  expect(requests.length).toBeGreaterThan(before + asked)
  expect(errors).toEqual([])
  await context.close()
})
