// Housekeeping on both engines: the sweep deletes what nobody can use any more and keeps what is live.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import type { InviteRequestRow, InviteRow } from '../../../server/infra/db/schema.js';
import { SWEEP_LOCK_KEY, sweep } from '../../../server/infra/housekeeping.js';
import { buildAppOn } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { createMap } from '../../helpers/maps.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const now = Date.now();

const id = () => randomBytes(12).toString('base64url');
const bytes = () => randomBytes(32);

const databases = testDatabases();

describe.each(databases)('housekeeping sweep on $engine', (database) => {
  let app: App;
  let mapId: string;
  let accountId: string;

  beforeAll(async () => {
    const created = await database.create();
    app = await buildAppOn(created);
    mapId = (await createMap(app)).mapId;
    accountId = id();
    await app.db
      .insertInto('accounts')
      .values({
        id: accountId,
        username: `sweep-${accountId}`,
        kdf_salt: bytes(),
        kdf_ops: 3,
        kdf_mem: 64 * 1024 * 1024,
        login_public_key: bytes(),
        recovery_public_key: bytes(),
        sign_public_key: bytes(),
        box_public_key: bytes(),
        wrapped_account_key: bytes(),
        recovery_wrapped_account_key: bytes(),
        keyring: bytes(),
        keyring_revision: 1,
        created_at: now - 40 * DAY,
      })
      .execute();
  });
  afterAll(async () => {
    await app.close();
  });

  async function challenge(expiresAt: number): Promise<string> {
    const challengeId = id();
    await app.db
      .insertInto('login_challenges')
      .values({ id: challengeId, challenge: bytes(), purpose: 'login', expires_at: expiresAt })
      .execute();
    return challengeId;
  }

  async function session(expiresAt: number, revokedAt: number | null): Promise<string> {
    const sessionId = id();
    await app.db
      .insertInto('sessions')
      .values({
        id: sessionId,
        account_id: accountId,
        refresh_hash: bytes(),
        expires_at: expiresAt,
        revoked_at: revokedAt,
        created_at: now - 31 * DAY,
      })
      .execute();
    return sessionId;
  }

  async function invite(
    fields: Partial<InviteRow>,
    request?: Partial<InviteRequestRow>,
  ): Promise<string> {
    const inviteId = id();
    await app.db
      .insertInto('invites')
      .values({
        id: inviteId,
        map_id: mapId,
        verify_public_key: bytes(),
        box_public_key: bytes(),
        sealed_info: bytes(),
        expires_at: now + DAY,
        created_at: now - 40 * DAY,
        used_at: null,
        withdrawn_at: null,
        ...fields,
      })
      .execute();
    if (request) {
      await app.db
        .insertInto('invite_requests')
        .values({
          id: id(),
          invite_id: inviteId,
          map_id: mapId,
          sealed_request: bytes(),
          status: 'pending',
          sealed_answer: null,
          created_at: now - 39 * DAY,
          answered_at: null,
          collected_at: null,
          ...request,
        })
        .execute();
    }
    return inviteId;
  }

  async function remaining(): Promise<{
    challenges: string[];
    sessions: string[];
    invites: string[];
  }> {
    const ids = async (table: 'login_challenges' | 'sessions' | 'invites') =>
      (await app.db.selectFrom(table).select('id').execute()).map((row) => row.id).sort();
    return {
      challenges: await ids('login_challenges'),
      sessions: await ids('sessions'),
      invites: await ids('invites'),
    };
  }

  it('deletes expired challenges, ended sessions and invites nobody can use; keeps the live ones', async () => {
    const gone = {
      challenges: [await challenge(now - MINUTE)],
      sessions: [await session(now - MINUTE, null), await session(now + DAY, now - 2 * DAY)],
      invites: [
        await invite({ expires_at: now - 8 * DAY }),
        await invite({ expires_at: now - 20 * DAY, withdrawn_at: now - 8 * DAY }),
        await invite(
          { expires_at: now - 10 * DAY, used_at: now - 9 * DAY },
          { status: 'declined', sealed_request: Buffer.alloc(0), answered_at: now - 9 * DAY },
        ),
        await invite(
          { expires_at: now - 10 * DAY, used_at: now - 9 * DAY },
          { status: 'approved', answered_at: now - 9 * DAY, collected_at: now - 8 * DAY },
        ),
        await invite(
          { expires_at: now - 33 * DAY, used_at: now - 31 * DAY },
          { status: 'approved', sealed_answer: bytes(), answered_at: now - 31 * DAY },
        ),
      ],
    };
    const kept = {
      challenges: [await challenge(now + 5 * MINUTE)],
      sessions: [
        await session(now + DAY, null),
        // revoked an hour ago: a late refresh with its token still gets a clear answer
        await session(now + DAY, now - 60 * MINUTE),
      ],
      invites: [
        await invite({ expires_at: now + DAY }),
        // expired yesterday: the link still says "expired" for a week
        await invite({ expires_at: now - DAY }),
        // expired, but its request waits for the parent's answer
        await invite({ expires_at: now - 20 * DAY }, { status: 'pending' }),
        await invite(
          { expires_at: now - 5 * DAY, used_at: now - 5 * DAY },
          { status: 'declined', sealed_request: Buffer.alloc(0), answered_at: now - 5 * DAY },
        ),
        // approved ten days ago and not collected: the joiner may still come back
        await invite(
          { expires_at: now - 10 * DAY, used_at: now - 10 * DAY },
          { status: 'approved', sealed_answer: bytes(), answered_at: now - 10 * DAY },
        ),
      ],
    };
    const before = await remaining();
    for (const key of ['challenges', 'sessions', 'invites'] as const) {
      expect(before[key]).toEqual(expect.arrayContaining([...gone[key], ...kept[key]]));
    }
    const requestsBefore = await app.db.selectFrom('invite_requests').select('id').execute();

    const report = await sweep(app.db, app.dbEngine, now);

    expect(report).toEqual({ challenges: 1, sessions: 2, invites: 5, trustedRecovery: 0 });
    const after = await remaining();
    for (const key of ['challenges', 'sessions', 'invites'] as const) {
      expect(after[key]).toEqual(expect.arrayContaining(kept[key]));
      for (const deleted of gone[key]) expect(after[key]).not.toContain(deleted);
    }
    // each deleted invite took its request along
    const requestsAfter = await app.db.selectFrom('invite_requests').select('id').execute();
    expect(requestsBefore.length - requestsAfter.length).toBe(3);
    // a second sweep finds nothing more
    expect(await sweep(app.db, app.dbEngine, now)).toEqual({
      challenges: 0,
      sessions: 0,
      invites: 0,
      trustedRecovery: 0,
    });
  });
});

describe('housekeeping sweep on postgres with two instances', () => {
  it('skips while another instance holds the lock, and sweeps once it is free', async () => {
    const database = databases.find((d) => d.engine === 'postgres');
    if (!database) throw new Error('testDatabases() lists postgres');
    const created = await database.create();
    const app = await buildAppOn(created);
    const other = new pg.Client({ connectionString: created.databaseUrl });
    await other.connect();
    try {
      const expired = id();
      await app.db
        .insertInto('login_challenges')
        .values({ id: expired, challenge: bytes(), purpose: 'login', expires_at: now - MINUTE })
        .execute();
      const challenges = async () =>
        (await app.db.selectFrom('login_challenges').select('id').execute()).map((r) => r.id);

      await other.query('select pg_advisory_lock($1::bigint)', [SWEEP_LOCK_KEY]);
      expect(await sweep(app.db, app.dbEngine, now)).toBeNull();
      expect(await challenges()).toContain(expired);

      await other.query('select pg_advisory_unlock($1::bigint)', [SWEEP_LOCK_KEY]);
      expect(await sweep(app.db, app.dbEngine, now)).toMatchObject({ challenges: 1 });
      expect(await challenges()).not.toContain(expired);
    } finally {
      await other.end();
      await app.close();
    }
  });
});
