/**
 * The borger agreement: a member is the borger only when both sides said so — the parent's ROLE
 * entry in the verified log gives her the role `borger`, and her own (verified) card answers yes.
 * The answer is a field of its own on the card, never read from the words she wrote.
 */
import type { CardWire, MemberView } from './types.js';

/** What her card says to being the borger: yes, no, or nothing yet (older cards never answered). */
export type BorgerAnswerView = 'yes' | 'no' | 'unanswered';

export function borgerAnswerOf(card: CardWire | undefined): BorgerAnswerView {
  return card?.card.borger ?? 'unanswered';
}

/** Her card says yes to being the borger. */
export const saysBorger = (card: CardWire | undefined): boolean => borgerAnswerOf(card) === 'yes';

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
