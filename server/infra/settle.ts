// Leaves no history in the stored files (decision 0022): the SQLite WAL is checkpointed and truncated
// after each burst of requests, and the account-side rows are rewritten in one random order.
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import type { DatabaseEngine } from './db/connect.js';
import type { Database } from './db/schema.js';

/** A burst has ended once no request came for this long. */
export const BURST_IDLE_MS = 1000;
/** Under steady load the WAL is still emptied this often: the longest a write stays in it. */
export const WAL_MAX_MS = 10_000;
const TICK_MS = 500;
/** SQLite: the WAL is emptied at least this often, requests or not. */
export const QUIET_CHECKPOINT_MS = 60_000;
/** PostgreSQL session advisory lock of the shuffle ("nk" and 2); no other lock may use it. */
export const SHUFFLE_LOCK_KEY = 0x6e6b_0002;

/**
 * The tables that say something about an account, with a column to rewrite unchanged and their
 * primary key index. Rewriting them all at once gives every row the same write id (PostgreSQL
 * `xmin`), and a new place in random order (ids are random): neither says who came when.
 */
const ACCOUNT_SIDE = [
  { table: 'accounts', column: 'keyring_revision', index: 'accounts_pkey' },
  { table: 'sessions', column: 'expires_at', index: 'sessions_pkey' },
  { table: 'directory_professionals', column: 'updated_at', index: 'directory_professionals_pkey' },
] as const;

/** SQLite: copies the WAL into the database and cuts the file to zero bytes. */
export async function checkpoint(db: Kysely<Database>): Promise<void> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}

/**
 * Rewrites the account-side rows so their order and write ids say nothing. SQLite: every row gets a
 * random rowid (the ids are referenced, never the rowid), then the WAL is truncated. PostgreSQL: one
 * transaction rewrites every row, then CLUSTER puts them in (random) id order in a new file, which also
 * drops the dead row versions. False when another instance holds the shuffle.
 */
export async function shuffle(db: Kysely<Database>, engine: DatabaseEngine): Promise<boolean> {
  if (engine === 'sqlite') {
    await db.transaction().execute(async (trx) => {
      // twice: the first pass rewrites rows in their old order, the second in a random one, so
      // where a row's bytes sit inside its page says nothing either
      for (let pass = 0; pass < 2; pass++) {
        for (const { table } of ACCOUNT_SIDE) {
          await sql`update ${sql.table(table)} set rowid = random()`.execute(trx);
        }
      }
    });
    await checkpoint(db);
    return true;
  }
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${SHUFFLE_LOCK_KEY}::bigint) as locked`.execute(conn);
    if (rows[0]?.locked !== true) return false;
    try {
      await conn.transaction().execute(async (trx) => {
        for (const { table, column } of ACCOUNT_SIDE) {
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)}`.execute(
            trx,
          );
        }
      });
      for (const { table, index } of ACCOUNT_SIDE) {
        await sql`cluster ${sql.table(table)} using ${sql.ref(index)}`.execute(conn);
      }
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${SHUFFLE_LOCK_KEY}::bigint)`.execute(conn);
    }
  });
}

/** What the plugin did, for tests and logs. */
export interface SettleState {
  checkpoints: number;
  shuffles: number;
  /** Resolves once nothing is waiting to be settled (a burst ended and was settled). */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    settle: SettleState;
  }
}

/**
 * Watches requests: after a burst (no request for BURST_IDLE_MS, or WAL_MAX_MS of steady load) the
 * SQLite WAL is truncated; account-side rows are shuffled at most `settleSeconds` after they changed.
 */
export default fp(
  async (fastify) => {
    const { db, dbEngine: engine } = fastify;
    const shuffleAfterMs = fastify.config.settleSeconds * 1000;
    let lastRequestAt = 0;
    let burstStartedAt = 0;
    let accountChangedAt = 0;
    let accountWrites = 0;
    let checkpointedAt = Date.now();
    let running: Promise<void> = Promise.resolve();
    let waiting: (() => void)[] = [];
    const state: SettleState = {
      checkpoints: 0,
      shuffles: 0,
      idle: () =>
        burstStartedAt === 0 && accountChangedAt === 0
          ? running
          : new Promise((resolve) => waiting.push(resolve)),
    };
    fastify.decorate('settle', state);

    // a callback hook, not an async one: it runs on every answer and needs no promise
    fastify.addHook('onResponse', (request, _reply, done) => {
      const now = Date.now();
      lastRequestAt = now;
      if (burstStartedAt === 0) burstStartedAt = now;
      // sign-up, sign-in, keyring, passphrase, a profile: rows that belong to an account
      const { url } = request;
      if (url.startsWith('/api/account') || url.startsWith('/api/directory/me')) {
        accountWrites++;
        if (accountChangedAt === 0) accountChangedAt = now;
      }
      done();
    });

    const settleOnce = async () => {
      const now = Date.now();
      const burstOver =
        burstStartedAt !== 0 &&
        (now - lastRequestAt >= BURST_IDLE_MS || now - burstStartedAt >= WAL_MAX_MS);
      const shuffleDue = accountChangedAt !== 0 && now - accountChangedAt >= shuffleAfterMs;
      // writes no request made (housekeeping, the access counts) leave the WAL within a minute too
      const quietDue = engine === 'sqlite' && now - checkpointedAt >= QUIET_CHECKPOINT_MS;
      if (!burstOver && !shuffleDue && !quietDue) return;
      try {
        const writesBefore = accountWrites;
        if (shuffleDue && (await shuffle(db, engine))) {
          // a write that came while the shuffle ran may have missed it: its turn comes next
          accountChangedAt = accountWrites === writesBefore ? 0 : Date.now();
          state.shuffles++;
        }
        if (burstOver) burstStartedAt = 0;
        if (engine === 'sqlite') {
          await checkpoint(db);
          checkpointedAt = now;
          state.checkpoints++;
        }
      } catch (error) {
        fastify.log.warn({ err: error }, 'settling the stored files failed');
      }
      if (burstStartedAt === 0 && accountChangedAt === 0) {
        const done = waiting;
        waiting = [];
        for (const resolve of done) resolve();
      }
    };
    const timer = setInterval(() => {
      running = running.then(settleOnce);
    }, TICK_MS);
    timer.unref();
    fastify.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
      for (const resolve of waiting) resolve();
    });
  },
  { name: 'settle', dependencies: ['db', 'config'] },
);
