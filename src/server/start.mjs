// `npm start`: builds the app when its sources are newer than the build, then starts the server.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const outputs = ['dist/client/index.html', 'dist/server/main.js'].map((f) => path.join(root, f))
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json']

function newest(entry) {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return 0
  const stat = fs.statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...fs.readdirSync(full).map((name) => newest(path.join(entry, name))))
}

const built = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)))
if (built < Math.max(...inputs.map(newest))) {
  console.log('Building the app (sources changed since the last build)...')
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
process.chdir(root)
await import(path.join(root, 'dist/server/main.js'))
