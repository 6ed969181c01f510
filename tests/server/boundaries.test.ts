// The import direction is a lint rule: app -> favorites, offline -> lib, ui -> api (see eslint.config.js).
import { ESLint } from 'eslint'
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
  ['src/favorites/x.ts', "import { outboxWrites } from '../offline/outbox'"],
  ['src/offline/x.ts', "import { Tile } from '../favorites/tile'"],
  ['src/lib/x.ts', "import { persistOptions } from '../offline/persist'"],
])('refuses an import against the direction: %s <- %s', async (file, code) => {
  expect(await problems(file, `${code}\nexport {}\n`)).toEqual([expect.stringContaining('Imports go one way')])
})

it.each([
  ['src/app/x.ts', "import { FavoritesPage } from '../favorites/favorites-page'"],
  ['src/favorites/x.ts', "import { useI18n } from '../lib/i18n'"],
  ['src/lib/x.ts', "import type { Credentials } from '../api/client'"],
  ['src/server/x.ts', "import { FILE_TYPES } from '../api/wire'"],
  ['src/app/x.ts', "import { UpdatePrompt } from '../offline/update-prompt'"],
  ['src/offline/x.ts', "import { useI18n } from '../lib/i18n'"],
])('allows an import along it: %s <- %s', async (file, code) => {
  expect(await problems(file, `${code}\nexport {}\n`)).toEqual([])
})
