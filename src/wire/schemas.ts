// Lenient schemas: what the client accepts from any server that honours the pages (NOTES.md
// variants included). Every reading a real server could send is accepted; unknown fields are ignored.
import * as v from 'valibot'

/** A field that is dropped (undefined) rather than failing the whole file when it is off. */
const soft = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined)

const str = v.union([v.string(), v.pipe(v.number(), v.transform(String))])
const num = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number))])
const bool = v.union([
  v.boolean(),
  v.pipe(
    v.picklist(['true', 'false', 0, 1, '0', '1']),
    v.transform((x) => x === 'true' || x === 1 || x === '1'),
  ),
])
const urlObject = v.looseObject({ url: soft(v.string()) })

const imageSchema = v.looseObject({
  process: soft(v.string()),
  downloadUrl: soft(urlObject),
})
const sliceObjectSchema = v.looseObject({
  images: soft(v.array(v.fallback(imageSchema, {}))),
})
const attachmentSchema = v.looseObject({
  usage: soft(v.string()),
  asset: soft(
    v.looseObject({
      resource: soft(
        v.looseObject({
          // The table says `objects` (array); the example says `object` (one). Accept both.
          objects: soft(v.array(v.fallback(sliceObjectSchema, {}))),
          object: soft(sliceObjectSchema),
        }),
      ),
    }),
  ),
})
const userSchema = v.looseObject({ userId: soft(v.string()), me: soft(bool) })

export const starFileSchema = v.looseObject({
  id: v.pipe(str, v.minLength(1)),
  fileName: soft(v.string()),
  fileType: soft(str),
  mimeType: soft(v.string()),
  fileSuffix: soft(v.string()),
  recycled: soft(bool),
  hidden: soft(bool),
  invalid: soft(num),
  size: soft(num),
  containers: soft(v.array(str)),
  parentFolder: soft(v.array(str)),
  createdTime: soft(str),
  editedTime: soft(str),
  starredTime: soft(str),
  filePath: soft(v.string()),
  spaceType: soft(str),
  owners: soft(v.array(v.fallback(userSchema, {}))),
  lastEditor: soft(userSchema),
  attachments: soft(v.array(v.fallback(attachmentSchema, {}))),
  downloadLinks: soft(
    v.union([
      v.array(v.fallback(v.looseObject({ usage: soft(v.string()), downloadLink: soft(v.string()) }), {})),
      // The table says "Array of DownloadLink"; tolerate a single object too.
      v.pipe(
        v.looseObject({ usage: soft(v.string()), downloadLink: soft(v.string()) }),
        v.transform((x) => [x]),
      ),
    ]),
  ),
  userCapabilities: soft(v.record(v.string(), v.fallback(v.optional(bool), undefined))),
})
export type StarFileInput = v.InferOutput<typeof starFileSchema>

/** `code` is a String in the tables and the number 0 in the example: both mean success. */
export const isSuccessCode = (code: unknown) => code === undefined || code === 0 || code === '0'

export const listResponseSchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  msg: soft(v.string()),
  nextCursor: v.nullish(v.string()),
  autoDeleted: soft(num),
  // Items are checked one by one (see toFavorite) so that one odd file cannot hide a page.
  starFileList: v.optional(v.array(v.unknown()), []),
})

export const batchResponseSchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  msg: soft(v.string()),
  status: v.optional(num),
  subResponseList: v.optional(
    v.array(
      v.looseObject({
        fileId: str,
        code: v.optional(v.union([v.string(), v.number()])),
        message: soft(v.string()),
        msg: soft(v.string()),
      }),
    ),
    [],
  ),
})

export const errorBodySchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  msg: soft(v.string()),
  message: soft(v.string()),
})
