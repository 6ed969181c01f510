import { createContext, useContext } from 'react'
import type { KooDriveClient } from '../api/client'

export const ClientContext = createContext<KooDriveClient | null>(null)

export function useKooDriveClient(): KooDriveClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useKooDriveClient needs a ClientContext provider')
  return client
}
