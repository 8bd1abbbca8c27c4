/** The member's yes (or stop) to being the borger: said on her own card. */
import { membershipApi } from '../../api/membership.js';
import type { MembershipSession } from '../session/membership-session.js';

export async function answerBorger(session: MembershipSession, yes: boolean): Promise<void> {
  const membership = session.membership;
  if (membership === null) return;
  const me = membership.members.find((m) => m.slotId === membership.mySlotId);
  const card = session.cards.find((c) => c.slotId === membership.mySlotId);
  const base = card?.card ?? {
    whatIDo: '',
    howToReach: '',
    when: '',
    role: me?.profession ?? '',
    name: me?.name ?? '',
    organisation: me?.organisation ?? '',
  };
  const role = yes
    ? `borger${me?.profession ? ` (${me.profession})` : ''}`
    : (me?.profession ?? '');
  const version = (card?.cardVersion ?? 0) + 1;
  const { body } = await session.store.crypto.call('sealCard', {
    mapId: session.mapId,
    card: { ...base, role: role.slice(0, 120) },
    cardVersion: version,
  });
  await membershipApi.putCard(session.mapId, session.capability, version - 1, body);
}
