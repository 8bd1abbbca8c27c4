// Decision 0022's migrations on data made before them: revisions become random, times coarse, and
// nothing else of an account, session, map or history changes.
import { Migrator } from 'kysely';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/infra/db/connect.js';
import { migrateToLatest } from '../../../server/infra/db/migrate.js';
import { migrations } from '../../../migrations/index.js';
import { testDatabases } from '../../helpers/databases.js';

const databases = testDatabases();
const T = Date.UTC(2026, 11, 6, 14, 37, 12, 345);
const DAY = 86_400_000;
const bytes = (n: number, fill: number) => Buffer.alloc(n, fill);

describe.each(databases)('the unlinkable-storage migrations on $engine', (database) => {
  const dbs: { destroy(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
  });

  it('make revisions random and times coarse, and keep everything else', async () => {
    const { dataDir, databaseUrl } = await database.create();
    const db = openDatabase(
      databaseUrl
        ? { engine: 'postgres', url: databaseUrl }
        : { engine: 'sqlite', file: join(dataDir, 'netwerkkaart.sqlite') },
    );
    dbs.push(db);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('2026-12-05T0000-invite-secrets');
    expect(before.error).toBeUndefined();

    const keyring = bytes(2000, 7);
    await db
      .insertInto('accounts')
      .values({
        id: 'acct-1',
        username: 'linda',
        kdf_salt: bytes(16, 1),
        kdf_ops: 3,
        kdf_mem: 67108864,
        login_public_key: bytes(32, 2),
        recovery_public_key: bytes(32, 3),
        sign_public_key: bytes(32, 4),
        box_public_key: bytes(32, 5),
        wrapped_account_key: bytes(72, 6),
        recovery_wrapped_account_key: bytes(72, 8),
        keyring,
        keyring_revision: 7,
        created_at: T,
      })
      .execute();
    await db
      .insertInto('sessions')
      .values({
        id: 'sess-1',
        account_id: 'acct-1',
        refresh_hash: bytes(32, 9),
        expires_at: T + 30 * DAY,
        revoked_at: T + 1234,
        created_at: T,
      })
      .execute();
    await db.insertInto('maps').values({ id: 'map-1', latest_version: 1, created_at: T }).execute();
    await db
      .insertInto('slot_events')
      .values({
        id: 'ev-1',
        map_id: 'map-1',
        slot_id: 'slot-1',
        type: 'joined',
        rights: 'read',
        at: T,
      })
      .execute();

    await migrateToLatest(db);

    const account = await db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
    expect(Buffer.from(account.keyring).equals(keyring)).toBe(true);
    expect(account.keyring_revision).not.toBe(7);
    expect(Number.isSafeInteger(Number(account.keyring_revision))).toBe(true);
    expect(Number(account.keyring_revision)).toBeGreaterThan(0);
    expect(Number(account.created_at)).toBe(Date.UTC(2026, 11, 6));
    expect(Buffer.from(account.wrapped_account_key).equals(bytes(72, 6))).toBe(true);
    const session = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(Number(session.created_at)).toBe(Date.UTC(2026, 11, 6));
    // never shorter than before
    expect(Number(session.expires_at)).toBe(Date.UTC(2026, 11, 6) + 31 * DAY);
    expect(Number(session.revoked_at)).toBe(Date.UTC(2026, 11, 6));
    const map = await db.selectFrom('maps').selectAll().executeTakeFirstOrThrow();
    expect(Number(map.created_at)).toBe(Date.UTC(2026, 11, 6, 14, 37));
    const event = await db.selectFrom('slot_events').selectAll().executeTakeFirstOrThrow();
    expect(Number(event.at)).toBe(Date.UTC(2026, 11, 6, 14, 37));
    expect(event.type).toBe('joined');
  });
});
