/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { readFile } from 'node:fs/promises'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

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

/**
 * Before a client build empties dist/client, its hashed assets are copied to
 * dist/previous-assets, which the server falls back to (a tab on the old version may still ask
 * for its lazy chunks after a deploy). Those older than 30 days go.
 */
function keepPreviousAssets(): Plugin {
  return {
    name: 'keep-previous-assets',
    apply: 'build',
    async buildStart() {
      const { cp, readdir, rm, stat } = await import('node:fs/promises')
      const kept = 'dist/previous-assets'
      await cp('dist/client/assets', kept, { recursive: true, force: false }).catch(() => {})
      for (const name of await readdir(kept).catch(() => [] as string[])) {
        const file = `${kept}/${name}`
        if ((await stat(file)).mtimeMs < Date.now() - 30 * 24 * 3600_000) await rm(file)
      }
    },
  }
}

/** The app's icons as PNG, rendered from public/icon.svg with sharp at build time. */
function pngIcons(): Plugin {
  return {
    name: 'png-icons',
    apply: 'build',
    async generateBundle() {
      const { default: sharp } = await import('sharp')
      const svg = await readFile('public/icon.svg')
      for (const size of [192, 512]) {
        this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: await sharp(svg).resize(size, size).png().toBuffer() })
      }
      // Maskable: the star inside the safe zone (the middle 80 %), the colour to every edge.
      const star = await sharp(svg).resize(360, 360).png().toBuffer()
      const maskable = await sharp({ create: { width: 512, height: 512, channels: 4, background: '#1d4ed8' } })
        .composite([{ input: star, top: 76, left: 76 }])
        .png()
        .toBuffer()
      this.emitFile({ type: 'asset', fileName: 'icons/maskable-512.png', source: maskable })
    },
  }
}

/** Manifest and service worker (Workbox generateSW). The client build only: see docs/decisions/pwa.md. */
function pwa() {
  return VitePWA({
    registerType: 'prompt',
    // The registration is a bundled chunk (virtual:pwa-register/react): the CSP allows no inline script.
    injectRegister: false,
    includeAssets: ['icon.svg'],
    manifest: {
      id: '/',
      name: 'KooDrive Favorites',
      short_name: 'Favorites',
      description: 'Manage the files you starred in KooDrive: browse, select, remove and add back, online or offline.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1d4ed8',
      background_color: '#f8fafc',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
      screenshots: [
        { src: '/screenshots/desktop.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Favorites in a grid' },
        { src: '/screenshots/phone-light.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'Favorites on a phone' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg}', 'icons/*.png'],
      navigateFallback: 'index.html',
      // The API, the object store and the start-up facts are never answered with the app.
      navigateFallbackDenylist: [/^\/koodrive\//, /^\/obs\//, /^\/app-config\.json$/],
      cleanupOutdatedCaches: true,
      // The first worker controls the page at once, so the first screen's thumbnails are cached.
      clientsClaim: true,
      runtimeCaching: [
        {
          // Thumbnails (and previews) from any image host: only real CORS answers with status 200
          // are kept; an opaque one costs ~7 MB of quota in Chromium, so it is passed on uncached.
          // The page's own warm-up fetch (see app/update-prompt.tsx) says so with its Accept header.
          urlPattern: ({ request, sameOrigin, url }) =>
            (request.destination === 'image' || request.headers.get('accept') === 'image/*') &&
            !(sameOrigin && !url.pathname.startsWith('/obs/')),
          handler: 'CacheFirst',
          options: {
            cacheName: 'thumbnails',
            expiration: { maxEntries: 4000, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  })
}

export default defineConfig(({ isSsrBuild }) => ({
  // In the --ssr build the PWA plugin would still write a manifest into dist/server.
  plugins: [react(), tailwindcss(), kooDriveApi(), ...(isSsrBuild ? [] : [keepPreviousAssets(), pngIcons(), pwa()])],
  build: {
    outDir: 'dist/client',
    // The server's build keeps its map for stack traces; the browser's is not shipped (see docs/server.md).
    sourcemap: !!isSsrBuild,
    copyPublicDir: !isSsrBuild,
    // Every browser the app supports has modulepreload, and the lazy chunks are leaves: no polyfill.
    modulePreload: false,
    // Everything the first screen runs is one chunk: Rolldown otherwise moves modules shared by the
    // entry and a lazy chunk into common chunks of their own, for some graphs (rolldown#9963).
    rolldownOptions: isSsrBuild ? {} : { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  server: { port: Number(process.env.PORT ?? 5173) },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          // The client's tests, in folders that mirror src/. A file that talks to the real server
          // over Node's fetch says so with a @vitest-environment node docblock.
          name: 'app',
          environment: 'jsdom',
          include: ['tests/{app,api,data,favorites,lib,ui,wire}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
      {
        extends: true,
        // --expose-gc: the memory tests measure the heap after a collection.
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/boundaries.test.ts'],
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
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'audit',
          environment: 'node',
          include: ['tests/audit/**/*.test.ts'],
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'screenshots',
          environment: 'node',
          include: ['tests/screenshots/**/*.test.ts'],
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['tests/bench/**/*.test.ts'],
          // The browser benchmark measures the production build, as the e2e tests do.
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
