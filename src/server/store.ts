// Favorites in SQLite: keyset pagination on (starredTime, id), absolute star/unstar.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

export interface FileRow {
  id: string
  container_id: string
  parent_id: string
  name: string
  file_type: string
  mime_type: string
  suffix: string
  size: number
  created_time: number
  edited_time: number
  starred: 0 | 1
  starred_time: number
  recycled: 0 | 1
  hidden: 0 | 1
  invalid: 0 | 1
  space_type: string
  file_path: string
  owner_id: string
  /** Index into the thumbnail picture pool; null when the file has no thumbnail. */
  picture: number | null
  /** Overrides the content download link (the demo's hostile entries). */
  content_link: string | null
  /** Refuses to be unstarred, so partial success can be seen. */
  locked: 0 | 1
}

export interface Position {
  starredTime: number
  id: string
}

export interface ListQuery {
  limit: number
  descending: boolean
  fileType?: string
  after?: Position
}

export type StarFileResult = 'ok' | 'not-found' | 'locked'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY,
  container_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  name TEXT NOT NULL,
  file_type TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  suffix TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_time INTEGER NOT NULL,
  edited_time INTEGER NOT NULL,
  starred INTEGER NOT NULL,
  starred_time INTEGER NOT NULL,
  recycled INTEGER NOT NULL,
  hidden INTEGER NOT NULL,
  invalid INTEGER NOT NULL,
  space_type TEXT NOT NULL,
  file_path TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  picture INTEGER,
  content_link TEXT,
  locked INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_starred ON files (starred_time, id) WHERE starred = 1;
CREATE INDEX IF NOT EXISTS files_by_type_starred ON files (file_type, starred_time, id) WHERE starred = 1;
`

export type Store = ReturnType<typeof openStore>

export function openStore(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'koodrive.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(SCHEMA)

  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
  const putMeta = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
  const insert = db.prepare<FileRow>(`INSERT INTO files VALUES (@id, @container_id, @parent_id, @name, @file_type,
    @mime_type, @suffix, @size, @created_time, @edited_time, @starred, @starred_time, @recycled, @hidden, @invalid,
    @space_type, @file_path, @owner_id, @picture, @content_link, @locked)`)
  const byId = db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?')
  const star = db.prepare<[number, string]>('UPDATE files SET starred = 1, starred_time = ? WHERE id = ? AND starred = 0')
  const unstar = db.prepare<[string]>('UPDATE files SET starred = 0 WHERE id = ?')

  // One statement per (direction, filter, first page or not): the shapes keyset pagination needs.
  const listStatements = new Map<string, Database.Statement<unknown[], FileRow>>()
  function listStatement(q: ListQuery) {
    const key = `${q.descending}:${q.fileType !== undefined}:${q.after !== undefined}`
    let statement = listStatements.get(key)
    if (!statement) {
      const op = q.descending ? '<' : '>'
      const dir = q.descending ? 'DESC' : 'ASC'
      statement = db.prepare(`SELECT * FROM files WHERE starred = 1
        ${q.fileType !== undefined ? 'AND file_type = @fileType' : ''}
        ${q.after ? `AND (starred_time, id) ${op} (@starredTime, @id)` : ''}
        ORDER BY starred_time ${dir}, id ${dir} LIMIT @limit`)
      listStatements.set(key, statement)
    }
    return statement
  }

  return {
    db,
    meta: (key: string) => getMeta.get(key)?.value,
    setMeta: (key: string, value: string) => void putMeta.run(key, value),
    insertMany: db.transaction((rows: Iterable<FileRow>) => {
      for (const row of rows) insert.run(row)
    }),
    get: (id: string) => byId.get(id),
    /** Up to `limit` starred files after `after`, in (starredTime, id) order. */
    list(q: ListQuery): FileRow[] {
      return listStatement(q).all({ limit: q.limit, fileType: q.fileType, ...q.after })
    },
    /**
     * Absolute state: starring a starred file keeps its place; starring an unstarred one gives it
     * a new starredTime; unstarring an unstarred one is a no-op success.
     */
    setStarred: db.transaction((ids: { fileId: string; containerId: string }[], starred: boolean, now: number) =>
      ids.map(({ fileId, containerId }): StarFileResult => {
        const row = byId.get(fileId)
        if (!row || row.container_id !== containerId) return 'not-found'
        if (starred) star.run(now, fileId)
        else if (row.locked && row.starred) return 'locked'
        else unstar.run(fileId)
        return 'ok'
      }),
    ),
    count: () => (db.prepare('SELECT count(*) AS n FROM files WHERE starred = 1').get() as { n: number }).n,
    close: () => db.close(),
  }
}
