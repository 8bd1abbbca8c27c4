/** The parent asks a member to be the borger (her yes is on her own card), or ends it. */
import { membershipApi } from '../../api/membership.js';
import { roleAfterBorger } from '../members/category.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberView } from '../types.js';

export function setBorger(
  session: MembershipSession,
  member: MemberView,
  borger: boolean,
): Promise<void> {
  const back = roleAfterBorger(member);
  return session.withRetry(async () => {
    const update = await session.store.crypto.call('updateMember', {
      mapId: session.mapId,
      slotId: member.slotId,
      role: borger ? 'borger' : back,
    });
    await membershipApi.updateSlot(session.mapId, session.capability, member.slotId, update);
  });
}
