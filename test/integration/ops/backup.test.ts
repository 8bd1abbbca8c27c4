// npm run backup while the server writes maps, npm run restore into a new DATA_DIR, and a server there
// serves every map version that was acknowledged before the backup started.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { buildAppOn } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import {
  b64,
  createMap,
  mapRequest,
  readOf,
  writeMap,
  writtenVersion,
  type TestMap,
} from '../../helpers/maps.js';
import { cleanEnv } from '../../helpers/processes.js';

const sqlite = testDatabases().find((d) => d.engine === 'sqlite');
const MAPS = 12;
const WRITERS = 4;

/** `npm run <script> -- <file>` with DATA_DIR, as an operator runs it; never throws. */
function npmRun(
  script: 'backup' | 'restore',
  file: string,
  dataDir: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '-s', script, '--', file],
      { env: cleanEnv({ DATA_DIR: dataDir }) },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe('SQLite backup and restore', () => {
  let work: string;
  let live: App;
  let liveDir: string;
  let restored: App | undefined;
  const maps: TestMap[] = [];
  /** Every acknowledged body, per map and version. */
  const bodies = new Map<string, Map<number, string>>();
  const latest = new Map<string, number>();

  beforeAll(async () => {
    if (!sqlite) throw new Error('testDatabases() lists sqlite');
    work = mkdtempSync(join(tmpdir(), 'nk-backup-'));
    const created = await sqlite.create();
    liveDir = created.dataDir;
    live = await buildAppOn(created);
    for (let i = 0; i < MAPS; i++) {
      const map = await createMap(live, 1500);
      maps.push(map);
      bodies.set(map.mapId, new Map([[1, map.body]]));
      latest.set(map.mapId, 1);
    }
  });
  afterAll(async () => {
    await restored?.close();
    await live.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** One writer: new versions on its own maps, one after the other, until `stop()` says so. */
  async function writer(own: TestMap[], stop: () => boolean): Promise<void> {
    let turn = 0;
    while (!stop()) {
      const map = own[turn++ % own.length] as TestMap;
      const base = latest.get(map.mapId) as number;
      const body = b64(randomBytes(1000 + Math.floor(Math.random() * 3000)));
      const response = await writeMap(live, `/api/maps/${map.mapId}`, map.capability, base, body);
      const version = writtenVersion(response);
      bodies.get(map.mapId)?.set(version, body);
      latest.set(map.mapId, version);
    }
  }

  it('backs up while maps are written; restore refuses the running server, fills a new DATA_DIR', async () => {
    let stopping = false;
    const writers = Array.from({ length: WRITERS }, (_, w) =>
      writer(
        maps.filter((_, i) => i % WRITERS === w),
        () => stopping,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const acknowledgedBefore = new Map(latest);
    const countBefore = [...latest.values()].reduce((a, b) => a + b, 0);
    const backupFile = join(work, 'backup.sqlite');
    const backup = await npmRun('backup', backupFile, liveDir);
    const countAfter = [...latest.values()].reduce((a, b) => a + b, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stopping = true;
    await Promise.all(writers);

    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/integrity ok/);
    // the server kept writing while the backup ran
    expect(countAfter).toBeGreaterThan(countBefore);
    // one file, no -wal beside it
    expect(readdirSync(work)).toEqual(['backup.sqlite']);

    const refused = await npmRun('restore', backupFile, liveDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Stop the server first/);
    expect(readdirSync(liveDir).some((name) => name.includes('before-restore'))).toBe(false);

    const newDir = join(work, 'restored');
    const restore = await npmRun('restore', backupFile, newDir);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/integrity ok/);

    restored = await buildAppOn({ dataDir: newDir, databaseUrl: undefined });
    let versionsServed = 0;
    for (const map of maps) {
      const url = `/api/maps/${map.mapId}`;
      const { version, body } = readOf(await mapRequest(restored, 'GET', url, map.capability));
      expect(version).toBeGreaterThanOrEqual(acknowledgedBefore.get(map.mapId) as number);
      expect(body).toBe(bodies.get(map.mapId)?.get(version));
      for (let v = 1; v <= version; v++) {
        const old = await mapRequest(restored, 'GET', `${url}/versions/${v}`, map.capability);
        expect(old.statusCode, old.body).toBe(200);
        expect(b64(old.rawPayload)).toBe(bodies.get(map.mapId)?.get(v));
        versionsServed++;
      }
    }
    expect(versionsServed).toBeGreaterThanOrEqual(countBefore);
  }, 120_000);

  it('refuses a damaged backup and leaves the data folder as it was', async () => {
    const good = join(work, 'backup.sqlite');
    const damaged = join(work, 'damaged.sqlite');
    const bytes = readFileSync(good);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const dataDir = join(work, 'from-damaged');
    const result = await npmRun('restore', damaged, dataDir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/is damaged/);
    expect(existsSync(join(dataDir, 'netwerkkaart.sqlite'))).toBe(false);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('restores over a stopped database and keeps the one it replaced', async () => {
    const dataDir = join(work, 'restored');
    await restored?.close();
    restored = undefined;
    const result = await npmRun('restore', join(work, 'backup.sqlite'), dataDir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/the database it replaced is kept at/);
    expect(readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toHaveLength(1);
  });
});
