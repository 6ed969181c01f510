// English arrives in two parts: the first screen's messages (messages/en.ts) and the rest
// (messages/en-later.ts), which a module must import to show one of them. A module that shows a
// later message without importing it would show the message's key instead.
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { enLater } from '../../src/lib/messages/en-later'

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name)
    if (d.isDirectory()) return d.name === 'server' || d.name === 'messages' ? [] : sources(file)
    return /\.tsx?$/.test(d.name) ? [file] : []
  })

it('is imported by every module that shows a later message', () => {
  const laterKeys = Object.keys(enLater)
  // t('key'), and t(`prefix.${...}`) for a family of keys.
  const shows = (code: string, key: string) =>
    code.includes(`t('${key}'`) || (key.includes('.') && code.includes(`t(\`${key.split('.')[0]}.\${`))
  const users = sources('src').flatMap((file) => {
    const code = fs.readFileSync(file, 'utf8')
    const used = laterKeys.filter((k) => shows(code, k))
    return used.length > 0 ? [{ file, used, imports: /import '[./]+\/lib\/messages\/en-later'/.test(code) }] : []
  })
  expect(users.filter((u) => !u.imports).map((u) => `${u.file}: ${u.used.join(', ')}`)).toEqual([])
  // It sees the modules it should: Connect, the preview, the toolbar, the statuses...
  expect(users.map((u) => path.basename(u.file))).toEqual(
    expect.arrayContaining(['connect-screen.tsx', 'preview-dialog.tsx', 'selection-toolbar.tsx', 'search-status.tsx']),
  )
})
