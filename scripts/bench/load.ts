// Load for the operations benchmarks (instances, soak): make maps on a server, then drive reads and writes.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const BODY_BYTES = 20 * 1024;
const b64 = (bytes: Buffer) => bytes.toString('base64url');

/** One map per connection, so concurrent writers do not fight over one version number. */
export type MapHandle = { id: string; capability: string; path: string };

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  total: number;
  errors: number;
  statuses: string;
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

/** Makes `count` maps of 20 KB ciphertext through the product's API at `baseUrl` (plain http). */
export async function createMaps(baseUrl: string, count: number): Promise<MapHandle[]> {
  const maps: MapHandle[] = [];
  for (let i = 0; i < count; i++) maps.push(await createMap(baseUrl));
  return maps;
}

export async function createMap(baseUrl: string): Promise<MapHandle> {
  const capability = randomBytes(32);
  const id = b64(randomBytes(16));
  await json(`${baseUrl}/api/maps`, {
    method: 'POST',
    body: JSON.stringify({
      mapId: id,
      capabilityHash: b64(createHash('sha256').update(capability).digest()),
      keyBundle: b64(randomBytes(200)),
      body: b64(randomBytes(BODY_BYTES)),
    }),
  });
  return { id, capability: b64(capability), path: `/api/maps/${id}` };
}

/**
 * Drives `url` for `seconds` with reads of the latest version and, every `writeEvery`-th request, a write
 * of a new version. A map is never written by two requests at once, so a run measures writes, not conflicts.
 */
export async function drive(options: {
  url: string;
  connections: number;
  seconds: number;
  maps: MapHandle[];
  /** Every n-th request writes (0: reads only). */
  writeEvery: number;
  versions: Map<string, number>;
}): Promise<LoadResult> {
  const { maps, versions } = options;
  const writeBody = randomBytes(BODY_BYTES);
  const idle = [...maps];
  const writing = new WeakMap<object, MapHandle | null>();
  let nextRead = 0;
  let decisions = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        setupRequest: (request, context) => {
          // a fixed pattern, not random: every run of the same mix sends the same requests
          const turn = decisions++;
          const write =
            options.writeEvery > 0 && turn % options.writeEvery === 0 && idle.length > 0;
          const map = write
            ? (idle.shift() as MapHandle)
            : (maps[nextRead++ % maps.length] as MapHandle);
          writing.set(context, write ? map : null);
          const headers: Record<string, string> = { 'nk-capability': map.capability };
          if (!write) return { ...request, method: 'GET', path: map.path, headers };
          // map versions travel as bytes, the version check in If-Match (decision 0027)
          headers['content-type'] = 'application/octet-stream';
          headers['if-match'] = `"v${versions.get(map.id) ?? 1}"`;
          return { ...request, method: 'PUT', path: map.path, headers, body: writeBody };
        },
        onResponse: (_status, body, context, headers) => {
          const map = writing.get(context);
          if (!map) return;
          // the new version is in the ETag; a run that ends mid-request leaves a stale one, and the
          // 409 that follows names the latest
          const tag = /^"v(\d+)"$/.exec(String(headers?.['etag'] ?? ''))?.[1];
          let version = tag === undefined ? undefined : Number(tag);
          if (version === undefined && body) {
            const answer = JSON.parse(body) as { error?: { latestVersion?: number } };
            version = answer.error?.latestVersion;
          }
          if (version !== undefined) versions.set(map.id, version);
          idle.push(map);
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.non2xx,
    statuses: JSON.stringify(result.statusCodeStats),
  };
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${type()} ${release()}, Node ${process.version}`;
}

/** Replaces the block between `<!-- name:start -->` and `<!-- name:end -->` in docs/performance.md. */
export function writeBlock(name: string, block: string): void {
  const path = join(import.meta.dirname, '..', '..', 'docs', 'performance.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(path, 'utf8');
  const next = text.includes(start)
    ? `${text.split(start)[0]}${start}\n${block}\n${end}${text.split(end)[1] ?? '\n'}`
    : `${text.trimEnd()}\n\n${start}\n${block}\n${end}\n`;
  writeFileSync(path, next);
}
