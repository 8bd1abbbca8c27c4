// Vite builds the Lit client from client/ into dist/client; the server serves that folder.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { offlineApp } from './client/offline/pwa-config.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./client'),
  publicDir: here('./client/public'),
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be inlined code; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    // libsodium (inside the worker chunk) is large by nature; the page's own JS stays small.
    chunkSizeWarningLimit: 1200,
  },
  // Installable, and the app shell opens without a connection (decision 0025).
  plugins: [offlineApp()],
  // A module worker, so the worker can import libsodium's ES module build.
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8080' } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8080' } },
  },
});
