// npm run bench -- scale: reading the latest version with 100 000 maps and 1 000 000 versions in one
// SQLite file, cold and warm page cache, as a ratio to 1 000 maps in the same run; read and write
// cells on PostgreSQL beside SQLite (1 000 maps). See docs/performance.md, "Scale".
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type, release } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { ChildMessage, ParentMessage } from './protocol.js';
import { generatePostgresData, generateScaleData, scaleMap } from './scale-data.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const BIG = {
  maps: Number(process.env.SCALE_MAPS ?? 100_000),
  versions: Number(process.env.SCALE_VERSIONS ?? 1_000_000),
};
const SMALL = { maps: 1000, versions: 10_000 };
// Kept between runs: the big file takes minutes to make. Delete the directory to make it again.
const DATA = process.env.SCALE_DATA_DIR ?? join(import.meta.dirname, '..', '..', 'data', 'scale');
const POSTGRES_ADMIN = process.env.SCALE_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WRITE_MAPS = 2 * CONNECTIONS;

type Server = { child: ChildProcess; port: number };
type Row = {
  data: string;
  engine: string;
  cache: string;
  scenario: string;
  requestsPerSecond: number;
  meanMs: number;
  p99Ms: number;
  cpuMicrosPerRequest: number;
  errors: number;
};

function startServer(dataDir: string, databaseUrl?: string): Promise<Server> {
  const child = fork(join(import.meta.dirname, 'scale-server.ts'), [dataDir], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...(databaseUrl ? { SCALE_DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`scale server exited with ${code}`)));
    child.once('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve({ child, port: message.port });
    });
  });
}

function ask(server: Server, message: ParentMessage): Promise<ChildMessage> {
  return new Promise((resolve) => {
    server.child.once('message', resolve);
    server.child.send(message);
  });
}

async function stopServer(server: Server): Promise<void> {
  server.child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.send({ type: 'stop' } satisfies ParentMessage);
  });
}

async function cpuMicros(server: Server): Promise<number> {
  const answer = await ask(server, { type: 'cpu' });
  return answer.type === 'cpu' ? answer.userMicros + answer.systemMicros : 0;
}

const sqliteFile = (dir: string) => join(dir, 'netwerkkaart.sqlite');

/** Drops the file's pages from the page cache (this file only: the machine is shared). */
function evict(file: string): string {
  spawnSync('sync');
  for (const f of [file, `${file}-wal`])
    if (existsSync(f)) spawnSync('dd', [`if=${f}`, 'iflag=nocache', 'count=0', 'status=none']);
  return resident(file);
}

/** Reads the whole file once, so every page is in the page cache. */
function warm(file: string): string {
  spawnSync('dd', [`if=${file}`, 'of=/dev/null', 'bs=16M', 'status=none']);
  return resident(file);
}

function resident(file: string): string {
  const out = spawnSync('fincore', ['--bytes', '--noheadings', '--output', 'RES,SIZE', file]);
  const [res, size] = out.stdout.toString().trim().split(/\s+/).map(Number);
  return `${((res ?? 0) / 2 ** 20).toFixed(0)} of ${((size ?? 0) / 2 ** 20).toFixed(0)} MiB in cache`;
}

/** The write as the map route takes it: the bytes, the version check in If-Match (decision 0027). */
function writeRequest(baseVersion: number, body: Buffer) {
  return {
    method: 'PUT' as const,
    headers: { 'content-type': 'application/octet-stream', 'if-match': `"v${baseVersion}"` },
    body,
  };
}

/** The version a write answer names in its ETag: the new one, or the latest one of a conflict. */
function versionOf(headers: Record<string, unknown> | undefined): number | undefined {
  const tag = /^"v(\d+)"$/.exec(String(headers?.['etag'] ?? ''))?.[1];
  return tag === undefined ? undefined : Number(tag);
}

async function measure(
  server: Server,
  label: Omit<Row, 'requestsPerSecond' | 'meanMs' | 'p99Ms' | 'cpuMicrosPerRequest' | 'errors'>,
  maps: number,
  write: boolean,
  versions: Map<number, number>,
): Promise<Row> {
  const body = randomBytes(20 * 1024);
  const idle = Array.from({ length: WRITE_MAPS }, (_, i) => i);
  const mapOf = new WeakMap<object, number>();
  const cpuBefore = await cpuMicros(server);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request, context) => {
          // reads: a map at random from all of them, so a cold cache stays cold
          const m = write ? (idle.shift() as number) : Math.floor(Math.random() * maps);
          mapOf.set(context, m);
          const map = scaleMap(m);
          const path = `/api/maps/${map.id}`;
          const headers = { 'nk-capability': map.capability };
          if (!write) return { ...request, method: 'GET', path, headers };
          const sent = writeRequest(versions.get(m) ?? 1, body);
          return { ...request, ...sent, path, headers: { ...headers, ...sent.headers } };
        },
        onResponse: (_status, _text, context, headers) => {
          if (!write) return;
          const m = mapOf.get(context) as number;
          const version = versionOf(headers);
          if (version !== undefined) versions.set(m, version);
          idle.push(m);
        },
      },
    ],
  });
  const cpuAfter = await cpuMicros(server);
  const total = result.requests.total;
  return {
    ...label,
    requestsPerSecond: Math.round(result.requests.average),
    meanMs: result.latency.average,
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest: total ? Math.round((cpuAfter - cpuBefore) / total) : 0,
    errors: result.errors + result.non2xx,
  };
}

async function ensureSqlite(size: { maps: number; versions: number }): Promise<string> {
  const dir = join(DATA, `maps-${size.maps}`);
  if (!existsSync(sqliteFile(dir))) {
    console.log(`making ${size.maps} maps with ${size.versions} versions in ${dir}`);
    const started = Date.now();
    await generateScaleData(dir, size.maps, size.versions);
    console.log(`  made in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return dir;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

type Measured = Row & { ratio: string };

function report(rows: Measured[]): string {
  const lines = [
    '| data | engine | page cache | scenario | requests/s | mean ms | p99 ms | CPU µs/request | errors | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.data} | ${row.engine} | ${row.cache} | ${row.scenario} | ${row.requestsPerSecond} | ${row.meanMs.toFixed(2)} | ${row.p99Ms} | ${row.cpuMicrosPerRequest} | ${row.errors} | ${row.ratio} |`,
    );
  }
  return lines.join('\n');
}

const mean = (rows: Row[]) => rows.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rows.length;
const percent = (value: number, of: number) => `${Math.round((value / of) * 100)} %`;

async function main(): Promise<void> {
  const small = await ensureSqlite(SMALL);
  const big = await ensureSqlite(BIG);
  const rows: Measured[] = [];
  const notes: string[] = [];
  const bigLabel = `${BIG.maps.toLocaleString('fr')} maps, ${BIG.versions.toLocaleString('fr')} versions`;
  const reads = new Map<number, number>();
  const smallServer = await startServer(small);
  const started = Date.now();
  const bigServer = await startServer(big);
  notes.push(
    `${bigLabel}: server ready after ${((Date.now() - started) / 1000).toFixed(0)} s (includes migrations on older data)`,
  );
  // The reference (1 000 maps, warm) runs before and after each big run, and each big figure is a
  // ratio to the mean of its two neighbours: the machine is shared, and its load drifts.
  const reference: Row[] = [];
  const smallRead = async () => {
    const row = await measure(
      smallServer,
      { data: '1 000 maps', engine: 'SQLite', cache: 'warm', scenario: 'read latest' },
      SMALL.maps,
      false,
      reads,
    );
    reference.push(row);
    return row;
  };
  notes.push(`1 000 maps, cold: ${evict(sqliteFile(small))}`);
  const smallCold = await measure(
    smallServer,
    { data: '1 000 maps', engine: 'SQLite', cache: 'cold', scenario: 'read latest' },
    SMALL.maps,
    false,
    reads,
  );
  const before = await smallRead();
  rows.push({
    ...smallCold,
    ratio: percent(smallCold.requestsPerSecond, before.requestsPerSecond),
  });
  notes.push(`${bigLabel}, cold: ${evict(sqliteFile(big))}`);
  const bigCold = await measure(
    bigServer,
    { data: bigLabel, engine: 'SQLite', cache: 'cold', scenario: 'read latest' },
    BIG.maps,
    false,
    reads,
  );
  notes.push(`${bigLabel}, after the cold run: ${resident(sqliteFile(big))}`);
  const between = await smallRead();
  rows.push({ ...bigCold, ratio: percent(bigCold.requestsPerSecond, mean([before, between])) });
  const warming = Date.now();
  notes.push(
    `${bigLabel}, warm: ${warm(sqliteFile(big))} (read in ${((Date.now() - warming) / 1000).toFixed(0)} s)`,
  );
  const bigWarm = await measure(
    bigServer,
    { data: bigLabel, engine: 'SQLite', cache: 'warm', scenario: 'read latest' },
    BIG.maps,
    false,
    reads,
  );
  const after = await smallRead();
  rows.push({ ...bigWarm, ratio: percent(bigWarm.requestsPerSecond, mean([between, after])) });
  await stopServer(bigServer);

  // PostgreSQL beside SQLite: the same 1 000 maps in a fresh database, runs in the order S P P S
  let postgres: Server | undefined;
  let name: string | undefined;
  if (process.env.SCALE_POSTGRES !== '0') {
    name = `nk_scale_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN);
    url.pathname = `/${name}`;
    await generatePostgresData(url.toString(), SMALL.maps, SMALL.versions);
    postgres = await startServer(join(DATA, 'postgres'), url.toString());
  }
  try {
    const label = { data: '1 000 maps', engine: 'PostgreSQL', cache: 'warm' };
    if (postgres)
      await measure(postgres, { ...label, scenario: 'warm-up' }, SMALL.maps, false, reads);
    const pgReads = postgres
      ? [
          await measure(postgres, { ...label, scenario: 'read latest' }, SMALL.maps, false, reads),
          await measure(postgres, { ...label, scenario: 'read latest' }, SMALL.maps, false, reads),
        ]
      : [];
    const last = await smallRead();
    const sqliteReads = mean(reference);
    rows.unshift({
      ...before,
      requestsPerSecond: Math.round(sqliteReads),
      ratio: `– (mean of ${reference.length} runs: ${reference.map((r) => r.requestsPerSecond).join(', ')})`,
    });
    if (postgres) {
      const pgRead = { ...pgReads[0]!, requestsPerSecond: Math.round(mean(pgReads)) };
      rows.push({
        ...pgRead,
        ratio: `${percent(pgRead.requestsPerSecond, mean([after, last]))} of SQLite`,
      });
      const sqliteLabel = {
        data: '1 000 maps',
        engine: 'SQLite',
        cache: 'warm',
        scenario: 'write version',
      };
      const pgLabel = { ...label, scenario: 'write version' };
      const sqliteVersions = new Map<number, number>();
      const pgVersions = new Map<number, number>();
      const w1 = await measure(smallServer, sqliteLabel, SMALL.maps, true, sqliteVersions);
      const p1 = await measure(postgres, pgLabel, SMALL.maps, true, pgVersions);
      const p2 = await measure(postgres, pgLabel, SMALL.maps, true, pgVersions);
      const w2 = await measure(smallServer, sqliteLabel, SMALL.maps, true, sqliteVersions);
      const sqliteWrite = {
        ...w1,
        requestsPerSecond: Math.round(mean([w1, w2])),
        errors: w1.errors + w2.errors,
      };
      const pgWrite = {
        ...p1,
        requestsPerSecond: Math.round(mean([p1, p2])),
        errors: p1.errors + p2.errors,
      };
      rows.push({ ...sqliteWrite, ratio: '–' });
      rows.push({
        ...pgWrite,
        ratio: `${percent(pgWrite.requestsPerSecond, sqliteWrite.requestsPerSecond)} of SQLite`,
      });
      await stopServer(postgres);
    }
  } finally {
    if (name) await adminQuery(`drop database if exists ${name} with (force)`);
  }
  await stopServer(smallServer);
  const table = report(rows);
  console.log(table);
  console.log(notes.join('\n'));
  writeResults(table, notes);
}

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${type()} ${release()}, Node ${process.version}`;
}

/** Replaces the scale block in docs/performance.md (SCALE_LABEL names the code measured). */
function writeResults(table: string, notes: string[]): void {
  const path = join(import.meta.dirname, '..', '..', 'docs', 'performance.md');
  const label = process.env.SCALE_LABEL ?? 'this checkout';
  const start = `<!-- bench-scale:${label}:start -->`;
  const end = `<!-- bench-scale:${label}:end -->`;
  const block = `${start}\n${label}: measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- scale\` (${SECONDS} s per row, ${CONNECTIONS} connections) on: ${machine()}.\n\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n${end}`;
  const text = readFileSync(path, 'utf8');
  const next = text.includes(start)
    ? `${text.split(start)[0]}${block}${text.split(end)[1] ?? '\n'}`
    : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

await main();
