/** The parent answers a join request, or withdraws an invite (the server then drops its secret). */
import {
  approveRequest,
  declineRequest,
  withdrawInvite,
  type JoinRequestView,
} from '../flows/invite.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberRoleView } from '../types.js';

export function approve(
  session: MembershipSession,
  request: JoinRequestView,
  choice: { role: MemberRoleView; detail: boolean; until?: string | null },
): Promise<void> {
  return session.withRetry(async () => {
    await approveRequest(session.store, session.mapId, request, choice);
    session.dropRequest(request.requestId);
  });
}

/** Says no to a request, or clears one her device refused (the server marks it declined). */
export async function decline(
  session: MembershipSession,
  request: Pick<JoinRequestView, 'inviteId' | 'requestId'>,
): Promise<void> {
  await declineRequest(session.store, session.mapId, request.requestId);
  session.dropRequest(request.requestId);
}

export async function withdraw(session: MembershipSession, inviteId: string): Promise<void> {
  await withdrawInvite(session.store, session.mapId, inviteId);
}
