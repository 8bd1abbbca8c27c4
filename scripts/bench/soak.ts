// npm run bench:soak — ten minutes of mixed reads, writes and new maps; does the server's memory stay put?
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildMessage, ParentMessage } from './protocol.js';
import { createMap, createMaps, drive, machine, writeBlock } from './load.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const SAMPLE_MS = 5_000;
const SETTLED_AFTER_S = 60;

/** Resident memory of a process in MiB, from the kernel (what the machine actually gives it). */
function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nk-soak-'));
  const child = fork(join(import.meta.dirname, 'product-server.ts'), [dir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message.port);
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const pid = child.pid as number;
  const samples: { second: number; mib: number }[] = [];
  const started = Date.now();
  const sample = () =>
    samples.push({ second: Math.round((Date.now() - started) / 1000), mib: residentMiB(pid) });
  let made = 0;
  try {
    const maps = await createMaps(base, 50);
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);
    // new maps keep arriving, as on a real server: a leak per map would show as growth
    const maker = setInterval(() => {
      void createMap(base).then(() => made++);
    }, 2_000);
    const result = await drive({
      url: base,
      connections: 20,
      seconds: SECONDS,
      maps,
      writeEvery: 5,
      versions: new Map(),
    });
    clearInterval(sampler);
    clearInterval(maker);
    sample();
    const settled = samples.find((s) => s.second >= SETTLED_AFTER_S) ?? samples[0];
    const end = samples.at(-1);
    if (!settled || !end) throw new Error('no memory samples');
    const peak = Math.max(...samples.map((s) => s.mib));
    const ratio = Math.round((end.mib / settled.mib) * 1000) / 10;
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const table = [
      '| requests | requests/s | p99 ms | errors | new maps | RSS at 1 min | RSS peak | RSS at end | end / 1 min |',
      '|---|---|---|---|---|---|---|---|---|',
      `| ${result.total} | ${result.requestsPerSecond} | ${result.p99Ms} | ${result.errors} | ${made} | ${settled.mib.toFixed(0)} MiB | ${peak.toFixed(0)} MiB | ${end.mib.toFixed(0)} MiB | ${ratio} % |`,
    ].join('\n');
    const curve = samples
      .filter((s, i) => i % 12 === 0 || s === end)
      .map((s) => `${s.second} s: ${s.mib.toFixed(0)} MiB`)
      .join(', ');
    console.log(table);
    console.log(curve);
    writeBlock(
      'soak',
      `Measured ${when} UTC with \`npm run bench:soak\` (${SECONDS} s; 20 connections; every 5th request a write of 20 KB, the rest reads of the latest version; a new map every 2 s; the product server as \`npm start\` runs it, SQLite) on: ${machine()}.\n\n${table}\n\nResident memory over time: ${curve}.`,
    );
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'stop' } satisfies ParentMessage);
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
