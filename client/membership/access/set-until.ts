/** The parent sets, moves or clears a member's last day: an UNTIL record and the slot's end date. */
import { membershipApi } from '../../api/membership.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberView } from '../types.js';

export function setUntil(
  session: MembershipSession,
  member: MemberView,
  until: string | null,
): Promise<void> {
  return session.withRetry(async () => {
    const update = await session.store.crypto.call('updateMember', {
      mapId: session.mapId,
      slotId: member.slotId,
      until,
    });
    await membershipApi.updateSlot(session.mapId, session.capability, member.slotId, update);
  });
}
