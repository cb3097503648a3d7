// Builds the console renderer: root renderer/, output dist/renderer/ with relative asset URLs so the
// same bundle loads from the web-mode server and from file:// inside Electron.

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The dev server injects React Refresh's inline preamble; relax the CSP there only, never in a build. */
const devCsp: Plugin = {
  name: 'timezero-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devCsp],
  publicDir: '../assets',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One small chunk per view is not worth it for a local console: keep a single entry.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // contract/ sits beside renderer/; let the dev server read it.
    fs: { allow: [here] },
    // `TZ_WEB_PORT=<n> npx vite` develops against a running `npm run web -- --port <n>`.
    ...(process.env.TZ_WEB_PORT ? { proxy: { '/api': { target: `ws://127.0.0.1:${process.env.TZ_WEB_PORT}`, ws: true } } } : {}),
  },
});
