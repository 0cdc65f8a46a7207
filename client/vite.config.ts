import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedSourceDir = fileURLToPath(new URL('../shared/src/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // The site's root belongs to the reporter's pages, rendered by the server.
  base: '/console/',
  plugins: [react()],
  resolve: {
    // @haven/shared is published as CommonJS for the server; the bundle takes its source instead,
    // so tree-shaking works and no build of shared/ is needed first.
    alias: { '@haven/shared': `${sharedSourceDir}index.ts` },
  },
  server: {
    // `npm run dev -w client` beside `npm start`: the API answers from the server's default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    // The reporter pages' assets build into dist/reporter (vite.reporter.config.ts).
    outDir: 'dist/console',
    assetsDir: 'assets',
    emptyOutDir: true,
    // The polyfill is injected as inline code, which the server's Content-Security-Policy refuses.
    modulePreload: { polyfill: false },
  },
});
