// Builds the web app once for all browser tests and hands its folder to them via `inject('clientDir')`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built client (index.html and assets), served by the server under test. */
    clientDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'nk-e2e-client-'));
  const started = Date.now();
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  console.log(`e2e: client built in ${Date.now() - started} ms`);
  project.provide('clientDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
