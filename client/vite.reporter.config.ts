import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The reporter pages' stylesheet and enhancement script: a bundle of its own, apart from the
 * staff console's, so a reporter's browser never loads console code. The server reads the
 * manifest to link the content-hashed files.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/public-assets/',
  publicDir: false,
  build: {
    outDir: 'dist/reporter',
    assetsDir: 'assets',
    emptyOutDir: true,
    manifest: true,
    // The polyfill is injected as inline code, which the server's Content-Security-Policy refuses.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The server looks these two up in the manifest by these names.
      input: ['src/reporter/enhance.ts', 'src/reporter/reporter.css'],
    },
  },
  worker: { format: 'es' },
});
