// npm run build: web app (vite) and server (tsc) into dist/, then a stamp naming the sources it came from.
// Plain Node on purpose: npm start imports this to decide whether to build, and must run without tsx.
// `node scripts/build.mjs --check` exits 0 when dist/ is current, 1 when a build is needed.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, 'build-stamp.json');
const LOCK = join(DIST, '.build-lock');

/** Everything the build reads; a change of content in any of these makes dist/ stale. */
const INPUTS = [
  'client',
  'server',
  'shared',
  'migrations',
  'scripts/migrate.ts',
  'scripts/build.mjs',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];

/** What must exist for dist/ to be usable, whatever the stamp says. */
const OUTPUTS = ['client/index.html', 'server/main.js'];

const BUILD_STEPS = [
  { name: 'web app', bin: ['vite', 'bin', 'vite.js'], args: ['build', '--logLevel', 'warn'] },
  { name: 'server', bin: ['typescript', 'bin', 'tsc'], args: ['-p', 'tsconfig.build.json'] },
];

/** SHA-256 over the relative path and content of every input file, in a fixed order. */
export function sourceHash() {
  const hash = createHash('sha256');
  const add = (path) => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    let entries;
    try {
      entries = readdirSync(full, { withFileTypes: true });
    } catch {
      const content = readFileSync(full);
      hash.update(`${path}\0${content.length}\0`).update(content);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name !== 'node_modules') add(`${path}/${entry.name}`);
    }
  };
  for (const input of INPUTS) add(input);
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

/** True when dist/ holds a complete build of exactly the current sources. */
export function buildIsCurrent(hash = sourceHash()) {
  return readStamp()?.sources === hash && OUTPUTS.every((output) => existsSync(join(DIST, output)));
}

/** Runs vite and tsc; the stamp is written last, with the hash taken before they started. */
export function build() {
  const hash = sourceHash();
  rmSync(STAMP, { force: true });
  for (const step of BUILD_STEPS) {
    const bin = join(ROOT, 'node_modules', ...step.bin);
    if (!existsSync(bin)) {
      throw new Error(
        `Building needs the development dependencies (${step.bin[0]} is missing): run npm ci first.`,
      );
    }
    const started = Date.now();
    const result = spawnSync(process.execPath, [bin, ...step.args], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`Building the ${step.name} failed.`);
    console.log(`built the ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const stamp = { sources: hash, builtAt: new Date().toISOString() };
  writeFileSync(`${STAMP}.tmp`, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(`${STAMP}.tmp`, STAMP);
}

/**
 * Builds when dist/ is stale; returns whether it built. Two starts from one checkout at once build once:
 * the second waits for the first (a lock directory holding the builder's process id).
 */
export async function buildIfStale(log = console.log) {
  if (buildIsCurrent()) return false;
  await takeLock();
  try {
    if (buildIsCurrent()) return false;
    log('The sources differ from the last build: building dist/ first (npm run build).');
    build();
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function takeLock() {
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (!builderIsAlive()) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    await sleep(500);
  }
}

function builderIsAlive() {
  let pid;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    // made a moment ago and its pid not written yet, or left by a builder that died right then
    try {
      return Date.now() - statSync(LOCK).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--check')) {
      const current = buildIsCurrent();
      console.log(current ? 'dist/ is current' : 'dist/ is stale: npm run build');
      process.exitCode = current ? 0 : 1;
    } else {
      build();
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
