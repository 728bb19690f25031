import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { webBuildPlugin } from './server/platform/web-build.ts';

// The web app: root web/, built into dist/web (served by `lindung start`); the dev server proxies the API.
// The build is stamped with the hash of its sources and compressed (brotli, gzip) by webBuildPlugin.
const here = path.dirname(fileURLToPath(import.meta.url));
const api = process.env.LINDUNG_API_URL ?? 'http://localhost:3000';

/**
 * The shared contracts (lib/contracts) define their zod schemas as top-level constants; the browser imports mostly
 * their other constants (role lists, codes). Building a schema has no effect beyond its value, so each constant's
 * initialising call and each `z.…(…)` chain is marked pure: the bundler then drops the schemas a page does not use
 * (and most of zod) instead of building every schema on the sign-in page. Browser build only; the server keeps all.
 */
function pureContracts(): Plugin {
  return {
    name: 'lindung-pure-contracts',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]lib[\\/]contracts[\\/][^\\/]+\.ts$/.test(id)) return null;
      const pure = code
        .replace(
          /^((?:export )?const [\w$]+(?:: [^=\n]+)? = )(?=[\w$]+(?:\s*\.\s*[\w$]+)*\s*\()/gm,
          '$1/* @__PURE__ */ ',
        )
        .replace(/(?<![\w$./] ?)\bz(?=\s*\.\s*\w+\s*\()/g, '/* @__PURE__ */ z');
      return { code: pure, map: null };
    },
  };
}

export default defineConfig({
  root: path.join(here, 'web'),
  base: '/',
  plugins: [react(), pureContracts(), webBuildPlugin(here)],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // No public source maps: they would double what a browser may fetch and show the sources to anyone.
    sourcemap: false,
    // Mantine + React is about 200 kB gzipped in one vendor chunk; page modules are split per route.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // What the first page needs (the code the entry imports statically) travels as one file, not as the twenty
      // small shared chunks automatic splitting makes of it: on a 150 ms link every extra file waits its turn for
      // one of the browser's six connections.
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
    },
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
