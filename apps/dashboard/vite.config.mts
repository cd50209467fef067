// The admin dashboard: built into dist/dashboard and served by the API at /dashboard/ (same origin, strict CSP:
// no inline scripts or styles, so no module preload polyfill and CSS only as files).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/dashboard/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // react-router marks its modules "use client" (for server components): meaningless in this browser bundle.
    rolldownOptions: { checks: { moduleLevelDirective: false } },
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000', '/phone': 'http://127.0.0.1:3000', '/sdk': 'http://127.0.0.1:3000' },
  },
});
