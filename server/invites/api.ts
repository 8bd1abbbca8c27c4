// What the rest of the server may use of invites: housekeeping.
import type { Kysely } from 'kysely';
import type { Database } from '../infra/db/schema.js';
import { deleteEndedInvites } from './repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// the joiner's link keeps answering "expired", "withdrawn" or "declined" for a week, then "not found"
const KEEP_ENDED_MS = 7 * DAY_MS;
// an approved answer nobody collected: the joiner may come back late, but not after a month
const KEEP_UNCOLLECTED_MS = 30 * DAY_MS;

/** Deletes invites (and their request) that nobody can use any more; the number deleted. */
export async function sweepEndedInvites(db: Kysely<Database>, now: number): Promise<number> {
  return deleteEndedInvites(db, now - KEEP_ENDED_MS, now - KEEP_UNCOLLECTED_MS);
}
