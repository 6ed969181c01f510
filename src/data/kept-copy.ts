// The offline copy is read back from IndexedDB, which anything with this origin's storage can have
// written: it is checked against the shape the app keeps, and a copy that does not match is
// dropped whole, never half-used.
// Built from the valibot functions the wire schemas already use: valibot is shared with the first
// screen's chunk, so any other function would land there.
import type { PersistedClient } from '@tanstack/react-query-persist-client'
import * as v from 'valibot'

/** The app keeps only http(s) links (safeHttpUrl); anything else was not written by it. */
const httpUrl = v.pipe(v.string(), v.regex(/^https?:\/\//i))
const thumbnail = v.looseObject({ width: v.number(), height: v.number(), url: httpUrl, fit: v.picklist(['cover', 'contain']) })
const favorite = v.looseObject({
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
  owner: v.optional(v.looseObject({ id: v.string(), me: v.boolean() })),
  thumbnails: v.array(thumbnail),
  contentUrl: v.optional(httpUrl),
  canDownload: v.boolean(),
  starred: v.boolean(),
})
const page = v.looseObject({ items: v.array(favorite), nextCursor: v.optional(v.string()), autoDeleted: v.number(), skipped: v.number() })
const list = v.looseObject({ pages: v.array(page), pageParams: v.array(v.nullish(v.string())) })
const client = v.looseObject({
  timestamp: v.number(),
  buster: v.string(),
  clientState: v.looseObject({
    mutations: v.array(v.unknown()),
    queries: v.array(
      v.looseObject({
        queryKey: v.array(v.union([v.string(), v.record(v.string(), v.unknown())])),
        queryHash: v.string(),
        state: v.looseObject({ data: list, dataUpdatedAt: v.number(), status: v.picklist(['success']) }),
      }),
    ),
  }),
})

/** Whether a copy read back is one the app wrote: lists of favorites, every link http(s). */
export function isKeptCopy(value: unknown): value is PersistedClient {
  const parsed = v.safeParse(client, value)
  return parsed.success && parsed.output.clientState.queries.every(({ queryKey: [all, kind] }) => all === 'favorites' && kind === 'list')
}
