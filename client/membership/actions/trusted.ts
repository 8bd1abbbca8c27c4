/** Marks one member as the trusted person: the entry with the member's slot id on the map. */
import { joinLabel } from '../../../shared/map/label.js';
import type { BaseEntry } from '../../../shared/map/types.js';
import { categoryOf } from '../members/category.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberView } from '../types.js';

export async function makeTrusted(session: MembershipSession, member: MemberView): Promise<void> {
  const store = session.store;
  store.closeMap(session.mapId);
  const editor = await store.openMap(session.mapId);
  await editor.save((doc) => {
    const entries: BaseEntry[] = doc.base.entries.map((e) => ({ ...e, trusted: false }));
    const existing = entries.find((e) => e.id === member.slotId);
    if (existing !== undefined) existing.trusted = true;
    else
      entries.push({
        id: member.slotId,
        label: joinLabel(member.name, member.profession).slice(0, 80),
        category: categoryOf(member),
        ring: 2,
        support: [],
        supportNote: '',
        phases: [],
        active: true,
        trusted: true,
      });
    return { ...doc, base: { ...doc.base, entries } };
  });
}

/** The member whose entry on the map is marked trusted, if any. */
export function trustedSlot(session: MembershipSession): string | null {
  const slots = new Set(session.membership?.members.map((m) => m.slotId) ?? []);
  return session.document?.base.entries.find((e) => e.trusted && slots.has(e.id))?.id ?? null;
}
