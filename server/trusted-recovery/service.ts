// Trusted helpers and one recovery at a time per helper (decision 0026). The server keeps its share
// until the wait she chose has passed; it never holds the helper's share or the trusted secret.
import type { Kysely } from 'kysely';
import type {
  AddHelperRequest,
  HandoverState,
  HelperLookupResponse,
  HelpingDetail,
  StartRequest,
  TrustedOverview,
} from '../../shared/api/trusted-recovery.js';
import { normaliseUsername } from '../../shared/crypto/index.js';
import type { Database, TrustedHelperRow } from '../infra/db/schema.js';
import { decodeBase64Url, encodeBase64Url } from '../infra/encoding.js';
import { ApiError } from '../infra/errors.js';
import { newId } from '../infra/ids.js';
import { dayOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;
const DAY_MS = 24 * 60 * 60 * 1000;
/** She may name at most this many helpers. */
export const MAX_HELPERS = 2;
/** A hand-over her new device asked for and nobody answered is dropped after a day. */
const HANDOVER_LIFETIME_MS = DAY_MS;
/** A recovery nobody finished is dropped this long after its wait ended. */
const RECOVERY_LIFETIME_MS = 14 * DAY_MS;
// the start may be dated by the helper's device; a little skew between clocks is fine
const START_SKEW_MS = 10 * 60 * 1000;

function releasesAt(row: TrustedHelperRow): number | null {
  return row.started_at === null ? null : Number(row.started_at) + row.wait_days * DAY_MS;
}

export async function lookupHelper(
  db: Db,
  accountId: string,
  rawUsername: string,
): Promise<HelperLookupResponse> {
  const username = normaliseUsername(rawUsername);
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'sign_public_key', 'box_public_key'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) throw new ApiError('helper_not_found', 'There is no account with this username.');
  if (row.id === accountId) throw new ApiError('helper_self', 'You cannot be your own helper.');
  return {
    username: row.username,
    signPublicKey: encodeBase64Url(row.sign_public_key),
    boxPublicKey: encodeBase64Url(row.box_public_key),
  };
}

export async function addHelper(
  db: Db,
  accountId: string,
  input: AddHelperRequest,
  now: number,
): Promise<string> {
  const fields = {
    sealed_share: decodeBase64Url(input.sealedShare, 'sealedShare'),
    server_share: decodeBase64Url(input.serverShare, 'serverShare'),
    trust_login_public_key: decodeBase64Url(input.trustLoginPublicKey, 'trustLoginPublicKey'),
    trust_wrapped_account_key: decodeBase64Url(
      input.trustWrappedAccountKey,
      'trustWrappedAccountKey',
    ),
  };
  const helper = await lookupHelper(db, accountId, input.helperUsername);
  const helperRow = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', helper.username)
    .executeTakeFirstOrThrow();
  return db.transaction().execute(async (trx) => {
    const mine = await trx
      .selectFrom('trusted_helpers')
      .select(['helper_account_id'])
      .where('account_id', '=', accountId)
      .execute();
    if (mine.some((row) => row.helper_account_id === helperRow.id))
      throw new ApiError('helper_exists', 'This person already helps you; remove them first.');
    if (mine.length >= MAX_HELPERS)
      throw new ApiError('helper_limit', `You can choose at most ${MAX_HELPERS} helpers.`);
    const id = newId();
    await trx
      .insertInto('trusted_helpers')
      .values({
        id,
        account_id: accountId,
        helper_account_id: helperRow.id,
        wait_days: input.waitDays,
        ...fields,
        created_at: dayOf(now),
        started_at: null,
        start_signed_at: null,
        start_signature: null,
        handover_id: null,
        handover_box_key: null,
        handover_sealed: null,
        handover_at: null,
      })
      .execute();
    return id;
  });
}

export async function overview(db: Db, accountId: string): Promise<TrustedOverview> {
  const helpers = await db
    .selectFrom('trusted_helpers as t')
    .innerJoin('accounts as a', 'a.id', 't.helper_account_id')
    .select(['t.id', 't.wait_days', 't.started_at', 'a.username'])
    .where('t.account_id', '=', accountId)
    .orderBy('a.username')
    .execute();
  const helping = await db
    .selectFrom('trusted_helpers as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select(['a.username'])
    .where('t.helper_account_id', '=', accountId)
    .orderBy('a.username')
    .execute();
  return {
    helpers: helpers.map((row) => ({
      helperId: row.id,
      helperUsername: row.username,
      waitDays: row.wait_days === 7 ? 7 : 3,
      startedAt: row.started_at === null ? null : Number(row.started_at),
    })),
    helping: helping.map((row) => ({
      helperId: row.id,
      username: row.username,
      startedAt: row.started_at === null ? null : Number(row.started_at),
      releasesAt: releasesAt(row),
    })),
  };
}

const NOT_FOUND = () => new ApiError('helper_not_found', 'There is no such helper.');

export async function removeHelper(db: Db, accountId: string, helperId: string): Promise<void> {
  const result = await db
    .deleteFrom('trusted_helpers')
    .where('id', '=', helperId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw NOT_FOUND();
}

const CLEARED = {
  started_at: null,
  start_signed_at: null,
  start_signature: null,
  handover_id: null,
  handover_box_key: null,
  handover_sealed: null,
  handover_at: null,
} as const;

/**
 * She stops a recovery (or the helper cancels it): its start and any hand-over are gone. After the
 * wait the helper may hold the server's share, so then the helper itself is removed: its secret is spent.
 */
export async function stopRecovery(
  db: Db,
  helperId: string,
  who: { accountId: string } | { helperAccountId: string },
  now: number,
): Promise<{ removed: boolean }> {
  let select = db.selectFrom('trusted_helpers').selectAll().where('id', '=', helperId);
  select =
    'accountId' in who
      ? select.where('account_id', '=', who.accountId)
      : select.where('helper_account_id', '=', who.helperAccountId);
  const row = await select.executeTakeFirst();
  if (!row) throw NOT_FOUND();
  const until = releasesAt(row);
  if (until !== null && now >= until) {
    await db.deleteFrom('trusted_helpers').where('id', '=', helperId).execute();
    return { removed: true };
  }
  await db.updateTable('trusted_helpers').set(CLEARED).where('id', '=', helperId).execute();
  return { removed: false };
}

async function helpingRow(db: Db, helperAccountId: string, helperId: string) {
  const row = await db
    .selectFrom('trusted_helpers as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .select(['a.username'])
    .where('t.id', '=', helperId)
    .where('t.helper_account_id', '=', helperAccountId)
    .executeTakeFirst();
  if (!row) throw NOT_FOUND();
  return row;
}

export async function startRecovery(
  db: Db,
  helperAccountId: string,
  helperId: string,
  input: StartRequest,
  now: number,
): Promise<void> {
  const row = await helpingRow(db, helperAccountId, helperId);
  if (row.started_at !== null) return;
  // the helper's device dates and signs the start; the server's own clock bounds that date
  if (Math.abs(input.startedAt - now) > START_SKEW_MS)
    throw new ApiError('invalid_request', 'The start time must be about now.');
  await db
    .updateTable('trusted_helpers')
    .set({
      started_at: now,
      start_signed_at: input.startedAt,
      start_signature: decodeBase64Url(input.signature, 'signature'),
    })
    .where('id', '=', helperId)
    .where('started_at', 'is', null)
    .execute();
}

export async function helpingDetail(
  db: Db,
  helperAccountId: string,
  helperId: string,
  now: number,
): Promise<HelpingDetail> {
  const row = await helpingRow(db, helperAccountId, helperId);
  const until = releasesAt(row);
  const released = until !== null && now >= until;
  return {
    helperId: row.id,
    username: row.username,
    sealedShare: encodeBase64Url(row.sealed_share),
    start:
      row.start_signed_at === null || row.start_signature === null
        ? null
        : {
            startedAt: Number(row.start_signed_at),
            signature: encodeBase64Url(row.start_signature),
          },
    ...(released && { serverShare: encodeBase64Url(row.server_share) }),
    handover:
      released && row.handover_id !== null && row.handover_box_key !== null
        ? { handoverId: row.handover_id, boxPublicKey: encodeBase64Url(row.handover_box_key) }
        : null,
  };
}

/**
 * Her new device (not signed in) asks for a hand-over: its fresh box key is offered to every helper
 * of the account whose wait is over. 404 when none is: she is told nobody can help her yet.
 */
export async function startHandover(
  db: Db,
  rawUsername: string,
  boxPublicKey: string,
  now: number,
): Promise<string> {
  const key = decodeBase64Url(boxPublicKey, 'boxPublicKey');
  const rows = await db
    .selectFrom('trusted_helpers as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .selectAll('t')
    .where('a.username', '=', normaliseUsername(rawUsername))
    .where('t.started_at', 'is not', null)
    .execute();
  const ready = rows.filter((row) => {
    const until = releasesAt(row);
    return until !== null && now >= until;
  });
  if (ready.length === 0)
    throw new ApiError('handover_unavailable', 'Nobody can help this account back in yet.');
  const handoverId = newId();
  // a new request replaces an older one: she may start again on another device
  await db
    .updateTable('trusted_helpers')
    .set({
      handover_id: handoverId,
      handover_box_key: key,
      handover_sealed: null,
      handover_at: now,
    })
    .where(
      'id',
      'in',
      ready.map((row) => row.id),
    )
    .execute();
  return handoverId;
}

export async function handoverState(db: Db, handoverId: string): Promise<HandoverState> {
  const row = await db
    .selectFrom('trusted_helpers')
    .select(['handover_sealed', 'trust_wrapped_account_key'])
    .where('handover_id', '=', handoverId)
    .where('handover_sealed', 'is not', null)
    .executeTakeFirst();
  if (row) {
    return {
      sealed: encodeBase64Url(row.handover_sealed ?? Buffer.alloc(0)),
      trustWrappedAccountKey: encodeBase64Url(row.trust_wrapped_account_key),
    };
  }
  const waiting = await db
    .selectFrom('trusted_helpers')
    .select('id')
    .where('handover_id', '=', handoverId)
    .executeTakeFirst();
  if (!waiting) throw new ApiError('handover_not_found', 'This hand-over ended; start again.');
  return { sealed: null, trustWrappedAccountKey: null };
}

export async function sealHandover(
  db: Db,
  helperAccountId: string,
  helperId: string,
  input: { handoverId: string; sealed: string },
  now: number,
): Promise<void> {
  const row = await helpingRow(db, helperAccountId, helperId);
  const until = releasesAt(row);
  if (until === null) throw new ApiError('recovery_not_started', 'No recovery was started.');
  if (now < until) throw new ApiError('recovery_waiting', 'The waiting period is not over yet.');
  if (row.handover_id !== input.handoverId)
    throw new ApiError('handover_not_found', 'This hand-over ended; ask her to start again.');
  await db
    .updateTable('trusted_helpers')
    .set({ handover_sealed: decodeBase64Url(input.sealed, 'sealed') })
    .where('id', '=', helperId)
    .where('handover_id', '=', input.handoverId)
    .execute();
}

/** Login keys of the account's finished hand-overs: a 'trusted' login or proof must match one. */
export async function trustedLoginKeys(
  db: Db,
  accountId: string,
): Promise<{ helperId: string; key: Buffer }[]> {
  const rows = await db
    .selectFrom('trusted_helpers')
    .select(['id', 'trust_login_public_key'])
    .where('account_id', '=', accountId)
    .where('started_at', 'is not', null)
    .where('handover_sealed', 'is not', null)
    .execute();
  return rows.map((row) => ({ helperId: row.id, key: row.trust_login_public_key }));
}

/** After the new passphrase: the helper who handed over knows the secret, so that helper is spent. */
export async function spendHelper(db: Db, accountId: string, helperId: string): Promise<void> {
  await db
    .deleteFrom('trusted_helpers')
    .where('id', '=', helperId)
    .where('account_id', '=', accountId)
    .execute();
}

/** Housekeeping: unanswered hand-overs after a day, recoveries nobody finished two weeks after the wait. */
export async function sweepTrustedRecovery(db: Db, now: number): Promise<number> {
  const handovers = await db
    .updateTable('trusted_helpers')
    .set({ handover_id: null, handover_box_key: null, handover_sealed: null, handover_at: null })
    .where('handover_at', '<', now - HANDOVER_LIFETIME_MS)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('trusted_helpers')
    .select(['id', 'started_at', 'wait_days'])
    .where('started_at', 'is not', null)
    .execute();
  const stale = rows
    .filter((row) => Number(row.started_at) + row.wait_days * DAY_MS + RECOVERY_LIFETIME_MS < now)
    .map((row) => row.id);
  if (stale.length > 0)
    await db.updateTable('trusted_helpers').set(CLEARED).where('id', 'in', stale).execute();
  return Number(handovers.numUpdatedRows) + stale.length;
}
