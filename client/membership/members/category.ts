/** Where a member goes on the map, and which role she returns to, from the shared taxonomy. */
import type { Category } from '../../../shared/map/types.js';
import { isProfessionalWord, memberCategory } from '../../../shared/map/taxonomy.js';
import type { MemberRoleView, MemberView } from '../types.js';

export function categoryOf(member: MemberView): Category {
  return memberCategory(member.profession, member.role === 'professional');
}

/** The role a member goes back to when she stops being the borger (or stays, when she is not). */
export function roleAfterBorger(member: MemberView): MemberRoleView {
  return isProfessionalWord(member.profession)
    ? 'professional'
    : member.role === 'borger'
      ? 'informal'
      : member.role;
}
