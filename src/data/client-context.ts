// The API client and the star mutation's options, given once by the app shell.
import { createContext, useContext } from 'react'
import type { KooDriveClient } from '../api/client'
import type { StarMutationOptions } from './star-mutation'

export const ClientContext = createContext<KooDriveClient | null>(null)
export const StarMutationContext = createContext<StarMutationOptions | null>(null)

export function useKooDriveClient(): KooDriveClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useKooDriveClient needs a ClientContext provider')
  return client
}

/** The same options object the query client has as the mutation's defaults. */
export function useStarMutationOptions(): StarMutationOptions {
  const options = useContext(StarMutationContext)
  if (!options) throw new Error('useStarMutationOptions needs a StarMutationContext provider')
  return options
}
