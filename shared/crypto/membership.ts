// Who is on a map: members, roles and the changes a membership log entry can make, with strict JSON forms.
import { expectBytes, fromBase64Url, isU32, toBase64Url } from './encoding.js';
import { SECTIONS, type Section } from './sections.js';
import {
  expectBase64Url,
  expectInteger,
  expectObject,
  expectOneOf,
  expectString,
  expectUniqueList,
  fail,
} from './shape.js';
import { SIZES } from './sodium.js';
import { parseDay } from '../time/day.js';

/** A member's role on a map; owners sign log entries and hold every key. */
export const MEMBER_ROLES = ['owner', 'borger', 'professional', 'informal'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Kinds of membership log entry, in the order they are documented. */
export const LOG_ENTRY_TYPES = [
  'INIT',
  'ADD',
  'ROLE',
  'GRANT',
  'REMOVE',
  'ROTATE',
  'UNTIL',
] as const;
export type LogEntryType = (typeof LOG_ENTRY_TYPES)[number];

/** Limits of a profile summary, in Unicode code points. */
export const PROFILE_LIMITS = { name: 120, profession: 120, organisation: 120 } as const;

/** What the log says about who a member is (the parent saw and approved it). */
export type MemberProfile = { name: string; profession: string; organisation: string };

/** One member as an ADD (or INIT) entry records it; keys are 32 bytes; slot id 16 bytes base64url. */
export type MemberData = {
  slotId: string;
  signPublicKey: Uint8Array;
  boxPublicKey: Uint8Array;
  role: MemberRole;
  sections: Section[];
  profile: MemberProfile;
};

/** The change an entry makes; `data` is what its JSON carries (bytes here, base64url there). */
export type LogChange =
  | { type: 'INIT'; data: MemberData }
  | { type: 'ADD'; data: MemberData }
  | { type: 'ROLE'; data: { slotId: string; role: MemberRole } }
  | { type: 'GRANT'; data: { slotId: string; sections: Section[] } }
  | { type: 'REMOVE'; data: { slotId: string } }
  | { type: 'ROTATE'; data: { epoch: number; previousBaseKey: Uint8Array } }
  /** Access for a time (decision 0030): the member's last day, or null for open-ended. */
  | { type: 'UNTIL'; data: { slotId: string; until: string | null } };

/**
 * A member in the current table: the data of its ADD with later ROLE, GRANT and UNTIL applied,
 * `addedAt` in ms, `until` her last day of access (`YYYY-MM-DD`, UTC) when it has an end.
 */
export type Member = MemberData & { addedAt: number; until?: string };

/** A day `YYYY-MM-DD` that is a real date, else CryptoError 'malformed'. */
function expectDay(value: unknown, path: string): string {
  const text = expectString(value, path, 10, 10);
  if (parseDay(text) === null) fail(path, 'not a day YYYY-MM-DD');
  return text;
}

/** Sections in canonical order; every member reads `base`. */
export function canonicalSections(value: unknown, path: string): Section[] {
  const list = expectUniqueList(value, path, SECTIONS);
  if (!list.includes('base')) fail(path, 'must include base');
  return SECTIONS.filter((section) => list.includes(section));
}

function profileToJson(profile: MemberProfile): MemberProfile {
  return { name: profile.name, profession: profile.profession, organisation: profile.organisation };
}

function validateProfile(value: unknown, path: string): MemberProfile {
  const o = expectObject(value, path, ['name', 'profession', 'organisation']);
  const limits = PROFILE_LIMITS;
  return {
    name: expectString(o.name, `${path}.name`, 1, limits.name),
    profession: expectString(o.profession, `${path}.profession`, 0, limits.profession),
    organisation: expectString(o.organisation, `${path}.organisation`, 0, limits.organisation),
  };
}

function memberToJson(member: MemberData): Record<string, unknown> {
  return {
    slotId: member.slotId,
    signPublicKey: toBase64Url(expectBytes(member.signPublicKey, 'signPublicKey', 32)),
    boxPublicKey: toBase64Url(expectBytes(member.boxPublicKey, 'boxPublicKey', 32)),
    role: member.role,
    sections: canonicalSections(member.sections, 'data.sections'),
    profile: profileToJson(member.profile),
  };
}

function validateMember(value: unknown, path: string): MemberData {
  const keys = ['slotId', 'signPublicKey', 'boxPublicKey', 'role', 'sections', 'profile'];
  const o = expectObject(value, path, keys);
  return {
    slotId: expectBase64Url(o.slotId, `${path}.slotId`, 16),
    signPublicKey: fromBase64Url(
      expectBase64Url(o.signPublicKey, `${path}.signPublicKey`, SIZES.signPublicKey),
    ),
    boxPublicKey: fromBase64Url(
      expectBase64Url(o.boxPublicKey, `${path}.boxPublicKey`, SIZES.boxPublicKey),
    ),
    role: expectOneOf(o.role, `${path}.role`, MEMBER_ROLES),
    sections: canonicalSections(o.sections, `${path}.sections`),
    profile: validateProfile(o.profile, `${path}.profile`),
  };
}

/** A change → the `data` object of its JSON (validated on the way, so a writer cannot sign nonsense). */
export function changeDataToJson(change: LogChange): Record<string, unknown> {
  switch (change.type) {
    case 'INIT':
    case 'ADD':
      return memberToJson(change.data);
    case 'ROLE':
      return { slotId: change.data.slotId, role: change.data.role };
    case 'GRANT':
      return {
        slotId: change.data.slotId,
        sections: canonicalSections(change.data.sections, 'data.sections'),
      };
    case 'REMOVE':
      return { slotId: change.data.slotId };
    case 'UNTIL':
      return {
        slotId: change.data.slotId,
        until: change.data.until === null ? null : expectDay(change.data.until, 'data.until'),
      };
    case 'ROTATE':
      if (!isU32(change.data.epoch)) fail('data.epoch', 'not an unsigned 32-bit integer');
      return {
        epoch: change.data.epoch,
        previousBaseKey: toBase64Url(
          expectBytes(change.data.previousBaseKey, 'previousBaseKey', SIZES.key),
        ),
      };
  }
}

/** The `type` and `data` of an entry's JSON → a typed change. Throws CryptoError 'malformed'. */
export function validateChange(type: unknown, data: unknown): LogChange {
  const kind = expectOneOf(type, 'entry.type', LOG_ENTRY_TYPES);
  switch (kind) {
    case 'INIT':
    case 'ADD':
      return { type: kind, data: validateMember(data, 'entry.data') };
    case 'ROLE': {
      const o = expectObject(data, 'entry.data', ['slotId', 'role']);
      return {
        type: kind,
        data: {
          slotId: expectBase64Url(o.slotId, 'entry.data.slotId', 16),
          role: expectOneOf(o.role, 'entry.data.role', MEMBER_ROLES),
        },
      };
    }
    case 'GRANT': {
      const o = expectObject(data, 'entry.data', ['slotId', 'sections']);
      return {
        type: kind,
        data: {
          slotId: expectBase64Url(o.slotId, 'entry.data.slotId', 16),
          sections: canonicalSections(o.sections, 'entry.data.sections'),
        },
      };
    }
    case 'REMOVE': {
      const o = expectObject(data, 'entry.data', ['slotId']);
      return { type: kind, data: { slotId: expectBase64Url(o.slotId, 'entry.data.slotId', 16) } };
    }
    case 'UNTIL': {
      const o = expectObject(data, 'entry.data', ['slotId', 'until']);
      return {
        type: kind,
        data: {
          slotId: expectBase64Url(o.slotId, 'entry.data.slotId', 16),
          until: o.until === null ? null : expectDay(o.until, 'entry.data.until'),
        },
      };
    }
    case 'ROTATE': {
      const o = expectObject(data, 'entry.data', ['epoch', 'previousBaseKey']);
      return {
        type: kind,
        data: {
          epoch: expectInteger(o.epoch, 'entry.data.epoch', 0, 0xffffffff),
          previousBaseKey: fromBase64Url(
            expectBase64Url(o.previousBaseKey, 'entry.data.previousBaseKey', SIZES.key),
          ),
        },
      };
    }
  }
}
