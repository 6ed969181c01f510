// What counts as "offline": only a request that found no network, never a bug or a refusal.
import { expect, it } from 'vitest'
import { ApiError, createClient } from '../../src/api/client'
import { isNetworkFailure } from '../../src/lib/network'

it('counts only the client’s network errors as offline, not its own guard or any other TypeError', async () => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
  const lost = await client.request('/koodrive/ose/v1/star/files').catch((e: unknown) => e)
  expect(lost).toMatchObject({ kind: 'network' })
  expect(isNetworkFailure(lost)).toBe(true)

  const guard = await client.request('//evil.example/steal').catch((e: unknown) => e)
  expect(guard).toBeInstanceOf(TypeError)
  expect(isNetworkFailure(guard)).toBe(false)
  expect(isNetworkFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
  expect(isNetworkFailure(new ApiError('timeout', 0, 'TIMEOUT', 'No answer', '1'))).toBe(false)
})
