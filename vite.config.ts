/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/** `npm run dev`: the same embedded KooDrive (or proxy) as `npm start`, inside Vite's server. */
function kooDriveApi(): Plugin {
  return {
    name: 'koodrive-api',
    apply: 'serve',
    async configureServer(server) {
      if (process.env.VITEST) return
      // Loaded through Vite, so the server's TypeScript runs without a build of its own.
      const { readConfig } = (await server.ssrLoadModule('/src/server/config.ts')) as typeof import('./src/server/config')
      const { createApp } = (await server.ssrLoadModule('/src/server/app.ts')) as typeof import('./src/server/app')
      const app = createApp({ ...readConfig(), staticDir: undefined })
      server.middlewares.use((req, res, next) => app.handler(req, res, next))
      server.httpServer?.once('close', app.close)
    },
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss(), kooDriveApi()],
  build: {
    outDir: 'dist/client',
    // The server's build keeps its map for stack traces; the browser's is not shipped (see README).
    sourcemap: !!isSsrBuild,
    copyPublicDir: !isSsrBuild,
    // Every browser the app supports has modulepreload, and the lazy chunks are leaves: no polyfill.
    modulePreload: false,
  },
  server: { port: Number(process.env.PORT ?? 5173) },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        // --expose-gc: the memory tests measure the heap after a collection.
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 30_000,
          execArgv: ['--expose-gc'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Retrying checks wait for a state, not a time: give a slow machine room (default 1 s).
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['tests/bench/**/*.test.ts'],
          // The browser benchmark measures the production build, as the e2e tests do.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
