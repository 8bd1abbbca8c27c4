/**
 * Members see the parent by the name she put in the centre of her map, never by the name in the
 * log's first record (for a map made in the app that is her username). Without a centre name she
 * is "de ouder". Applied to every verified membership the page gets (open.ts).
 */
import { msg } from '@lit/localize';
import type { MapDocument } from '../../../shared/map/types.js';
import type { MembershipView, MemberView } from '../types.js';

export function withParentName(
  membership: MembershipView | null,
  document: MapDocument,
): MembershipView | null {
  if (membership === null) return null;
  const creator = membership.history.find((entry) => entry.type === 'INIT')?.slotId;
  if (creator === undefined || creator === null) return membership;
  const name =
    document.base.centre.parents.find((parent) => parent.trim() !== '')?.trim() ??
    msg('de ouder', { id: 'departure.theParent' });
  const named = (member: MemberView): MemberView =>
    member.slotId === creator ? { ...member, name, profession: '', organisation: '' } : member;
  return {
    ...membership,
    members: membership.members.map(named),
    former: membership.former.map(named),
  };
}
