/**
 * A re-key: new keys for everyone who stays, none for who is removed, fewer for who is narrowed.
 * The old keys open nothing new. Used by remove.ts and grant.ts. The server's answer (version and
 * log head) is applied on the screen as it stands; its events for this change are not re-read.
 */
import { membershipApi } from '../../api/membership.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { SectionName } from '../types.js';
import { endMarks } from '../departure/end-marks.js';

/** Resolves true when the screen already shows the server's answer (no reload needed). */
export async function rotate(
  session: MembershipSession,
  removeSlotIds: string[],
  narrow: { slotId: string; sections: SectionName[] }[],
): Promise<boolean> {
  const document = session.document;
  if (document === null) return false;
  const body = await session.store.crypto.call('rotate', {
    mapId: session.mapId,
    removeSlotIds,
    narrow,
    // who leaves the map keeps no trusted mark on it (borger ends with her slot in the log)
    document: endMarks(document, removeSlotIds),
    version: session.version,
  });
  // the server announces this change on the map's stream before it answers: expect it first
  // (POST …/remove: 'log' and 'version'; 'removed' reaches the others' streams as 'slots')
  const echo = session.expectEcho(['log', 'version', 'slots']);
  try {
    const answer = await membershipApi.remove(session.mapId, session.capability, body);
    return await session.applyRotation(answer, removeSlotIds);
  } catch (error) {
    echo.cancel();
    throw error;
  }
}
