/** The member's yes or no to being the borger: a field of its own on her card, her words untouched. */
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
    role: (me?.profession ?? '').slice(0, 120),
    name: (me?.name ?? '').slice(0, 120),
    organisation: (me?.organisation ?? '').slice(0, 120),
  };
  const version = (card?.cardVersion ?? 0) + 1;
  const { body } = await session.store.crypto.call('sealCard', {
    mapId: session.mapId,
    card: { ...base, borger: yes ? 'yes' : 'no' },
    cardVersion: version,
  });
  await membershipApi.putCard(session.mapId, session.capability, version - 1, body);
}
