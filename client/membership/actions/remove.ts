/** The parent takes a member off the map: a re-key without her (she keeps what she saw). */
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberView } from '../types.js';
import { rotate } from './rotate.js';

export function removeMember(session: MembershipSession, member: MemberView): Promise<void> {
  return session.withRetry(() => rotate(session, [member.slotId], []));
}
