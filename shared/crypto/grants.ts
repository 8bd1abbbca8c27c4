// Who may do what on a map: a role's server rights, the sections a grant gives, a member's key ring.
import type { SlotRights } from './join.js';
import { MAX_RING_EPOCHS, type EpochKeys, type KeyRing } from './key-ring.js';
import type { LogState } from './log-verify.js';
import type { MemberRole } from './membership.js';
import { SECTIONS, type Section } from './sections.js';

/** A role's rights on the server: owners manage the map, the borger writes, the others read. */
export function rightsOf(role: MemberRole): SlotRights {
  return role === 'owner' ? 'admin' : role === 'borger' ? 'write' : 'read';
}

/** The signing keys of the members who may author a version (everyone with more than read rights). */
export function versionSigners(log: LogState): Uint8Array[] {
  return Object.values(log.members)
    .filter((member) => rightsOf(member.role) !== 'read')
    .map((member) => member.signPublicKey);
}

/** A grant in canonical order; every member reads `base`, whether asked for or not. */
export function grantOf(sections: readonly Section[]): Section[] {
  return SECTIONS.filter((section) => section === 'base' || sections.includes(section));
}

/** The sections a member of this role gets when granted `wanted`: an owner gets every section. */
export function sectionsFor(role: MemberRole, wanted: readonly Section[]): Section[] {
  return role === 'owner' ? [...SECTIONS] : grantOf(wanted);
}

/**
 * A member's key ring from the keys an owner holds (`held`, by epoch, at most the newest
 * MAX_RING_EPOCHS kept): owners every key held; others older base keys and `epoch`'s granted sections.
 */
export function memberRing(
  mapId: string,
  held: Record<number, EpochKeys>,
  epoch: number,
  member: { role: MemberRole; sections: readonly Section[] },
): KeyRing {
  const numbers = Object.keys(held)
    .map(Number)
    .sort((a, b) => b - a)
    .slice(0, MAX_RING_EPOCHS);
  const epochs: Record<number, EpochKeys> = {};
  for (const number of numbers) {
    const keys = held[number]!;
    if (member.role === 'owner') {
      epochs[number] = keys;
    } else if (number === epoch) {
      const granted: EpochKeys = { base: keys.base };
      for (const section of member.sections) {
        const value = keys[section];
        if (value !== undefined) granted[section] = value;
      }
      epochs[number] = granted;
    } else {
      epochs[number] = { base: keys.base };
    }
  }
  return { mapId, epochs };
}
