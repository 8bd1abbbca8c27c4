// The log records of a change an owner makes to who is on a map: admitting, a role or grant, narrowing.
import { CryptoError } from './errors.js';
import { grantOf, sectionsFor } from './grants.js';
import { appendLogEntry } from './log-append.js';
import type { LogState } from './log-verify.js';
import {
  PROFILE_LIMITS,
  type Member,
  type MemberData,
  type MemberProfile,
  type MemberRole,
} from './membership.js';
import type { Section } from './sections.js';
import type { KeyPair } from './sodium.js';

/** What every change needs: the verified log, the current epoch's base key, and the signing owner. */
export type ChangeBase = {
  log: LogState;
  baseKey: Uint8Array;
  signer: KeyPair;
  /** ms since the Unix epoch; defaults to Date.now(). */
  at?: number;
};

/** New records in seq order and the log state they lead to. */
export type ChangeResult = { records: Uint8Array[]; log: LogState };

/** Input of admitMember: the new slot, the joiner's keys, the role and whether detail is granted. */
export type AdmitInput = ChangeBase & {
  slotId: string;
  signPublicKey: Uint8Array;
  boxPublicKey: Uint8Array;
  role: MemberRole;
  detail: boolean;
  profile: MemberProfile;
  /** Her last day of access (`YYYY-MM-DD`); absent: open-ended. Written as an UNTIL after the ADD. */
  until?: string;
};

/** The ADD record of an approved joiner; the profile is cut to the log's limits. */
export function admitMember(input: AdmitInput): ChangeResult & { member: MemberData } {
  const member: MemberData = {
    slotId: input.slotId,
    signPublicKey: input.signPublicKey,
    boxPublicKey: input.boxPublicKey,
    role: input.role,
    sections: sectionsFor(input.role, input.detail ? ['detail'] : []),
    profile: {
      name: input.profile.name.slice(0, PROFILE_LIMITS.name),
      profession: input.profile.profession.slice(0, PROFILE_LIMITS.profession),
      organisation: input.profile.organisation.slice(0, PROFILE_LIMITS.organisation),
    },
  };
  const next = appendLogEntry({ ...base(input), change: { type: 'ADD', data: member } });
  if (input.until === undefined) return { records: [next.record], log: next.log, member };
  const change = { type: 'UNTIL', data: { slotId: member.slotId, until: input.until } } as const;
  const timed = appendLogEntry({ ...base(input), log: next.log, change });
  return { records: [next.record, timed.record], log: timed.log, member };
}

/** Input of changeMember: a new role and/or grant for one member (unchanged parts write nothing). */
export type MemberUpdate = ChangeBase & {
  slotId: string;
  role?: MemberRole;
  sections?: readonly Section[];
  /** A new last day of access, or null for open-ended (decision 0030). */
  until?: string | null;
};

/** ROLE and/or GRANT records for one member; an owner's grant is every section and is left alone. */
export function changeMember(input: MemberUpdate): ChangeResult {
  const { slotId, role, sections } = input;
  let log = input.log;
  const records: Uint8Array[] = [];
  const member = memberOf(log, slotId);
  if (role !== undefined && role !== member.role) {
    const next = appendLogEntry({
      ...base(input),
      log,
      change: { type: 'ROLE', data: { slotId, role } },
    });
    records.push(next.record);
    log = next.log;
  }
  const now = log.members[slotId]!;
  if (sections !== undefined && now.role !== 'owner') {
    const wanted = grantOf(sections);
    if (wanted.join() !== now.sections.join()) {
      const change = { type: 'GRANT', data: { slotId, sections: wanted } } as const;
      const next = appendLogEntry({ ...base(input), log, change });
      records.push(next.record);
      log = next.log;
    }
  }
  const until = input.until;
  if (until !== undefined && log.members[slotId]!.role !== 'owner') {
    if (until !== (log.members[slotId]!.until ?? null)) {
      const change = { type: 'UNTIL', data: { slotId, until } } as const;
      const next = appendLogEntry({ ...base(input), log, change });
      records.push(next.record);
      log = next.log;
    }
  }
  return { records, log };
}

/** GRANT records that narrow members' sections, written before a rotation hands out new keys. */
export function narrowGrants(
  input: ChangeBase & { narrow: readonly { slotId: string; sections: readonly Section[] }[] },
): ChangeResult {
  let log = input.log;
  const records: Uint8Array[] = [];
  for (const { slotId, sections } of input.narrow) {
    memberOf(log, slotId);
    const change = { type: 'GRANT', data: { slotId, sections: grantOf(sections) } } as const;
    const next = appendLogEntry({ ...base(input), log, change });
    records.push(next.record);
    log = next.log;
  }
  return { records, log };
}

/** The current member in a slot. Throws CryptoError 'unknown-member' for a slot not (or no longer) on the map. */
export function memberOf(log: LogState, slotId: string): Member {
  const member = log.members[slotId];
  if (member === undefined) throw new CryptoError('unknown-member', 'no such member on this map');
  return member;
}

function base(input: ChangeBase): ChangeBase {
  return { log: input.log, baseKey: input.baseKey, signer: input.signer, at: input.at };
}
