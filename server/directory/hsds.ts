// Open Referral HSDS 3.0 JSON → service candidates. Accepts services with nested objects (the HSDS API
// shape) and/or the flat tables as top-level arrays joined by their ids (the data package shape).
import type { ServiceCandidate } from './records.js';

/** Taxonomy whose term `code` is one of the map's CATEGORIES ids. */
export const CATEGORY_TAXONOMY = 'netwerkkaart-category';
/** Taxonomy whose term `name` is a role from the roles list (free text allowed). */
export const ROLE_TAXONOMY = 'netwerkkaart-role';

type Obj = Record<string, unknown>;

/** Thrown when the file as a whole is unusable (no list of services at all). */
export class FileError extends Error {}

export interface ParsedFile {
  organisations: { index: number; raw: Obj }[];
  /** `candidate` null: the record could not be read at all (`reason` says why, if known). */
  services: {
    index: number;
    candidate: ServiceCandidate | null;
    sourceId: string | null;
    reason?: string;
  }[];
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : [];
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Groups rows of a flat table by one of their id columns. */
function byKey(rows: Obj[], key: string): Map<string, Obj[]> {
  const map = new Map<string, Obj[]>();
  for (const row of rows) {
    const k = str(row[key]);
    if (k === null) continue;
    const group = map.get(k);
    if (group) group.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function nestedOr(parent: Obj, field: string, flat: Map<string, Obj[]>, id: string | null): Obj[] {
  if (Array.isArray(parent[field])) return list(parent[field]);
  return id === null ? [] : (flat.get(id) ?? []);
}

const DAYS: Record<string, string> = {
  MO: 'ma',
  TU: 'di',
  WE: 'wo',
  TH: 'do',
  FR: 'vr',
  SA: 'za',
  SU: 'zo',
};

/** One schedule as a line of text: its description, or "ma, di 09:00–17:00" from byday/opens_at/closes_at. */
function scheduleText(schedule: Obj): string | null {
  const description = str(schedule.description);
  if (description?.trim()) return description.trim();
  const days = (str(schedule.byday) ?? '')
    .split(',')
    .map((d) => DAYS[d.trim().toUpperCase().slice(-2)])
    .filter((d): d is string => d !== undefined);
  const opens = str(schedule.opens_at)?.slice(0, 5);
  const closes = str(schedule.closes_at)?.slice(0, 5);
  const hours = opens && closes ? `${opens}–${closes}` : '';
  const line = [days.join(', '), hours].filter(Boolean).join(' ');
  return line === '' ? (str(schedule.notes)?.trim() ?? null) : line;
}

export function parseHsds(data: unknown): ParsedFile {
  let root: Obj;
  if (Array.isArray(data)) root = { services: data };
  else if (isObj(data)) root = data;
  else throw new FileError('the HSDS file must be a JSON object or a list of services');
  // the HSDS API pages lists as { contents: [...] }
  const serviceList = Array.isArray(root.services)
    ? root.services
    : Array.isArray(root.contents)
      ? root.contents
      : undefined;
  if (!serviceList) throw new FileError('the HSDS file has no "services" list');

  const terms = new Map(list(root.taxonomy_terms).map((t) => [str(t.id) ?? '', t]));
  const locations = new Map(list(root.locations).map((l) => [str(l.id) ?? '', l]));
  const flat = {
    phones: byKey(list(root.phones), 'service_id'),
    locationPhones: byKey(list(root.phones), 'location_id'),
    languages: byKey(list(root.languages), 'service_id'),
    schedules: byKey(list(root.schedules), 'service_id'),
    locationSchedules: byKey(list(root.schedules), 'location_id'),
    areas: byKey(list(root.service_areas), 'service_id'),
    attributes: byKey(
      list(root.attributes).filter((a) => (str(a.link_entity) ?? 'service') === 'service'),
      'link_id',
    ),
    atLocations: byKey(list(root.service_at_locations), 'service_id'),
    addresses: byKey(list(root.addresses), 'location_id'),
  };

  const organisations: ParsedFile['organisations'] = [];
  const seenOrganisations = new Set<string>();
  const addOrganisation = (raw: Obj) => {
    const id = str(raw.id);
    if (id !== null && seenOrganisations.has(id)) return;
    if (id !== null) seenOrganisations.add(id);
    organisations.push({ index: organisations.length, raw });
  };
  list(root.organizations).forEach(addOrganisation);

  const services: ParsedFile['services'] = serviceList.map((item: unknown, index) => {
    if (!isObj(item)) return { index, candidate: null, sourceId: null };
    const id = str(item.id);
    const nestedOrganisation = isObj(item.organization) ? item.organization : undefined;
    if (nestedOrganisation) addOrganisation(nestedOrganisation);

    const attributes = nestedOr(item, 'attributes', flat.attributes, id).map((a) => {
      const term = isObj(a.taxonomy_term)
        ? a.taxonomy_term
        : terms.get(str(a.taxonomy_term_id) ?? '');
      return { attribute: a, term };
    });
    // HSDS 3.0 names the taxonomy in `taxonomy`, or in the nested `taxonomy_detail.name`
    const taxonomy = (term: Obj | undefined) =>
      str(term?.taxonomy) ?? (isObj(term?.taxonomy_detail) ? str(term.taxonomy_detail.name) : null);
    const categories = attributes
      .filter(({ term }) => taxonomy(term) === CATEGORY_TAXONOMY)
      .map(
        ({ term, attribute }) => str(term?.code) ?? str(attribute.value) ?? str(term?.name) ?? '',
      );
    const roles = attributes
      .filter(({ term }) => taxonomy(term) === ROLE_TAXONOMY)
      .map(({ term, attribute }) => str(term?.name) ?? str(attribute.value) ?? '');

    const atLocations = nestedOr(item, 'service_at_locations', flat.atLocations, id);
    const serviceLocations = atLocations
      .map((sal) =>
        isObj(sal.location) ? sal.location : locations.get(str(sal.location_id) ?? ''),
      )
      .filter(isObj);
    const location = serviceLocations[0];
    const locationId = location ? str(location.id) : null;
    const address = location
      ? nestedOr(location, 'addresses', flat.addresses, locationId).find(
          (a) => (str(a.address_type) ?? 'physical') === 'physical',
        )
      : undefined;

    const phones = nestedOr(item, 'phones', flat.phones, id);
    const locationPhones = location
      ? nestedOr(location, 'phones', flat.locationPhones, locationId)
      : [];
    const schedules = nestedOr(item, 'schedules', flat.schedules, id);
    const locationSchedules = location
      ? nestedOr(location, 'schedules', flat.locationSchedules, locationId)
      : [];
    const hours = (schedules.length > 0 ? schedules : locationSchedules)
      .map(scheduleText)
      .filter((t): t is string => t !== null);

    const areas = nestedOr(item, 'service_areas', flat.areas, id).flatMap((area) => {
      const out: string[] = [];
      const name = str(area.name);
      if (name?.trim()) out.push(name);
      // postcodes travel as a text extent: "3011-3019, 3021, 30"
      if (str(area.extent_type)?.toLowerCase() === 'text') {
        const extent = str(area.extent);
        if (extent?.trim()) out.push(extent);
      }
      return out;
    });

    const street = address ? [str(address.address_1), str(address.address_2)] : [];
    const candidate: ServiceCandidate = {
      sourceId: item.id,
      name: item.name,
      description: item.description,
      organisationSourceId: str(item.organization_id) ?? str(nestedOrganisation?.id),
      categories,
      roles,
      languages: nestedOr(item, 'languages', flat.languages, id).map(
        (l) => str(l.code) ?? str(l.name) ?? '',
      ),
      areas,
      address: street.filter((s): s is string => !!s?.trim()).join(', ') || null,
      postcode: address ? str(address.postal_code) : null,
      city: address ? str(address.city) : null,
      phone: str(phones[0]?.number) ?? str(locationPhones[0]?.number),
      website: item.url,
      email: item.email,
      openingHours: hours.length > 0 ? hours.join('; ') : null,
      status: item.status,
    };
    return { index, candidate, sourceId: id };
  });

  return { organisations, services };
}

/** The organisation fields of an HSDS organization object. */
export function hsdsOrganisation(raw: Obj): {
  sourceId: unknown;
  name: unknown;
  description: unknown;
  website: unknown;
  email: unknown;
} {
  return {
    sourceId: raw.id,
    name: raw.name,
    description: raw.description,
    website: raw.website ?? raw.url,
    email: raw.email,
  };
}
