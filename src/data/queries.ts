// TanStack Query option factories for favorites, keys generic to specific.
import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query'
import { ApiError, type KooDriveClient } from '../api/client'
import { listFavorites, type FileRef, type ListParams } from '../api/endpoints'
import { sharePages } from './optimistic'
import { sessionCall } from '../api/session'

export type ListFilter = Omit<ListParams, 'cursor'>

/** Network errors, 5xx and 429 are retried with backoff (1 s, 2 s, 4 s); other 4xx are not. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof ApiError && error.retryable && failureCount < 3
}

export interface SetStarredVariables {
  files: FileRef[]
  starred: boolean
}

export const favoriteQueries = {
  all: () => ['favorites'] as const,
  lists: () => [...favoriteQueries.all(), 'list'] as const,
  list: (client: KooDriveClient, filter: ListFilter) =>
    infiniteQueryOptions({
      queryKey: [...favoriteQueries.lists(), filter],
      queryFn: ({ pageParam, signal }) => listFavorites(client, { ...filter, cursor: pageParam }, { signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor,
      structuralSharing: sharePages,
    }),
}

export const sessionQueries = {
  /**
   * Who the app's server holds a session for (the demo opens one by itself); null once this page
   * has disconnected, so that the demo does not open again until a reload.
   */
  check: (baseUrl: string) => ({
    queryKey: ['session', baseUrl] as const,
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<string | null> =>
      sessionCall(baseUrl, 'GET', undefined, signal) as Promise<string>,
    staleTime: Infinity,
    gcTime: Infinity,
  }),
}

/** The star/unstar mutation is registered once with setMutationDefaults (see optimistic.ts). */
export const favoriteMutations = {
  setStarredKey: () => [...favoriteQueries.all(), 'setStarred'] as const,
}

/** Forgets everything cached for the user: every favorites page and every change not yet settled. */
export function forgetUser(queryClient: QueryClient) {
  queryClient.removeQueries({ queryKey: favoriteQueries.all() })
  queryClient.getMutationCache().clear()
}
