/**
 * The borger agreement: a member is the borger only when both sides said so — the parent's ROLE
 * entry in the verified log gives her the role `borger`, and her own (verified) card says borger.
 */
import type { CardWire, MemberView } from './types.js';

/** A card whose role says "borger" is that member's yes to being the borger. */
export const saysBorger = (card: CardWire | undefined): boolean =>
  card !== undefined && /\bborger\b/i.test(card.card.role);

/** The slot ids of the agreed borgers (a member's entry on the map has her slot id as its id). */
export function agreedBorgerIds(
  members: readonly MemberView[],
  cards: readonly CardWire[],
): string[] {
  return members
    .filter(
      (member) =>
        member.role === 'borger' && saysBorger(cards.find((card) => card.slotId === member.slotId)),
    )
    .map((member) => member.slotId);
}
