// Vite builds the Lit client from client/ into dist/client; the server serves that folder.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./client'),
  publicDir: here('./client/public'),
  // Brotli and gzip copies beside each file, made once at build; the server sends the one the browser accepts.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be inlined code; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    // libsodium (inside the worker chunk) is large by nature; the page's own JS stays small.
    chunkSizeWarningLimit: 1200,
  },
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
