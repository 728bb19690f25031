import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { webBuildPlugin } from './server/platform/web-build.ts';

// The web app: root web/, built into dist/web (served by `lindung start`); the dev server proxies the API.
// The build is stamped with the hash of its sources and compressed (brotli, gzip) by webBuildPlugin.
const here = path.dirname(fileURLToPath(import.meta.url));
const api = process.env.LINDUNG_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: path.join(here, 'web'),
  base: '/',
  plugins: [react(), webBuildPlugin(here)],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // No public source maps: they would double what a browser may fetch and show the sources to anyone.
    sourcemap: false,
    // Mantine + React is about 200 kB gzipped in one vendor chunk; page modules are split per route.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    // web/ imports the shared pure rules from lib/.
    fs: { allow: [here] },
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/open': { target: api, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
