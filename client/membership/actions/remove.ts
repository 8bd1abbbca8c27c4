/** The parent takes a member off the map: a re-key without her (she keeps what she saw). */
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberView } from '../types.js';
import { rotate } from './rotate.js';

/** Resolves true when the screen already shows the answer (rotate.ts). */
export function removeMember(session: MembershipSession, member: MemberView): Promise<boolean> {
  return session.withRetry(() => rotate(session, [member.slotId], []));
}
