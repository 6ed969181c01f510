// Star and unstar optimistically, as in TkDodo's "Concurrent Optimistic Updates in React Query":
// cancel list fetches and patch every cached page when a change is asked for, reconcile per file
// from the batch answers, and refetch the lists only when the last change has settled.
import { mutationOptions, type Mutation, type QueryClient } from '@tanstack/react-query'
import type { ApiError, KooDriveClient } from '../api/client'
import { setStarred, type StarFailure, type StarResult } from '../api/endpoints'
import { failedFiles, patchStarred, StarChangeError, type FavoritesData } from './optimistic'
import { favoriteMutations, favoriteQueries, type SetStarredVariables } from './queries'

/** How many times one change waits through Connect after a 401 before the refusal is shown. */
export const MAX_CONNECTS = 3

/** What onMutate hands to the other callbacks: who asked last for each file. */
export interface StarContext {
  token: object
}

export type StarMutation = Mutation<StarResult, Error, SetStarredVariables, StarContext>

export interface StarMutationDependencies {
  /** A 401: end the session and resolve once the same user is connected again (reject otherwise). */
  reauthorize: (error: ApiError) => Promise<void>
  /** Nothing reached KooDrive: the app counts that as offline (the change then waits, paused). */
  networkFailed?: () => void
  /** Resolves when a change may be sent; the app waits for its optimistic frame to be painted. */
  beforeSend?: () => Promise<void>
}

/**
 * The star/unstar mutation. The app registers this object with setMutationDefaults, so that a
 * change paused offline can be resumed with nothing but its key and variables, and the screens
 * call useMutation with the same object.
 */
export function starMutationOptions(client: KooDriveClient, { reauthorize, networkFailed, beforeSend }: StarMutationDependencies) {
  // The last change asked for each file. A change that settles after a newer one for the same
  // file was asked for must not set that file back: the newer one decides.
  const lastAsked = new Map<string, object>()
  const lists = { queryKey: favoriteQueries.lists() }
  const mutationKey = favoriteMutations.setStarredKey()

  function settle(queryClient: QueryClient, variables: SetStarredVariables, failed: readonly StarFailure[], token: object | undefined) {
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

  return mutationOptions<StarResult, Error, SetStarredVariables, StarContext>({
    mutationKey,
    mutationFn: async (variables, { client: queryClient }) => {
      await beforeSend?.()
      const { files, starred } = variables
      const result: StarResult = { starred, succeeded: [], failed: [] }
      // The last state asked for each file wins: a file a newer change also asks for is left to
      // it (changes queued offline are resumed together, and would otherwise race).
      const cache = queryClient.getMutationCache()
      const me = cache.find({ mutationKey, predicate: (m) => m.state.variables === variables })
      const newer = new Set(
        cache
          .findAll({ mutationKey, status: 'pending', predicate: (m) => me !== undefined && m.mutationId > me.mutationId })
          .flatMap((m) => (m as StarMutation).state.variables?.files.map((f) => f.id) ?? []),
      )
      result.succeeded.push(...files.filter((f) => newer.has(f.id)).map((f) => f.id))
      let remaining = files.filter((f) => !newer.has(f.id))
      if (remaining.length === 0) return result
      for (let connects = 0; ; connects++) {
        const part = await setStarred(client, remaining, starred)
        result.succeeded.push(...part.succeeded)
        // Refused again right after Connect, more than once: KooDrive will not take this change
        // from this user, and saying so beats asking for the token for ever.
        const waitForConnect = connects < MAX_CONNECTS
        const unauthorized = waitForConnect ? part.failed.filter((f) => f.error?.unauthorized) : []
        result.failed.push(...part.failed.filter((f) => !waitForConnect || !f.error?.unauthorized))
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
    // States are absolute, so sending one again is safe: 5xx and 429 are retried three times, and
    // a network failure without limit (paused while offline, capped backoff once online).
    retry: (failureCount, error) => {
      if (!(error instanceof StarChangeError) || !error.error.retryable) return false
      if (error.error.kind === 'network') {
        networkFailed?.()
        return true
      }
      return failureCount < 3
    },
    onMutate: async ({ files, starred }, { client: queryClient }) => {
      const token = {}
      for (const f of files) lastAsked.set(f.id, token)
      const ids = new Set(files.map((f) => f.id))
      // Patch first, in the same task as the click; then stop any fetch that would overwrite it.
      queryClient.setQueriesData<FavoritesData>(lists, (data) => patchStarred(data, ids, starred))
      await queryClient.cancelQueries(lists)
      queryClient.setQueriesData<FavoritesData>(lists, (data) => patchStarred(data, ids, starred))
      return { token }
    },
    onSuccess: (data, variables, context, { client: queryClient }) => settle(queryClient, variables, data.failed, context?.token),
    onError: (error, variables, context, { client: queryClient }) =>
      settle(queryClient, variables, failedFiles({ variables, error }), context?.token),
  })
}

export type StarMutationOptions = ReturnType<typeof starMutationOptions>
