/** The parent opens or closes the detail section (names and contact details) to a member. */
import { membershipApi } from '../../api/membership.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberView } from '../types.js';
import { rotate } from './rotate.js';

export function setDetail(
  session: MembershipSession,
  member: MemberView,
  on: boolean,
): Promise<boolean> {
  return session.withRetry(async () => {
    if (on) {
      const update = await session.store.crypto.call('updateMember', {
        mapId: session.mapId,
        slotId: member.slotId,
        sections: ['base', 'detail'],
      });
      await membershipApi.updateSlot(session.mapId, session.capability, member.slotId, update);
      return false;
    }
    // Taking a part away is a re-key: the old keys open nothing new.
    return rotate(session, [], [{ slotId: member.slotId, sections: ['base'] }]);
  });
}
