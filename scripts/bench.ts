// npm run bench: the product's map read and write against the raw-bytes baseline, interleaved in one run,
// on SQLite and PostgreSQL. BENCH_BEFORE=<checkout> adds that (older, JSON-wire) product as a third side.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { ChildMessage, ParentMessage } from './bench/protocol.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
const BEFORE = process.env.BENCH_BEFORE;
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BODY_BYTES = 20 * 1024;
// Twice the connections: a request autocannon builds but never sends keeps its map out of the idle pool.
const MAP_COUNT = CONNECTIONS * 2;
const b64 = (bytes: Buffer) => bytes.toString('base64url');
const tag = (version: number) => `"v${version}"`;

type Engine = 'sqlite' | 'postgres';
/** bare: the baseline's routes; bytes: the product's octet-stream routes; json: the older product's. */
type Wire = 'bare' | 'bytes' | 'json';
type Server = { child: ChildProcess; port: number };
type MapHandle = { id: string; capability: string; path: string };
type Contender = { name: string; wire: Wire; server: Server; maps: MapHandle[] };
type Run = {
  requestsPerSecond: number;
  p99Ms: number;
  cpuMicrosPerRequest: number;
  errors: number;
};
type Row = Run & { engine: Engine; scenario: string; server: string };

function startServer(script: string, args: string[], quiet: boolean): Promise<Server> {
  const child = fork(join(import.meta.dirname, 'bench', script), args, {
    execArgv: ['--import', 'tsx'],
    // the product logs to stdout as in production; the lines go to /dev/null
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
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

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.send({ type: 'stop' } satisfies ParentMessage);
  });
}

/** User + system CPU time of the server process so far (process.cpuUsage in the child). */
async function cpuMicros(server: Server): Promise<number> {
  const answer = await ask(server, { type: 'cpu' });
  return answer.type === 'cpu' ? answer.userMicros + answer.systemMicros : 0;
}

async function createMaps(contender: Omit<Contender, 'maps'>): Promise<MapHandle[]> {
  const base = `http://127.0.0.1:${contender.server.port}`;
  const maps: MapHandle[] = [];
  for (let i = 0; i < MAP_COUNT; i++) {
    const id = b64(randomBytes(16));
    const capability = randomBytes(32);
    const bare = contender.wire === 'bare';
    const response = bare
      ? await fetch(`${base}/bare/maps/${id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: randomBytes(BODY_BYTES),
        })
      : await fetch(`${base}/api/maps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            mapId: id,
            capabilityHash: b64(createHash('sha256').update(capability).digest()),
            keyBundle: b64(randomBytes(200)),
            body: b64(randomBytes(BODY_BYTES)),
          }),
        });
    if (!response.ok)
      throw new Error(`creating a map: ${response.status} ${await response.text()}`);
    maps.push({
      id,
      capability: bare ? '' : b64(capability),
      path: bare ? `/bare/maps/${id}` : `/api/maps/${id}`,
    });
  }
  return maps;
}

async function measure(
  contender: Contender,
  write: boolean,
  versions: Map<string, number>,
): Promise<Run> {
  const { wire, maps, server } = contender;
  const bytes = randomBytes(BODY_BYTES);
  const json = JSON.stringify({ baseVersion: 0, body: b64(bytes) });
  // A map is never written by two requests at once, so no run measures conflicts instead of writes.
  const idle = [...maps];
  const mapOfRequest = new WeakMap<object, MapHandle>();
  let nextRead = 0;
  const cpuBefore = await cpuMicros(server);
  // Reads get no onResponse: with one, autocannon decodes every body as UTF-8 text, which for random
  // bytes costs the load generator more than the server spends (and not for base64 JSON).
  const onResponse: autocannon.Request['onResponse'] = (_status, body, context, headers) => {
    const map = mapOfRequest.get(context);
    if (!map) return;
    // A run that ends mid-request leaves a stale version behind; a 409 names the latest one.
    const fromTag = /^"v(\d+)"$/.exec(String(headers?.['etag'] ?? ''))?.[1];
    let version = fromTag === undefined ? undefined : Number(fromTag);
    if (version === undefined && body) {
      const answer = JSON.parse(body) as { version?: number; error?: { latestVersion?: number } };
      version = answer.version ?? answer.error?.latestVersion;
    }
    if (version !== undefined) versions.set(map.id, version);
    idle.push(map);
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request, context) => {
          const map = write
            ? (idle.shift() as MapHandle)
            : (maps[nextRead++ % maps.length] as MapHandle);
          mapOfRequest.set(context, map);
          const headers: Record<string, string> = {};
          if (map.capability) headers['nk-capability'] = map.capability;
          if (!write) return { ...request, method: 'GET', path: map.path, headers };
          const base = versions.get(map.id) ?? 1;
          if (wire === 'json') {
            headers['content-type'] = 'application/json';
            const body = json.replace('"baseVersion":0', `"baseVersion":${base}`);
            return { ...request, method: 'PUT', path: map.path, headers, body };
          }
          headers['content-type'] = 'application/octet-stream';
          headers['if-match'] = tag(base);
          return { ...request, method: 'PUT', path: map.path, headers, body: bytes };
        },
        ...(write ? { onResponse } : {}),
      },
    ],
  });
  const cpuAfter = await cpuMicros(server);
  const total = result.requests.total;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest: total ? Math.round((cpuAfter - cpuBefore) / total) : 0,
    errors: result.errors + result.non2xx,
  };
}

/** Flushes dirty pages and pauses, so one run's disk writeback does not slow the next run's fsyncs. */
async function settle(): Promise<void> {
  spawnSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function medianRun(runs: Run[]): Run {
  return {
    requestsPerSecond: Math.round(median(runs.map((r) => r.requestsPerSecond))),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    cpuMicrosPerRequest: Math.round(median(runs.map((r) => r.cpuMicrosPerRequest))),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** A fresh PostgreSQL database for one server, dropped at the end. */
async function postgresDatabase(name: string, made: string[]): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  made.push(name);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabases(names: string[]): Promise<void> {
  if (names.length === 0) return;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

async function benchEngine(
  engine: Engine,
  dir: string,
  rows: Row[],
  databases: string[],
): Promise<void> {
  const sides: { name: string; wire: Wire; script: string; root?: string }[] = [
    { name: 'bare', wire: 'bare', script: 'bare-server.ts' },
    { name: 'netwerkkaart', wire: 'bytes', script: 'product-server.ts' },
  ];
  if (BEFORE)
    sides.push({ name: 'before', wire: 'json', script: 'product-server.ts', root: BEFORE });
  const contenders: Contender[] = [];
  try {
    for (const side of sides) {
      const dataDir = mkdtempSync(join(dir, `${side.name}-`));
      const suffix = randomBytes(4).toString('hex');
      const url =
        engine === 'postgres'
          ? await postgresDatabase(`nk_bench_${side.name}_${suffix}`, databases)
          : '';
      const server = await startServer(
        side.script,
        [engine, dataDir, url, ...(side.root ? [side.root] : [])],
        side.wire !== 'bare',
      );
      const contender = { name: side.name, wire: side.wire, server };
      contenders.push({ ...contender, maps: await createMaps(contender) });
    }
    // The latest version of each map, kept across runs so later write runs start where earlier ones ended.
    const versions = new Map<string, number>();
    for (const [scenario, write] of [
      ['read latest (20 KB)', false],
      ['write version (20 KB)', true],
    ] as const) {
      const runs = new Map<string, Run[]>();
      for (let round = 0; round < ROUNDS; round++) {
        // alternate the order every round, so a warming cache or a busy neighbour favours no side
        const order = round % 2 === 0 ? contenders : [...contenders].reverse();
        for (const contender of order) {
          await settle();
          const run = await measure(contender, write, versions);
          runs.set(contender.name, [...(runs.get(contender.name) ?? []), run]);
          if (process.env.BENCH_DEBUG) console.error(engine, scenario, contender.name, run);
        }
      }
      for (const contender of contenders) {
        rows.push({
          engine,
          scenario,
          server: contender.name,
          ...medianRun(runs.get(contender.name) ?? []),
        });
      }
    }
  } finally {
    for (const contender of contenders) await stopServer(contender.server);
  }
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), ${type()} ${release()}, Node ${process.version}, load average at the end ${load}`;
}

function report(rows: Row[]): string {
  const lines = [
    '| engine | scenario | server | requests/s | p99 ms | CPU µs/request | errors | req/s vs bare | CPU vs bare | p99 vs bare |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '–');
  for (const row of rows) {
    const bare = rows.find(
      (r) => r.server === 'bare' && r.scenario === row.scenario && r.engine === row.engine,
    );
    const peer = bare && row.server !== 'bare';
    lines.push(
      `| ${row.engine} | ${row.scenario} | ${row.server} | ${row.requestsPerSecond} | ${row.p99Ms} | ${row.cpuMicrosPerRequest} | ${row.errors} | ${peer ? `${Math.round((row.requestsPerSecond / bare.requestsPerSecond) * 100)} %` : '–'} | ${peer ? `${ratio(row.cpuMicrosPerRequest, bare.cpuMicrosPerRequest)}×` : '–'} | ${peer ? `${ratio(row.p99Ms, bare.p99Ms)}×` : '–'} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nk-bench-'));
  const rows: Row[] = [];
  const databases: string[] = [];
  try {
    for (const engine of ENGINES) await benchEngine(engine, dir, rows, databases);
  } finally {
    await dropDatabases(databases).catch((error: unknown) =>
      console.error('dropping bench databases:', error),
    );
    rmSync(dir, { recursive: true, force: true });
  }
  const table = report(rows);
  console.log(table);
  writeResults(table);
}

/** Replaces the generated block in docs/performance.md, keeping the hand-written text around it. */
function writeResults(table: string): void {
  const path = join(import.meta.dirname, '..', 'docs', 'performance.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const method = `${CONNECTIONS} connections, ${SECONDS} s per run, median of ${ROUNDS} interleaved rounds`;
  const block = `${start}\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` (${method}) on: ${machine()}.\n\n${table}\n${end}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = `# Performance\n\n${start}\n${end}\n`;
  }
  const before = text.split(start)[0] ?? '';
  const after = text.split(end)[1] ?? '\n';
  writeFileSync(path, `${before}${block}${after}`);
}

// `npm run bench -- scale`: the scale benchmark instead (minutes; see docs/performance.md)
if (process.argv.includes('scale')) await import('./bench/scale.js');
else await main();
