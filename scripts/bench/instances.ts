// npm run bench:instances — throughput with one, two and three instances on one PostgreSQL behind nginx.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Instance } from '../../test/e2e/support/instances.js';
import { startNginx, type Nginx } from '../../test/e2e/support/nginx.js';
import { createMaps, drive, machine, writeBlock, type LoadResult } from './load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const MAP_COUNT = 100;
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 47300);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** deploy/nginx.conf lists three instances; with fewer, the ports repeat and the filler drops repeats. */
async function proxyFor(ports: number[]): Promise<Nginx> {
  const three = [0, 1, 2].map((i) => ports[i % ports.length] as number);
  const nginx = await startNginx({
    httpsPort: FIRST_PORT + 10,
    httpPort: FIRST_PORT + 11,
    upstreamPorts: three,
  });
  return nginx;
}

type Cell = { instances: number; scenario: string; result: LoadResult };

async function main(): Promise<void> {
  const name = `nk_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const staticDir = mkdtempSync(join(tmpdir(), 'nk-bench-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  const env = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN: '100000',
  };
  const instances = [0, 1, 2].map(
    (i) =>
      new Instance(`instance-${i + 1}`, {
        port: FIRST_PORT + i,
        databaseUrl: url.toString(),
        staticDir,
        env,
      }),
  );
  const cells: Cell[] = [];
  try {
    for (const instance of instances) await instance.start();
    const maps = await createMaps(instances[0]?.url as string, MAP_COUNT);
    const versions = new Map<string, number>();
    // 1 2 3 3 2 1: a warming cache or a busy neighbour favours no count of instances
    for (const count of [1, 2, 3, 3, 2, 1]) {
      const nginx = await proxyFor(instances.slice(0, count).map((_, i) => FIRST_PORT + i));
      try {
        for (const [scenario, writeEvery] of [
          ['read latest (20 KB)', 0],
          ['write version (20 KB)', 1],
        ] as const) {
          const result = await drive({
            url: nginx.url,
            connections: CONNECTIONS,
            seconds: SECONDS,
            maps,
            writeEvery,
            versions,
          });
          cells.push({ instances: count, scenario, result });
        }
      } finally {
        await nginx.stop();
      }
    }
  } finally {
    for (const instance of instances) {
      await instance.stop();
      instance.dispose();
    }
    rmSync(staticDir, { recursive: true, force: true });
    await admin(`drop database if exists ${name} with (force)`);
  }
  const table = report(cells);
  console.log(table);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  writeBlock(
    'instances',
    `Measured ${when} UTC with \`npm run bench:instances\` (${SECONDS} s per run, two runs per cell, ${CONNECTIONS} connections over TLS to nginx) on: ${machine()}.\n\n${table}`,
  );
}

function report(cells: Cell[]): string {
  const lines = [
    '| scenario | instances | requests/s | p99 ms | errors | ratio to one instance |',
    '|---|---|---|---|---|---|',
  ];
  for (const scenario of [...new Set(cells.map((cell) => cell.scenario))]) {
    const mean = (count: number) => {
      const runs = cells.filter((c) => c.scenario === scenario && c.instances === count);
      const rps = runs.reduce((sum, c) => sum + c.result.requestsPerSecond, 0) / runs.length;
      const p99 = Math.max(...runs.map((c) => c.result.p99Ms));
      const errors = runs.reduce((sum, c) => sum + c.result.errors, 0);
      return { rps, p99, errors };
    };
    const one = mean(1).rps;
    for (const count of [1, 2, 3]) {
      const cell = mean(count);
      const ratio = count === 1 ? '–' : `${Math.round((cell.rps / one) * 100)} %`;
      lines.push(
        `| ${scenario} | ${count} | ${Math.round(cell.rps)} | ${cell.p99} | ${cell.errors} | ${ratio} |`,
      );
    }
  }
  return lines.join('\n');
}

// read here so an unreadable template fails before any database is made
readFileSync(join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8');
await main();
