/**
 * Builds the browser pages (the GraphiQL playground and the graph explorer) into dist/web/, which the
 * server serves (src/http/pages.ts). Everything the pages need is bundled here: nothing loads from a CDN.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  // No public/ folder: every file the pages use comes out of the bundle with a hashed name.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(here, '..', 'dist', 'web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // GraphiQL 5 ships Monaco: its chunks are large by nature.
    chunkSizeWarningLimit: 8000,
    // Inline nothing as data: URLs beyond the defaults; no module preload polyfill needed in modern browsers.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Libraries marked "use client" for React Server Components: meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        playground: path.join(here, 'playground.html'),
        explore: path.join(here, 'explore.html'),
      },
    },
  },
  worker: { format: 'es' },
});
