// npm run bench: the product's map read and write against a bare Fastify + better-sqlite3 handler, same bytes, same run.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir, type, release } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { ChildMessage, ParentMessage } from './bench/protocol.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [10, 50];
const BODY_BYTES = 20 * 1024;
// Twice the connections: a request autocannon builds but never sends keeps its map out of the idle pool.
const MAP_COUNT = 100;
const b64 = (bytes: Buffer) => bytes.toString('base64url');

type Server = { child: ChildProcess; port: number };
type Row = {
  scenario: string;
  server: string;
  connections: number;
  requestsPerSecond: number;
  p99Ms: number;
  cpuMicrosPerRequest: number;
  errors: number;
  statuses: string;
};

function startServer(script: string, dataDir: string): Promise<Server> {
  const child = fork(join(import.meta.dirname, 'bench', script), [dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
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

/** Asks the child to close cleanly and waits until it has exited. */
function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.send({ type: 'stop' } satisfies ParentMessage);
  });
}

async function cpuMicros(server: Server): Promise<number> {
  const answer = await ask(server, { type: 'cpu' });
  return answer.type === 'cpu' ? answer.userMicros + answer.systemMicros : 0;
}

async function json(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok)
    throw new Error(`${init.method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** One map per connection, so concurrent writers do not fight over one version number. */
type MapHandle = { id: string; capability: string; path: string };

async function createProductMaps(port: number, count: number): Promise<MapHandle[]> {
  const maps: MapHandle[] = [];
  for (let i = 0; i < count; i++) {
    const capability = randomBytes(32);
    const id = b64(randomBytes(16));
    await json(`http://127.0.0.1:${port}/api/maps`, {
      method: 'POST',
      body: JSON.stringify({
        mapId: id,
        capabilityHash: b64(createHash('sha256').update(capability).digest()),
        keyBundle: b64(randomBytes(200)),
        body: b64(randomBytes(BODY_BYTES)),
      }),
    });
    maps.push({ id, capability: b64(capability), path: `/api/maps/${id}` });
  }
  return maps;
}

async function createBareMaps(port: number, count: number): Promise<MapHandle[]> {
  const maps: MapHandle[] = [];
  for (let i = 0; i < count; i++) {
    const id = b64(randomBytes(16));
    await json(`http://127.0.0.1:${port}/bare/maps/${id}`, {
      method: 'POST',
      body: JSON.stringify({ body: b64(randomBytes(BODY_BYTES)) }),
    });
    maps.push({ id, capability: '', path: `/bare/maps/${id}` });
  }
  return maps;
}

async function measure(
  server: Server,
  label: { scenario: string; server: string },
  connections: number,
  maps: MapHandle[],
  write: boolean,
  versions: Map<string, number>,
): Promise<Row> {
  const writeBody = b64(randomBytes(BODY_BYTES));
  // A map is never written by two requests at once, so no run measures conflicts instead of writes.
  const idle = [...maps];
  const mapOfRequest = new WeakMap<object, MapHandle>();
  let nextRead = 0;
  const cpuBefore = await cpuMicros(server);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request, context) => {
          const map = write
            ? (idle.shift() as MapHandle)
            : (maps[nextRead++ % maps.length] as MapHandle);
          mapOfRequest.set(context, map);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (map.capability) headers['nk-capability'] = map.capability;
          if (!write) return { ...request, method: 'GET', path: map.path, headers };
          const baseVersion = versions.get(map.id) ?? 1;
          const body = JSON.stringify({ baseVersion, body: writeBody });
          return { ...request, method: 'PUT', path: map.path, headers, body };
        },
        onResponse: (status, body, context) => {
          const map = mapOfRequest.get(context);
          if (!write || !map) return;
          // A run that ends mid-request leaves a stale version behind; a 409 names the latest one.
          const answer = JSON.parse(body) as {
            version?: number;
            latestVersion?: number;
            error?: { latestVersion?: number };
          };
          const version = answer.version ?? answer.latestVersion ?? answer.error?.latestVersion;
          if (version !== undefined) versions.set(map.id, version);
          idle.push(map);
        },
      },
    ],
  });
  const cpuAfter = await cpuMicros(server);
  const total = result.requests.total;
  return {
    ...label,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest: total ? Math.round((cpuAfter - cpuBefore) / total) : 0,
    errors: result.errors + result.non2xx,
    statuses: JSON.stringify(result.statusCodeStats),
  };
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), ${type()} ${release()}, Node ${process.version}`;
}

function report(rows: Row[]): string {
  const lines = [
    '| scenario | server | connections | requests/s | p99 ms | CPU µs/request | errors | ratio to bare |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const bare = rows.find(
      (r) =>
        r.server === 'bare' && r.scenario === row.scenario && r.connections === row.connections,
    );
    const ratio =
      bare && row.server !== 'bare'
        ? `${Math.round((row.requestsPerSecond / bare.requestsPerSecond) * 100)} %`
        : '–';
    lines.push(
      `| ${row.scenario} | ${row.server} | ${row.connections} | ${row.requestsPerSecond} | ${row.p99Ms} | ${row.cpuMicrosPerRequest} | ${row.errors} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

/** Flushes dirty pages and pauses, so one run's disk writeback does not slow the next run's fsyncs. */
async function settle(): Promise<void> {
  spawnSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** Averages two runs of the same cell into one row. */
function mean(a: Row, b: Row): Row {
  return {
    ...a,
    requestsPerSecond: Math.round((a.requestsPerSecond + b.requestsPerSecond) / 2),
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    cpuMicrosPerRequest: Math.round((a.cpuMicrosPerRequest + b.cpuMicrosPerRequest) / 2),
    errors: a.errors + b.errors,
    statuses: `${a.statuses} ${b.statuses}`,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nk-bench-'));
  const rows: Row[] = [];
  const children: ChildProcess[] = [];
  try {
    const bare = await startServer('bare-server.ts', dir);
    children.push(bare.child);
    const product = await startServer('product-server.ts', dir);
    children.push(product.child);
    const contenders = [
      { name: 'bare', server: bare, maps: await createBareMaps(bare.port, MAP_COUNT) },
      {
        name: 'netwerkkaart',
        server: product,
        maps: await createProductMaps(product.port, MAP_COUNT),
      },
    ];
    // The latest version of each map, kept across runs so later write runs start where earlier ones ended.
    const versions = new Map<string, number>();
    for (const [scenario, write] of [
      ['read latest (20 KB)', false],
      ['write version (20 KB)', true],
    ] as const) {
      for (const connections of CONNECTIONS) {
        // Runs in the order A B B A, so a slow disk or a warming cache favours neither side.
        const order = [...contenders, ...[...contenders].reverse()];
        const results = new Map<string, Row[]>();
        for (const contender of order) {
          await settle();
          const label = { scenario, server: contender.name };
          const row = await measure(
            contender.server,
            label,
            connections,
            contender.maps,
            write,
            versions,
          );
          results.set(contender.name, [...(results.get(contender.name) ?? []), row]);
        }
        for (const contender of contenders) {
          const [first, second] = results.get(contender.name) as [Row, Row];
          rows.push(mean(first, second));
        }
      }
    }
    await stopServer(bare);
    await stopServer(product);
  } finally {
    // a failed run must not leave servers behind
    for (const child of children) if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  const table = report(rows);
  console.log(table);
  if (process.env.BENCH_DEBUG)
    for (const row of rows) console.log(row.scenario, row.server, row.connections, row.statuses);
  writeResults(table);
}

/** Replaces the generated block in docs/performance.md, keeping the hand-written text around it. */
function writeResults(table: string): void {
  const path = join(import.meta.dirname, '..', 'docs', 'performance.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` (${SECONDS} s per row) on: ${machine()}.\n\n${table}\n${end}`;
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
