// The import direction is a lint rule: app -> favorites -> data -> lib, ui -> api -> wire (see eslint.config.js).
import path from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { expect, it } from 'vitest'

const eslint = new ESLint()
const problems = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath })).flatMap((r) =>
    r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message),
  )

it.each([
  ['src/favorites/x.ts', "import { App } from '../app/app'"],
  ['src/lib/x.ts', "import { Tile } from '../favorites/tile'"],
  ['src/api/x.ts', "import { session } from '../lib/session'"],
  ['src/ui/x.ts', "import { useI18n } from '../lib/i18n'"],
  ['src/server/x.ts', "import { session } from '../lib/session'"],
  ['src/data/x.ts', "import { Tile } from '../favorites/grid/tile'"],
  ['src/lib/x.ts', "import { persistOptions } from '../data/persist'"],
  ['src/api/x.ts', "import { favoriteQueries } from '../data/queries'"],
  ['src/wire/x.ts', "import { ApiError } from '../api/client'"],
  ['src/server/x.ts', "import { favoriteQueries } from '../data/queries'"],
  ['src/favorites/grid/x.ts', "import { App } from '../../app/app'"],
])('refuses an import against the direction: %s <- %s', async (file, code) => {
  expect(await problems(file, `${code}\nexport {}\n`)).toEqual([expect.stringContaining('Imports go one way')])
})

it.each([
  ['src/app/x.ts', "import { FavoritesPage } from '../favorites/favorites-page'"],
  ['src/favorites/x.ts', "import { useI18n } from '../lib/i18n'"],
  ['src/lib/x.ts', "import type { Credentials } from '../api/client'"],
  ['src/server/x.ts', "import { FILE_TYPES } from '../wire/format'"],
  ['src/favorites/x.ts', "import { outboxWrites } from '../data/outbox'"],
  ['src/data/x.ts', "import { idle } from '../lib/idle'"],
  ['src/favorites/grid/x.ts', "import { favoriteQueries } from '../../data/queries'"],
])('allows an import along it: %s <- %s', async (file, code) => {
  expect(await problems(file, `${code}\nexport {}\n`)).toEqual([])
})

it('refuses a source file over 200 lines, messages excepted', async () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const x${i} = ${i}`).join('\n') + '\n'
  const rules = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId)
  expect(await rules('src/favorites/x.ts', lines(201))).toContain('max-lines')
  expect(await rules('src/favorites/x.ts', lines(200))).not.toContain('max-lines')
  expect(await rules('src/lib/messages/x.ts', lines(201))).not.toContain('max-lines')
})

// The app and the server are TypeScript projects of their own (tsconfig.app.json: DOM, no Node;
// tsconfig.server.json: Node, no DOM), so neither side can use the other's globals.
const typeErrors = (project: string, file: string, code: string) => {
  const parsed = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!
  const host = ts.createCompilerHost(parsed.options)
  const read = host.readFile
  host.readFile = (name) => (path.resolve(name) === path.resolve(file) ? code : read(name))
  host.fileExists = (
    (exists) => (name: string) =>
      path.resolve(name) === path.resolve(file) || exists(name)
  )(host.fileExists)
  const program = ts.createProgram([file], { ...parsed.options, noEmit: true }, host)
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

it.each([
  ['tsconfig.server.json', 'src/server/probe.ts', 'export const here = window.location.href\n', "Cannot find name 'window'"],
  [
    'tsconfig.app.json',
    'src/app/probe.ts',
    "import fs from 'node:fs'\nexport const read = fs.readFileSync\n",
    "Cannot find name 'node:fs'",
  ],
  ['tsconfig.app.json', 'src/app/probe.ts', 'export const bytes = Buffer.from("x")\n', "Cannot find name 'Buffer'"],
])('%s refuses the other side’s globals (%s)', (project, file, code, error) => {
  expect(typeErrors(project, file, code)).toEqual([expect.stringContaining(error)])
})

it.each([
  ['tsconfig.server.json', 'src/server/probe.ts', "import fs from 'node:fs'\nexport const read = fs.readFileSync\n"],
  ['tsconfig.app.json', 'src/app/probe.ts', 'export const here = window.location.href\n'],
])('%s allows its own side’s globals (%s)', (project, file, code) => {
  expect(typeErrors(project, file, code)).toEqual([])
})
