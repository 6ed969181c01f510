// The initial JavaScript's budget: the entry chunk index.html loads and every chunk it imports
// statically (lazy chunks excluded), gzipped, from the build the browser tests run. A size, not a
// time, so it is the same on every machine and CI checks it.
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, it } from 'vitest'

const DIST = 'dist/client'
/** react, react-dom, @tanstack/react-query, @tanstack/react-virtual and react-router-dom, gzipped. */
const LIBRARY_FLOOR_KIB = 113.9
const BUDGET = 1.1

it('keeps the initial JS within 1.10 of the libraries it is built on (gzip)', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = fs.readFileSync(path.join(DIST, file), 'utf8')
    // Static imports only (`import{x}from"./a.js"`, `import"./a.js"`), not `import("./a.js")`.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(path.posix.join(path.posix.dirname(file), m[1]!))
    }
  }
  entries.forEach(visit)
  const bytes = [...seen].reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0)
  const kib = bytes / 1024
  console.log(`initial JS: ${[...seen].join(', ')}: ${bytes} B gzip, ${(kib / LIBRARY_FLOOR_KIB).toFixed(4)} of the floor`)
  expect(seen.size).toBeGreaterThan(0)
  expect(bytes).toBeLessThanOrEqual(Math.floor(LIBRARY_FLOOR_KIB * 1024 * BUDGET))
})
