// Builds the app once for the browser tests, so they run against what `npm start` serves.
import { build } from 'vite'

export default async function setup() {
  await build({ logLevel: 'warn', build: { outDir: 'dist/client', emptyOutDir: true } })
}
