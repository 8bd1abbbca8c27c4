// The SQLite database, its -wal and -shm files and the generated secret are 0600, whatever the umask
// and the mode of a DATA_DIR that already exists.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAppOn } from '../../helpers/app.js';
import { createMap } from '../../helpers/maps.js';

const root = mkdtempSync(join(tmpdir(), 'nk-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = ['netwerkkaart.sqlite', 'netwerkkaart.sqlite-wal', 'netwerkkaart.sqlite-shm'];
const modeOf = (file: string) => statSync(file).mode & 0o777;

/** A DATA_DIR that exists already and that anyone may read, as `mkdir` with a usual umask leaves it. */
function openDataDir(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  chmodSync(dir, 0o755);
  return dir;
}

describe('file modes on SQLite', () => {
  let umask: number;
  // the most permissive umask: the server must not rely on it
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('creates the database, -wal, -shm and jwt-secret with mode 0600', async () => {
    const dataDir = openDataDir('fresh');
    const app = await buildAppOn({ dataDir, databaseUrl: undefined });
    try {
      await app.ready();
      // a write, so SQLite has made its -wal and -shm files
      await createMap(app);
      for (const file of [...FILES, 'jwt-secret']) {
        expect(modeOf(join(dataDir, file)), file).toBe(0o600);
      }
      expect(modeOf(dataDir)).toBe(0o755);
    } finally {
      await app.close();
    }
  });

  it('tightens files an earlier run left readable by others', async () => {
    const dataDir = openDataDir('earlier');
    const first = await buildAppOn({ dataDir, databaseUrl: undefined });
    await first.ready();
    await first.close();
    // another connection (a backup, the sqlite3 shell) keeps -wal and -shm in place meanwhile
    const other = new BetterSqlite3(join(dataDir, FILES[0]!));
    try {
      other.pragma('journal_mode = WAL');
      other.prepare('select count(*) from maps').get();
      for (const file of [...FILES, 'jwt-secret']) chmodSync(join(dataDir, file), 0o644);

      const second = await buildAppOn({ dataDir, databaseUrl: undefined });
      try {
        await second.ready();
        await createMap(second);
        for (const file of [...FILES, 'jwt-secret']) {
          expect(modeOf(join(dataDir, file)), file).toBe(0o600);
        }
      } finally {
        await second.close();
      }
    } finally {
      other.close();
    }
  });

  it('tightens a jwt-secret copied in by hand', async () => {
    const dataDir = openDataDir('copied');
    writeFileSync(join(dataDir, 'jwt-secret'), 'x'.repeat(43), { mode: 0o644 });
    expect(modeOf(join(dataDir, 'jwt-secret'))).toBe(0o644);
    const app = await buildAppOn({ dataDir, databaseUrl: undefined });
    try {
      await app.ready();
      expect(modeOf(join(dataDir, 'jwt-secret'))).toBe(0o600);
    } finally {
      await app.close();
    }
  });
});
