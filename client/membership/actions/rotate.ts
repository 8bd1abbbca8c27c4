/**
 * A re-key: new keys for everyone who stays, none for who is removed, fewer for who is narrowed.
 * The old keys open nothing new. Used by remove.ts and grant.ts.
 */
import { membershipApi } from '../../api/membership.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { SectionName } from '../types.js';
import { endMarks } from '../departure/end-marks.js';

export async function rotate(
  session: MembershipSession,
  removeSlotIds: string[],
  narrow: { slotId: string; sections: SectionName[] }[],
): Promise<void> {
  const document = session.document;
  if (document === null) return;
  const body = await session.store.crypto.call('rotate', {
    mapId: session.mapId,
    removeSlotIds,
    narrow,
    // who leaves the map keeps no trusted mark on it (borger ends with her slot in the log)
    document: endMarks(document, removeSlotIds),
    version: session.version,
  });
  await membershipApi.remove(session.mapId, session.capability, body);
}
