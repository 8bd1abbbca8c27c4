// npm start in a copy of the checkout (like a fresh clone after npm ci): builds once, then starts without one.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, startServerProcess, type ServerProcess } from '../../helpers/processes.js';

const BUILDING = /building dist\//;
// the first start builds the web app and the server: about half a minute, more on a busy machine
const BUILD_TIMEOUT_MS = 240_000;

let clone: string;
const running: ServerProcess[] = [];

/** `npm start` in the copy, on a free port and a fresh DATA_DIR of its own. */
async function npmStart(timeoutMs: number): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(clone, 'data-'));
  const server = await startServerProcess('npm', ['start'], {
    cwd: clone,
    env: cleanEnv({ DATA_DIR: dataDir }),
    timeoutMs,
  });
  running.push(server);
  return server;
}

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'nk-start-'));
  // tracked and new files as they are in the working tree, without dist/, data/ or node_modules/
  const files = execFileSync('git', [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
  ])
    .toString()
    .split('\0')
    .filter((file) => file !== '' && existsSync(file));
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(file, join(clone, file));
  }
  symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');
});

afterAll(async () => {
  for (const server of running) await server.stop();
  rmSync(clone, { recursive: true, force: true });
});

describe('npm start', () => {
  it('builds a checkout without dist/, then starts the current build within 5 s', async () => {
    const first = await npmStart(BUILD_TIMEOUT_MS);
    expect(first.output()).toMatch(BUILDING);
    expect(existsSync(join(clone, 'dist/build-stamp.json'))).toBe(true);
    // the built web app is what it serves
    expect((await fetch(`${first.url}/`)).headers.get('content-type')).toMatch(/text\/html/);
    await first.stop();

    const second = await npmStart(20_000);
    expect(second.output()).not.toMatch(BUILDING);
    expect(second.output()).toContain('dist/ is current');
    expect(second.startedInMs).toBeLessThan(5000);
    await second.stop();
  }, 300_000);

  it('does not rebuild when a file is only touched, and rebuilds when its content changes', async () => {
    const source = join(clone, 'server/health/routes.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    const touched = await npmStart(20_000);
    expect(touched.output()).not.toMatch(BUILDING);
    await touched.stop();

    appendFileSync(source, '// changed by the start test\n');
    const changed = await npmStart(BUILD_TIMEOUT_MS);
    expect(changed.output()).toMatch(BUILDING);
    expect(readFileSync(join(clone, 'dist/server/health/routes.js'), 'utf8')).toContain(
      'changed by the start test',
    );
    expect((await fetch(`${changed.url}/api/health`)).status).toBe(200);
    await changed.stop();
  }, 300_000);
});
