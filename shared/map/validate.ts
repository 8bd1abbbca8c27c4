// Strict validators for the decrypted map sections: every writer and reader applies the same rules.
import { ID_BYTES } from '../crypto/capability.js';
import { parseDay } from '../time/day.js';
import {
  expectArray,
  expectBase64Url,
  expectBoolean,
  expectObject,
  expectOneOf,
  expectPlainObject,
  expectString,
  expectUniqueList,
  fail,
} from '../crypto/shape.js';
import {
  CATEGORIES,
  LIMITS,
  PHASES,
  RINGS,
  SUPPORT_KINDS,
  type BaseEntry,
  type BaseSection,
  type DetailFields,
  type DetailSection,
  type PrivateSection,
} from './types.js';
import { expectDay } from './dates.js';

function expectV1(value: unknown, path: string): 1 {
  if (value !== 1) fail(`${path}.v`, 'must be 1');
  return 1;
}

function expectNames(value: unknown, path: string): string[] {
  return expectArray(value, path, LIMITS.centreNames).map((name, i) =>
    expectString(name, `${path}[${i}]`, 1, LIMITS.label),
  );
}

function validateEntry(value: unknown, path: string): BaseEntry {
  const keys = [
    'id',
    'label',
    'category',
    'ring',
    'support',
    'supportNote',
    'phases',
    'active',
    'trusted',
  ];
  const o = expectObject(value, path, keys, ['since', 'until']);
  const label = expectString(o.label, `${path}.label`, 1, LIMITS.label);
  if (label.trim() === '') fail(`${path}.label`, 'blank');
  return {
    id: expectBase64Url(o.id, `${path}.id`, ID_BYTES),
    label,
    category: expectOneOf(o.category, `${path}.category`, CATEGORIES),
    ring: expectOneOf(o.ring, `${path}.ring`, RINGS),
    support: expectUniqueList(o.support, `${path}.support`, SUPPORT_KINDS),
    supportNote: expectString(o.supportNote, `${path}.supportNote`, 0, LIMITS.supportNote),
    phases: expectUniqueList(o.phases, `${path}.phases`, PHASES),
    active: expectBoolean(o.active, `${path}.active`),
    trusted: expectBoolean(o.trusted, `${path}.trusted`),
    ...datesOf(o, path),
  };
}

/** The optional since/until days of an entry; until never before since. */
function datesOf(o: Record<string, unknown>, path: string): { since?: string; until?: string } {
  const dates: { since?: string; until?: string } = {};
  if (o.since !== undefined) dates.since = expectDay(o.since, `${path}.since`);
  if (o.until !== undefined) dates.until = expectDay(o.until, `${path}.until`);
  if (dates.since !== undefined && dates.until !== undefined && dates.until < dates.since) {
    fail(`${path}.until`, 'before since');
  }
  return dates;
}

/** Checks a base section's exact shape; returns a clean copy. Throws CryptoError 'malformed'. */
export function validateBase(value: unknown): BaseSection {
  const o = expectObject(value, 'base', ['v', 'title', 'centre', 'entries'], ['forgotten']);
  const centre = expectObject(o.centre, 'base.centre', ['parents', 'children']);
  const entries = expectArray(o.entries, 'base.entries', LIMITS.entries).map((entry, i) =>
    validateEntry(entry, `base.entries[${i}]`),
  );
  if (new Set(entries.map((entry) => entry.id)).size !== entries.length) {
    fail('base.entries', 'duplicate id');
  }
  const base: BaseSection = {
    v: expectV1(o.v, 'base'),
    title: expectString(o.title, 'base.title', 1, LIMITS.title),
    centre: {
      parents: expectNames(centre.parents, 'base.centre.parents'),
      children: expectNames(centre.children, 'base.centre.children'),
    },
    entries,
  };
  if (o.forgotten !== undefined) {
    const ids = expectArray(o.forgotten, 'base.forgotten', LIMITS.forgotten).map((id, i) =>
      expectBase64Url(id, `base.forgotten[${i}]`, ID_BYTES),
    );
    if (new Set(ids).size !== ids.length) fail('base.forgotten', 'duplicate id');
    if (ids.length > 0) base.forgotten = ids;
  }
  return base;
}

function validateDetailFields(value: unknown, path: string): DetailFields {
  const o = expectObject(value, path, [], ['name', 'contact', 'note']);
  const fields: DetailFields = {};
  if (o.name !== undefined) fields.name = expectString(o.name, `${path}.name`, 0, LIMITS.name);
  if (o.contact !== undefined) {
    fields.contact = expectString(o.contact, `${path}.contact`, 0, LIMITS.contact);
  }
  if (o.note !== undefined) fields.note = expectString(o.note, `${path}.note`, 0, LIMITS.note);
  return fields;
}

/** Checks a detail section's exact shape; returns a clean copy. Throws CryptoError 'malformed'. */
export function validateDetail(value: unknown): DetailSection {
  const o = expectObject(value, 'detail', ['v', 'entries']);
  const raw = expectPlainObject(o.entries, 'detail.entries');
  const ids = Object.keys(raw);
  if (ids.length > LIMITS.entries) fail('detail.entries', `more than ${LIMITS.entries} entries`);
  const entries: Record<string, DetailFields> = {};
  for (const id of ids) {
    expectBase64Url(id, 'detail.entries key', ID_BYTES);
    entries[id] = validateDetailFields(raw[id], `detail.entries[${id}]`);
  }
  return { v: expectV1(o.v, 'detail'), entries };
}

/** Checks a private section's exact shape; returns a clean copy. Throws CryptoError 'malformed'. */
export function validatePrivate(value: unknown): PrivateSection {
  const o = expectObject(value, 'private', ['v', 'wishes'], ['place', 'birth']);
  const section: PrivateSection = {
    v: expectV1(o.v, 'private'),
    wishes: expectString(o.wishes, 'private.wishes', 0, LIMITS.wishes),
  };
  if (o.place !== undefined)
    section.place = expectString(o.place, 'private.place', 0, LIMITS.place);
  if (o.birth !== undefined) section.birth = validateBirth(o.birth);
  return section;
}

/** The parent's birth date: a real day, expected or actual. */
function validateBirth(value: unknown): { day: string; kind: 'expected' | 'actual' } {
  const o = expectObject(value, 'private.birth', ['day', 'kind']);
  const day = expectString(o.day, 'private.birth.day', 10, 10);
  if (parseDay(day) === null) fail('private.birth.day', 'not a day YYYY-MM-DD');
  return { day, kind: expectOneOf(o.kind, 'private.birth.kind', ['expected', 'actual'] as const) };
}
