// npm start: builds dist/ only when the sources changed since the last build, then runs the server here.
// Plain Node, so a current build starts without the development dependencies (no tsx, vite or tsc).
import console from 'node:console';
import process from 'node:process';
import { URL } from 'node:url';
import { buildIfStale } from './build.mjs';

try {
  if (!(await buildIfStale())) console.log('dist/ is current: starting without a build');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
await import(new URL('../dist/server/main.js', import.meta.url).href);
