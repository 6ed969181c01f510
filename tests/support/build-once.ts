// Builds the app once for the browser tests, so they run against what `npm start` serves.
import { build } from 'vite'

export default async function setup() {
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir: 'dist/client', emptyOutDir: true } })
  } finally {
    process.env.NODE_ENV = previous
  }
}
