// The two KooDrive favorites calls, in the app's own terms.
import * as v from 'valibot'
import { ApiError, type KooDriveClient } from './client'
import { toFavorite, type Favorite } from './favorite'
import { BATCH_PATH, LIST_PATH, MAX_BATCH, type WireBatchRequest } from '../wire/format'
import { batchResponseSchema, isSuccessCode, listResponseSchema } from '../wire/schemas'

export type SortDirection = 'asc' | 'desc'

export interface ListParams {
  cursor?: string
  pageSize?: number
  sortDirection?: SortDirection
  /** A fileType code ('15' ...); undefined for all. */
  fileType?: string
  /** imageProcess styles, sent `;`-separated in one call. */
  imageProcess?: readonly string[]
}

export interface ListPage {
  items: Favorite[]
  nextCursor?: string
  autoDeleted: number
  /** Items the server sent that were not files at all (no id): left out, but counted. */
  skipped: number
}

/** Names the first thing that was off, and where: one line, for the alert that shows it. */
function malformed([issue]: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): ApiError {
  const at = issue.path?.map((p) => String(p.key)).join('.')
  return new ApiError('malformed', 200, 'MALFORMED', `KooDrive sent an unexpected response: ${issue.message}${at ? ` (at ${at})` : ''}`, '')
}

export async function listFavorites(
  client: KooDriveClient,
  params: ListParams = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<ListPage> {
  const body = await client.request(LIST_PATH, {
    signal,
    query: {
      pageSize: params.pageSize,
      pageCursor: params.cursor,
      sortType: 1,
      sortDirection: params.sortDirection === 'asc' ? 1 : 2,
      fileType: params.fileType,
      imageProcess: params.imageProcess?.length ? params.imageProcess.join(';') : undefined,
    },
  })
  const parsed = v.safeParse(listResponseSchema, body)
  if (!parsed.success) throw malformed(parsed.issues)
  const items: Favorite[] = []
  for (const raw of parsed.output.starFileList) {
    const item = toFavorite(raw, client.baseUrl)
    if (item) items.push(item)
  }
  return {
    items,
    nextCursor: parsed.output.nextCursor || undefined,
    autoDeleted: Math.max(0, Math.trunc(parsed.output.autoDeleted ?? 0)),
    skipped: parsed.output.starFileList.length - items.length,
  }
}

export interface FileRef {
  id: string
  containerId?: string
  /** For messages only ("Report.pdf could not be removed"); never sent. */
  name?: string
}

export interface StarFailure {
  id: string
  code: string
  message: string
  /** Set when the whole call for this file's batch failed (network, 401, 5xx ...). */
  error?: ApiError
}

export interface StarResult {
  starred: boolean
  succeeded: string[]
  failed: StarFailure[]
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** A file that can be sent: its space is known. */
type Sendable = FileRef & { containerId: string }

async function starChunk(client: KooDriveClient, files: Sendable[], starred: boolean, signal?: AbortSignal): Promise<StarResult> {
  const request: WireBatchRequest = { starred, subRequestList: files.map((f) => ({ containerId: f.containerId, fileId: f.id })) }
  const body = await client.request(BATCH_PATH, { method: 'POST', signal, body: request })
  const parsed = v.safeParse(batchResponseSchema, body)
  if (!parsed.success) throw malformed(parsed.issues)
  const answers = new Map(parsed.output.subResponseList.map((r) => [r.fileId, r]))
  const result: StarResult = { starred, succeeded: [], failed: [] }
  for (const file of files) {
    const answer = answers.get(file.id)
    if (answer ? isSuccessCode(answer.code) : parsed.output.status === 0) {
      result.succeeded.push(file.id)
    } else {
      result.failed.push({
        id: file.id,
        code: String(answer?.code ?? ''),
        message: answer?.message || answer?.msg || 'KooDrive did not confirm this file',
      })
    }
  }
  return result
}

/**
 * Star or unstar any number of files: batches of 100, a few in flight at once, results merged
 * per file. Sends absolute states, so a retry is always safe.
 */
export async function setStarred(
  client: KooDriveClient,
  files: readonly FileRef[],
  starred: boolean,
  { signal, concurrency = 3 }: { signal?: AbortSignal; concurrency?: number } = {},
): Promise<StarResult> {
  const result: StarResult = { starred, succeeded: [], failed: [] }
  const unique = [...new Map(files.map((f) => [f.id, f])).values()]
  const sendable: Sendable[] = []
  for (const file of unique) {
    if (file.containerId) sendable.push({ ...file, containerId: file.containerId })
    else result.failed.push({ id: file.id, code: 'NO_CONTAINER', message: 'This file has no space ID to send' })
  }
  const queue = chunks(sendable, MAX_BATCH)
  const worker = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      try {
        const part = await starChunk(client, batch, starred, signal)
        result.succeeded.push(...part.succeeded)
        result.failed.push(...part.failed)
      } catch (error) {
        if (signal?.aborted) throw error
        const apiError = error instanceof ApiError ? error : new ApiError('network', 0, 'UNKNOWN', String(error), '')
        result.failed.push(...batch.map((f) => ({ id: f.id, code: apiError.code, message: apiError.msg, error: apiError })))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker))
  return result
}
