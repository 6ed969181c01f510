// The favorites screen (a first cut: the virtualized grid replaces this list).
import { useInfiniteQuery } from '@tanstack/react-query'
import { useKooDriveClient } from '../app/client-context'
import { favoriteQueries } from '../api/queries'

export function FavoritesPage() {
  const client = useKooDriveClient()
  const query = useInfiniteQuery(favoriteQueries.list(client, { sortDirection: 'desc', pageSize: 100 }))
  const items = query.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">Favorites</h1>
      {query.isPending && <p>Loading favorites…</p>}
      {query.isError && <p role="alert">{query.error.message}</p>}
      <ul aria-label="Favorites" className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map((item) => (
          <li key={item.id} className="truncate rounded border border-slate-200 p-2" title={item.name}>
            {item.thumbnails[0] && <img src={item.thumbnails[0].url} alt="" className="mb-1 h-24 w-full object-cover" />}
            {item.name}
          </li>
        ))}
      </ul>
    </main>
  )
}
