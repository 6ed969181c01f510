// Removing, Undo and a refusal on the favorites screen, against the real embedded server (the
// same flows as tests/e2e/select.test.ts, in React Testing Library).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { FavoritesPage } from '../../../src/favorites/favorites-page'
import type { RunningServer } from '../../../src/server/app'
import { SPECIAL } from '../../../src/server/seed'
import { startTestServer } from '../../support/server'
import { renderWithApp, testClient } from '../../support/render'

// Noon, local time: the date groups do not depend on the time zone.
vi.setSystemTime(new Date(2026, 2, 18, 12, 0))

let server: RunningServer
beforeAll(async () => {
  server = await startTestServer({ demoFiles: 30 })
})
afterAll(() => server.close())
afterEach(() => {
  server.app.store!.db.prepare('UPDATE files SET starred = 1').run()
})

const starredOnServer = (id: string) =>
  (server.app.store!.db.prepare('SELECT starred FROM files WHERE id = ?').get(id) as { starred: number }).starred === 1
const idOf = (name: string) => (server.app.store!.db.prepare('SELECT id FROM files WHERE name = ?').get(name) as { id: string }).id
/** The file names of the mounted cells, in order (a cell's name starts with its file's). */
const cellNames = () =>
  within(screen.getByRole('grid', { name: 'Favorites' }))
    .getAllByRole('gridcell')
    .map((c) => c.querySelector('bdi')?.textContent ?? '')
const cell = (name: string) => screen.getByRole('gridcell', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })

async function openScreen() {
  const user = userEvent.setup()
  renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
  await screen.findByRole('grid', { name: 'Favorites' })
  await screen.findByText(/^That is all/)
  return user
}

it('select -> remove -> Undo: the files leave at once, KooDrive unstars them, Undo puts them back where they were', async () => {
  const user = await openScreen()
  const before = cellNames()
  const [x, y] = [before[5]!, before[7]!]
  await user.click(cell(x))
  await user.keyboard('{Control>}')
  await user.click(cell(y))
  await user.keyboard('{/Control}')
  const toolbar = await screen.findByRole('toolbar', { name: 'Selection' })
  expect(toolbar).toHaveTextContent('2 selected')

  await user.click(within(toolbar).getByRole('button', { name: 'Remove from favorites' }))
  expect(cellNames()).not.toContain(x)
  expect(cellNames()).not.toContain(y)
  expect(await screen.findByText('Removed 2 from favorites')).toHaveAttribute('role', 'status')
  await waitFor(() => expect([starredOnServer(idOf(x)), starredOnServer(idOf(y))]).toEqual([false, false]))

  await user.click(screen.getByRole('button', { name: 'Undo' }))
  // Back in place at once, before KooDrive answers.
  expect(cellNames().slice(0, 10)).toEqual(before.slice(0, 10))
  expect(await screen.findByText('Added 2 back to favorites')).toHaveAttribute('role', 'status')
  await waitFor(() => expect([starredOnServer(idOf(x)), starredOnServer(idOf(y))]).toEqual([true, true]))
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
}, 30_000)

it('a refusal comes back with its alert: the refused file returns in place and stays selected, the others stay removed', async () => {
  const user = await openScreen()
  const before = cellNames()
  const locked = before.findIndex((n) => n.startsWith('Company handbook'))
  expect(locked).toBeGreaterThan(0)
  const chosen = before.slice(locked - 1, locked + 2)
  await user.click(cell(chosen[0]!))
  await user.keyboard('{Shift>}')
  await user.click(cell(chosen[2]!))
  await user.keyboard('{/Shift}')
  const toolbar = await screen.findByRole('toolbar', { name: 'Selection' })
  await user.click(within(toolbar).getByRole('button', { name: 'Remove from favorites' }))

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('KooDrive kept 1 in favorites')
  expect(alert).toHaveTextContent(
    'Company handbook (pinned by admin).pdf: This favorite is pinned by your administrator and cannot be removed',
  )
  await waitFor(() => expect(cellNames().filter((n) => chosen.includes(n))).toEqual([before[locked]]))
  expect(cellNames().indexOf(before[locked]!)).toBe(locked - 1)
  expect(cell(before[locked]!)).toHaveAttribute('aria-selected', 'true')
  expect(screen.getByRole('toolbar', { name: 'Selection' })).toHaveTextContent('1 selected')
  expect(screen.getByText('Removed 2 from favorites')).toHaveAttribute('role', 'status')
  expect(starredOnServer(SPECIAL.locked)).toBe(true)
  expect(starredOnServer(idOf(chosen[0]!))).toBe(false)

  await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
}, 30_000)
