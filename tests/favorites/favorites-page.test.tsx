// The favorites screen in each of its states, against the real embedded server.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../src/server/app'
import { FavoritesPage } from '../../src/favorites/favorites-page'
import { startTestServer } from '../support/server'
import { renderWithApp, testClient } from '../support/render'

// Noon, local time: the newest favorites (minutes old) fall under "Today" in every time zone.
vi.setSystemTime(new Date(2026, 2, 18, 12, 0))

let server: RunningServer
let empty: RunningServer
beforeAll(async () => {
  ;[server, empty] = await Promise.all([startTestServer({ demoFiles: 30 }), startTestServer({ demoFiles: 0 })])
  server.app.store!.db.prepare("UPDATE files SET starred = 0 WHERE file_type = '35'").run()
})
afterAll(() => Promise.all([server.close(), empty.close()]))

describe('FavoritesPage', () => {
  it('shows a loading state, then tiles named after their files, then the end line with the total', async () => {
    renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Loading favorites…')
    const grid = await screen.findByRole('grid', { name: 'Favorites' })
    const total = server.app.store!.count()
    expect(within(grid).getByRole('gridcell', { name: /^Click me\.pdf/ })).toBeInTheDocument()
    // Virtualized: only what is near the viewport is mounted.
    const mounted = within(grid).getAllByRole('gridcell').length
    expect(mounted).toBeGreaterThan(10)
    expect(mounted).toBeLessThan(total)
    expect(await screen.findByText(`That is all: ${total} favorites`)).toBeInTheDocument()
    // Date headers flow in the grid but are not cells.
    expect(within(grid).getAllByRole('rowheader')[0]).toHaveTextContent('Today')
  })

  it('shows a hostile name as inert text and takes bidi controls out', async () => {
    renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
    const cell = await screen.findByRole('gridcell', { name: /^<img src=x onerror="alert\(1\)"><b>bold<\/b>\.png/ })
    expect(cell.querySelector('b')).toBeNull()
    expect(screen.getByRole('gridcell', { name: /^invoicegpj\.exe/ })).toBeInTheDocument()
  })

  it('says when favorites were deleted automatically, until dismissed', async () => {
    const user = userEvent.setup()
    renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
    const note = await screen.findByRole('note')
    expect(note).toHaveTextContent('3 favorites went away because their files were deleted.')
    await user.click(within(note).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
  })

  it('keeps the notice dismissed across a reload, and brings it back when the count changes', async () => {
    const user = userEvent.setup()
    const first = renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
    await user.click(within(await screen.findByRole('note')).getByRole('button', { name: 'Dismiss' }))
    first.unmount()

    // A reload: a new page over the same session.
    const second = renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
    expect(await screen.findByText(`That is all: ${server.app.store!.count()} favorites`)).toBeInTheDocument()
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
    second.unmount()

    server.app.store!.setMeta('autoDeleted', '4')
    try {
      renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
      expect(await screen.findByRole('note')).toHaveTextContent('4 favorites went away because their files were deleted.')
    } finally {
      server.app.store!.setMeta('autoDeleted', '3')
    }
  })

  it('previews a file whose codes the pages do not list, instead of crashing', async () => {
    const db = server.app.store!.db
    const id = (db.prepare("SELECT id FROM files WHERE file_type = '15' LIMIT 1").get() as { id: string }).id
    db.prepare("UPDATE files SET space_type = '9', file_type = '99' WHERE id = ?").run(id)
    try {
      renderWithApp(<FavoritesPage />, { client: testClient(server.url), route: `/?file=${id}` })
      const dialog = await screen.findByRole('dialog')
      expect(dialog).toHaveTextContent('Another space')
      expect(dialog).toHaveTextContent('Others')
    } finally {
      db.prepare("UPDATE files SET space_type = '1', file_type = '15' WHERE id = ?").run(id)
    }
  })

  it('says so when KooDrive sent entries that are not files, instead of dropping them silently', async () => {
    // Fault injection: the real server only sends files; add an entry without an id to its answer.
    const withJunk: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (!String(input).includes('/star/files')) return res
      const body = await res.json()
      body.starFileList.push({ fileName: 'no id: not a file' })
      return new Response(JSON.stringify(body), { status: res.status, headers: res.headers })
    }
    renderWithApp(<FavoritesPage />, { client: testClient(server.url, withJunk) })
    const total = server.app.store!.count()
    expect(
      await screen.findByText(`That is all: ${total} favorites KooDrive also sent 1 entry that is not a file; it is left out.`),
    ).toBeInTheDocument()
  })

  it('has an empty state for the whole list', async () => {
    renderWithApp(<FavoritesPage />, { client: testClient(empty.url) })
    expect(await screen.findByText('No favorites yet. Star files in KooDrive and they appear here.')).toBeInTheDocument()
    expect(screen.queryByRole('grid')).not.toBeInTheDocument()
  })

  it('has an empty state for a filter, with a way back to all types', async () => {
    const user = userEvent.setup()
    renderWithApp(<FavoritesPage />, { client: testClient(server.url), route: '/?type=archives' })
    expect(await screen.findByText('No favorites of this type.')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'File type' })).toHaveValue('archives')
    await user.click(screen.getByRole('button', { name: 'Show all types' }))
    expect(await screen.findByRole('grid', { name: 'Favorites' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'File type' })).toHaveValue('all')
  })

  it('keeps a query typed a moment before a file type is chosen, before the router has rendered it', async () => {
    renderWithApp(<FavoritesPage />, { client: testClient(server.url) })
    await screen.findByRole('grid', { name: 'Favorites' })
    // Both in one batch: the router renders the query in a transition, after the second change.
    act(() => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search favorites by name' }), { target: { value: 'photo' } })
      fireEvent.change(screen.getByRole('combobox', { name: 'File type' }), { target: { value: 'images' } })
    })
    const url = new URLSearchParams(window.location.search)
    expect([url.get('q'), url.get('type')]).toEqual(['photo', 'images'])
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'File type' })).toHaveValue('images'))
    expect(screen.getByRole('searchbox', { name: 'Search favorites by name' })).toHaveValue('photo')
  })

  it('shows a failed first page with the server message and a Retry that works', async () => {
    const user = userEvent.setup()
    let failures = 1
    // Fault injection: the first call answers 500, as a broken backend would.
    const flaky: typeof fetch = (input, init) =>
      failures-- > 0
        ? Promise.resolve(new Response(JSON.stringify({ code: 'APIGW.0101', msg: 'Backend unavailable' }), { status: 500 }))
        : fetch(input, init)
    renderWithApp(<FavoritesPage />, { client: testClient(server.url, flaky) })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load favorites')
    expect(alert).toHaveTextContent('Backend unavailable (HTTP 500, code APIGW.0101')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('grid', { name: 'Favorites' })).toBeInTheDocument()
  })

  it('shows a failed later page in place, with Retry, keeping what was loaded', async () => {
    const big = await startTestServer({ demoFiles: 150 })
    const user = userEvent.setup()
    let calls = 0
    const failSecond: typeof fetch = (input, init) =>
      ++calls === 2 ? Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })) : fetch(input, init)
    try {
      renderWithApp(<FavoritesPage />, { client: testClient(big.url, failSecond) })
      // Scroll to the end of the first page: the grid asks for the next one.
      const grid = await screen.findByRole('grid', { name: 'Favorites' })
      const scroller = screen.getByTestId('favorites-scroll')
      act(() => {
        scroller.scrollTop = parseFloat(grid.style.height) - 768
      })
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('Could not load more favorites')
      expect(alert).toHaveTextContent('HTTP 502')
      expect(screen.getByRole('grid', { name: 'Favorites' })).toBeInTheDocument()
      await user.click(within(alert).getByRole('button', { name: 'Retry' }))
      expect(await screen.findByText('That is all: 150 favorites')).toBeInTheDocument()
    } finally {
      await big.close()
    }
  })
})
