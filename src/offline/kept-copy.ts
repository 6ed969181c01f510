// The offline copy is read back from IndexedDB, which anything with this origin's storage can have
// written: it is checked against the shape the app keeps, and a copy that does not match is
// dropped whole, never half-used.
import type { PersistedClient } from '@tanstack/react-query-persist-client'
import * as v from 'valibot'
import { safeHttpUrl } from '../api/favorite'

const httpUrl = v.pipe(
  v.string(),
  v.check((url) => safeHttpUrl(url) === url),
)
const thumbnail = v.object({ width: v.number(), height: v.number(), url: httpUrl, fit: v.picklist(['cover', 'contain']) })
const favorite = v.object({
  id: v.string(),
  name: v.string(),
  type: v.picklist(['folder', 'image', 'video', 'word', 'excel', 'powerpoint', 'audio', 'archive', 'app', 'other']),
  suffix: v.optional(v.string()),
  size: v.optional(v.number()),
  createdAt: v.optional(v.number()),
  editedAt: v.optional(v.number()),
  starredAt: v.optional(v.number()),
  recycled: v.boolean(),
  hidden: v.boolean(),
  expired: v.boolean(),
  containerId: v.optional(v.string()),
  path: v.optional(v.string()),
  spaceType: v.optional(v.picklist(['individual', 'team', 'recycleBin', 'noAccess', 'other'])),
  owner: v.optional(v.object({ id: v.string(), me: v.boolean() })),
  thumbnails: v.array(thumbnail),
  contentUrl: v.optional(httpUrl),
  canDownload: v.boolean(),
  starred: v.boolean(),
})
const page = v.object({ items: v.array(favorite), nextCursor: v.optional(v.string()), autoDeleted: v.number(), skipped: v.number() })
const list = v.object({ pages: v.array(page), pageParams: v.array(v.nullable(v.string())) })
const client = v.object({
  timestamp: v.number(),
  buster: v.string(),
  clientState: v.object({
    mutations: v.array(v.unknown()),
    queries: v.array(
      v.object({
        queryKey: v.tuple([v.literal('favorites'), v.literal('list'), v.record(v.string(), v.unknown())]),
        queryHash: v.string(),
        state: v.object({ data: list, dataUpdatedAt: v.number(), status: v.literal('success') }),
      }),
    ),
  }),
})

/** Whether a copy read back is one the app wrote: lists of favorites, every link http(s). */
export const isKeptCopy = (value: unknown): value is PersistedClient => v.is(client, value)
