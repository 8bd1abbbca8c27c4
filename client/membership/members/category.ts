/**
 * Where a member goes on the map, from her role and profession: by position in PROFESSIONS
 * (the first 31 are professions; 0-13 medical, 14-19 public health, the rest social).
 * The one place to swap for a shared taxonomy.
 */
import type { Category } from '../../../shared/map/types.js';
import { PROFESSIONS } from '../../taxonomy/professions.js';
import type { MemberRoleView, MemberView } from '../types.js';

export function categoryOf(member: MemberView): Category {
  const index = PROFESSIONS.indexOf(member.profession);
  if (member.role === 'professional' || (index >= 0 && index < 31)) {
    if (index >= 0 && index < 14) return 'pro-medical';
    if (index >= 14 && index < 20) return 'pro-public-health';
    return 'pro-social';
  }
  return 'friends';
}

/** The role a member goes back to when she stops being the borger (or stays, when she is not). */
export function roleAfterBorger(member: MemberView): MemberRoleView {
  return member.profession !== '' && PROFESSIONS.slice(0, 31).includes(member.profession)
    ? 'professional'
    : member.role === 'borger'
      ? 'informal'
      : member.role;
}
