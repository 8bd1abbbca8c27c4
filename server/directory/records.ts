// One service as the directory stores it, and the rules a record must meet to be imported (all or nothing).
import { createHash } from 'node:crypto';
import { CATEGORIES, type Category } from '../../shared/map/types.js';
import { fold, formatPostcodeRange, parseAreaList, type PostcodeRange } from './text.js';

/** What a parser found for one service, before the rules; strings may be missing or wrong. */
export interface ServiceCandidate {
  sourceId: unknown;
  name: unknown;
  description: unknown;
  organisationSourceId: string | null;
  categories: string[];
  roles: string[];
  languages: string[];
  /** Municipality names and postcode texts ("3011-3019", "30"), unparsed. */
  areas: string[];
  address: string | null;
  postcode: string | null;
  city: string | null;
  phone: unknown;
  website: unknown;
  email: unknown;
  openingHours: string | null;
  status: unknown;
}

export interface OrganisationRecord {
  sourceId: string;
  name: string;
  description: string;
  website: string | null;
  email: string | null;
}

export interface ServiceRecord {
  sourceId: string;
  organisationSourceId: string | null;
  name: string;
  description: string;
  category: Category;
  roles: string[];
  languages: string[];
  municipalities: string[];
  postcodes: PostcodeRange[];
  address: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  website: string | null;
  email: string | null;
  openingHours: string | null;
}

/** Why a record was refused; the message names the field. */
export class RecordError extends Error {}

const LIMITS = {
  sourceId: 200,
  name: 200,
  description: 4000,
  role: 80,
  roles: 20,
  languages: 20,
  areas: 200,
  municipality: 100,
  address: 300,
  city: 100,
  phone: 40,
  url: 500,
  email: 254,
  openingHours: 1000,
} as const;

function text(value: unknown, field: string, max: number, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new RecordError(`missing ${field}`);
    return null;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new RecordError(`${field} must be text`);
  }
  const t = String(value).replace(/\s+/g, ' ').trim();
  if (t === '') {
    if (required) throw new RecordError(`missing ${field}`);
    return null;
  }
  if ([...t].length > max) throw new RecordError(`${field} is longer than ${max} characters`);
  return t;
}

function required(value: unknown, field: string, max: number): string {
  return text(value, field, max, true) ?? '';
}

/** A website must be http(s): a javascript: or data: link would run in the app when tapped. */
export function checkUrl(value: unknown, field = 'website'): string | null {
  const t = text(value, field, LIMITS.url, false);
  if (t === null) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new RecordError(`${field} is not a valid web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RecordError(`${field} must be an http or https address`);
  }
  return url.toString();
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export function checkEmail(value: unknown): string | null {
  const t = text(value, 'email', LIMITS.email, false);
  if (t !== null && !EMAIL.test(t)) throw new RecordError('email is not a valid address');
  return t;
}

const PHONE = /^\+?[0-9][0-9 ()-]{4,38}$/;
function checkPhone(value: unknown): string | null {
  const t = text(value, 'phone', LIMITS.phone, false);
  if (t !== null && !PHONE.test(t)) throw new RecordError('phone is not a phone number');
  return t;
}

const LANGUAGE = /^[a-z]{2,3}$/;
const INACTIVE = new Set(['inactive', 'defunct']);

/** Applies every rule to a candidate; throws RecordError with the first reason. */
export function toServiceRecord(candidate: ServiceCandidate): ServiceRecord {
  const sourceId = required(candidate.sourceId, 'id', LIMITS.sourceId);
  const status = typeof candidate.status === 'string' ? candidate.status.trim().toLowerCase() : '';
  if (INACTIVE.has(status)) throw new RecordError(`status is ${status}`);
  const name = required(candidate.name, 'name', LIMITS.name);
  const description = text(candidate.description, 'description', LIMITS.description, false) ?? '';

  const categories = [...new Set(candidate.categories.map((c) => c.trim()))];
  if (categories.length === 0) throw new RecordError('missing category');
  if (categories.length > 1) throw new RecordError('more than one category');
  const category = CATEGORIES.find((c) => c === categories[0]);
  if (!category) throw new RecordError(`unknown category "${String(categories[0])}"`);

  const roles = [...new Set(candidate.roles.map((r) => required(r, 'role', LIMITS.role)))];
  if (roles.length > LIMITS.roles) throw new RecordError(`more than ${LIMITS.roles} roles`);

  const languages = [...new Set(candidate.languages.map((l) => l.trim().toLowerCase()))];
  for (const language of languages) {
    if (!LANGUAGE.test(language)) {
      throw new RecordError(`language "${language}" is not an ISO 639 code`);
    }
  }
  if (languages.length > LIMITS.languages) throw new RecordError('too many languages');

  const address = text(candidate.address, 'address', LIMITS.address, false);
  const postcode = text(candidate.postcode, 'postcode', 10, false);
  const city = text(candidate.city, 'city', LIMITS.city, false);

  const municipalities: string[] = [];
  const postcodes: PostcodeRange[] = [];
  // with no area given, the service serves where it is
  const areaTexts = candidate.areas.length > 0 ? candidate.areas : [city, postcode].filter(isText);
  if (areaTexts.length > LIMITS.areas) throw new RecordError('too many areas served');
  for (const area of areaTexts) {
    const parsed = parseAreaList(area);
    if (parsed.invalid.length > 0) {
      throw new RecordError(
        `area "${parsed.invalid[0] ?? area}" is not a municipality or postcode`,
      );
    }
    for (const m of parsed.municipalities) {
      if (m.length > LIMITS.municipality) throw new RecordError('municipality name too long');
      if (!municipalities.some((x) => fold(x) === fold(m))) municipalities.push(m);
    }
    postcodes.push(...parsed.postcodes);
  }
  if (municipalities.length === 0 && postcodes.length === 0) {
    throw new RecordError('no area served (service_areas, or a location with a city)');
  }

  return {
    sourceId,
    organisationSourceId: candidate.organisationSourceId,
    name,
    description,
    category,
    roles,
    languages: languages.sort(),
    municipalities,
    postcodes: uniqueRanges(postcodes),
    address,
    postcode: postcode?.toUpperCase() ?? null,
    city,
    phone: checkPhone(candidate.phone),
    website: checkUrl(candidate.website),
    email: checkEmail(candidate.email),
    openingHours: text(candidate.openingHours, 'opening hours', LIMITS.openingHours, false),
  };
}

export function toOrganisationRecord(raw: {
  sourceId: unknown;
  name: unknown;
  description: unknown;
  website: unknown;
  email: unknown;
}): OrganisationRecord {
  return {
    sourceId: required(raw.sourceId, 'organisation id', LIMITS.sourceId),
    name: required(raw.name, 'organisation name', LIMITS.name),
    description: text(raw.description, 'organisation description', LIMITS.description, false) ?? '',
    website: checkUrl(raw.website, 'organisation website'),
    email: checkEmail(raw.email),
  };
}

function isText(value: string | null): value is string {
  return value !== null && value !== '';
}

function uniqueRanges(ranges: PostcodeRange[]): PostcodeRange[] {
  const seen = new Map(ranges.map((r) => [formatPostcodeRange(r), r]));
  return [...seen.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}

/** SHA-256 (hex) of a record's canonical JSON: equal hashes mean a re-import has nothing to change. */
export function contentHash(record: object): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

/** The folded text the full-text index is built from: name weighs most, then everything else. */
export function searchColumns(
  record: ServiceRecord,
  organisationName: string | null,
): { search_name: string; search_text: string } {
  return {
    search_name: fold(record.name),
    search_text: fold(
      [record.description, organisationName ?? '', record.roles.join(' '), record.city ?? ''].join(
        ' ',
      ),
    ),
  };
}
