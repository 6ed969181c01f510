// Star and unstar optimistically, as in TkDodo's "Concurrent Optimistic Updates in React Query":
// cancel list fetches and patch every cached page when a change is asked for, reconcile per file
// from the batch answers, and refetch the lists only when the last change has settled.
import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { ApiError, type KooDriveClient } from './client'
import { setStarred, type FavoritesPage, type StarFailure, type StarResult } from './favorites'
import { favoriteMutations, favoriteQueries, type SetStarredVariables } from './queries'

export type FavoritesData = InfiniteData<FavoritesPage, string | undefined>

/**
 * Every cached page with `starred` set on the given files. Pages and items that do not change are
 * returned as they were, so React re-renders only what changed; nothing moves, which is how a
 * file that comes back (Undo, a refusal) lands exactly where it was.
 */
export function patchStarred(data: FavoritesData | undefined, ids: ReadonlySet<string>, starred: boolean): FavoritesData | undefined {
  if (!data || ids.size === 0) return data
  let changed = false
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.starred !== starred && ids.has(item.id))) return page
    changed = true
    return { ...page, items: page.items.map((item) => (item.starred !== starred && ids.has(item.id) ? { ...item, starred } : item)) }
  })
  return changed ? { ...data, pages } : data
}

/** Thrown when part of a change could not be sent for a reason worth retrying; carries what did go through. */
export class StarChangeError extends Error {
  constructor(
    readonly result: StarResult,
    readonly error: ApiError,
  ) {
    super(error.msg)
    this.name = 'StarChangeError'
  }
}

/** The files of a change that did not happen: all of them when it failed outright. */
export function failedFiles(variables: SetStarredVariables, outcome: StarResult | unknown): StarFailure[] {
  if (outcome instanceof StarChangeError) return outcome.result.failed
  if (outcome && typeof outcome === 'object' && 'failed' in outcome) return (outcome as StarResult).failed
  const error = outcome instanceof ApiError ? outcome : undefined
  const message = error?.msg ?? (outcome instanceof Error ? outcome.message : String(outcome))
  return variables.files.map((f) => ({ id: f.id, code: error?.code ?? 'UNKNOWN', message, error }))
}

export interface StarMutationOptions {
  /** A 401: end the session and resolve once the same user is connected again (reject otherwise). */
  reauthorize: (error: ApiError) => Promise<void>
}

/**
 * Registers the star/unstar mutation under its key, so that a change paused offline can be
 * persisted and resumed with nothing but the key and its variables.
 */
export function registerStarMutation(queryClient: QueryClient, client: KooDriveClient, { reauthorize }: StarMutationOptions) {
  // The last change asked for each file. A change that settles after a newer one for the same
  // file was asked for must not set that file back: the newer one decides.
  const lastAsked = new Map<string, object>()
  const lists = { queryKey: favoriteQueries.lists() }
  const mutationKey = favoriteMutations.setStarredKey()

  function settle(variables: SetStarredVariables, failed: readonly StarFailure[], token: object | undefined) {
    const revert = new Set<string>()
    const failedIds = new Set(failed.map((f) => f.id))
    for (const { id } of variables.files) {
      // A change resumed after a reload has no token: it is the newest unless one was asked since.
      const mine = token ? lastAsked.get(id) === token : !lastAsked.has(id)
      if (mine && failedIds.has(id)) revert.add(id)
    }
    queryClient.setQueriesData<FavoritesData>(lists, (data) => patchStarred(data, revert, !variables.starred))
    if (queryClient.isMutating({ mutationKey }) === 1) {
      lastAsked.clear()
      void queryClient.invalidateQueries(lists)
    }
  }

  queryClient.setMutationDefaults(mutationKey, {
    mutationFn: async ({ files, starred }: SetStarredVariables): Promise<StarResult> => {
      const result: StarResult = { starred, succeeded: [], failed: [] }
      let remaining = files
      for (;;) {
        const part = await setStarred(client, remaining, starred)
        result.succeeded.push(...part.succeeded)
        const unauthorized = part.failed.filter((f) => f.error?.unauthorized)
        result.failed.push(...part.failed.filter((f) => !f.error?.unauthorized))
        if (unauthorized.length === 0) break
        // Keep the change pending through Connect and send the rest once the user is back.
        await reauthorize(unauthorized[0]!.error!)
        const again = new Set(unauthorized.map((f) => f.id))
        remaining = remaining.filter((f) => again.has(f.id))
      }
      const retryable = result.failed.find((f) => f.error?.retryable)
      if (retryable) throw new StarChangeError(result, retryable.error!)
      return result
    },
    // States are absolute, so sending one again is safe: network errors, 5xx and 429 are retried.
    retry: (failureCount, error) => error instanceof StarChangeError && error.error.retryable && failureCount < 3,
    onMutate: async ({ files, starred }: SetStarredVariables) => {
      const token = {}
      for (const f of files) lastAsked.set(f.id, token)
      const ids = new Set(files.map((f) => f.id))
      // Patch first, in the same task as the click; then stop any fetch that would overwrite it.
      queryClient.setQueriesData<FavoritesData>(lists, (data) => patchStarred(data, ids, starred))
      await queryClient.cancelQueries(lists)
      queryClient.setQueriesData<FavoritesData>(lists, (data) => patchStarred(data, ids, starred))
      return { token }
    },
    onSuccess: (result: StarResult, variables: SetStarredVariables, context: { token: object } | undefined) =>
      settle(variables, result.failed, context?.token),
    onError: (error: unknown, variables: SetStarredVariables, context: { token: object } | undefined) =>
      settle(variables, failedFiles(variables, error), context?.token),
  })
}

/** Where a removed file was: the file loaded just before it (none when it was first). */
export interface Place<T = FavoritesPage['items'][number]> {
  item: T
  after?: string
}

/**
 * Puts files that a refetch already dropped back into the pages, each right after the file it
 * followed, hidden (`starred: false`) until a change shows them. Files still cached are left alone.
 */
export function restorePlaces(data: FavoritesData | undefined, places: readonly Place[]): FavoritesData | undefined {
  if (!data) return data
  const present = new Set(data.pages.flatMap((p) => p.items.map((i) => i.id)))
  const missing = places.filter((p) => !present.has(p.item.id))
  if (missing.length === 0) return data
  const pages = data.pages.map((p) => ({ ...p, items: [...p.items] }))
  for (const { item, after } of missing) {
    const page = after === undefined ? pages[0] : pages.find((p) => p.items.some((i) => i.id === after))
    if (!page) continue // its neighbour is gone too, and no place is known: the refetch decides
    page.items.splice(after === undefined ? 0 : page.items.findIndex((i) => i.id === after) + 1, 0, { ...item, starred: false })
  }
  return { ...data, pages }
}
