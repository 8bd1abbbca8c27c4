// Generates FICTIONAL HSDS 3.0 directory data (flat tables joined by ids), for tests and benchmarks.
// Every name is made up; "Fictief" is part of each organisation name so nobody mistakes it for real.
import { CATEGORIES } from '../../shared/map/types.js';

const PLACES = [
  { city: 'Rotterdam', postcodes: '3011-3089', pc: '3012' },
  { city: 'Delft', postcodes: '2611-2629', pc: '2611' },
  { city: 'Utrecht', postcodes: '3511-3585', pc: '3511' },
] as const;
const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'ti'] as const;
const WORDS = ['Zonnebloem', 'Regenboog', 'Klaproos', 'Vlinder', 'Lindeboom', 'Kompas'] as const;

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/** `count` services over 3 municipalities and all categories, ids `gen-svc-<n>`; valid by construction. */
export function generateHsds(count: number, prefix = 'gen'): Record<string, unknown[]> {
  const organisations: unknown[] = [];
  const services: unknown[] = [];
  const locations: unknown[] = [];
  const serviceAtLocations: unknown[] = [];
  const phones: unknown[] = [];
  const languages: unknown[] = [];
  const schedules: unknown[] = [];
  const serviceAreas: unknown[] = [];
  const attributes: unknown[] = [];
  const taxonomyTerms = CATEGORIES.map((category) => ({
    id: `${prefix}-term-${category}`,
    code: category,
    name: category,
    description: `Netwerkkaart category ${category}`,
    taxonomy: 'netwerkkaart-category',
  }));
  const organisationCount = Math.max(1, Math.ceil(count / 10));
  for (let o = 0; o < organisationCount; o += 1) {
    organisations.push({
      id: `${prefix}-org-${o}`,
      name: `Fictief Netwerk ${pick(WORDS, o)} ${o}`,
      description: 'Fictieve organisatie voor tests.',
      website: `https://example.org/${prefix}/org-${o}`,
    });
  }
  for (let i = 0; i < count; i += 1) {
    const id = `${prefix}-svc-${i}`;
    const place = pick(PLACES, i);
    const category = pick(CATEGORIES, i);
    services.push({
      id,
      organization_id: `${prefix}-org-${Math.floor(i / 10)}`,
      name: `Fictieve dienst ${pick(WORDS, i)} ${i}`,
      description: `Fictieve hulp nummer ${i} in ${place.city}.`,
      url: `https://example.org/${prefix}/${i}`,
      email: `dienst${i}@example.org`,
      status: 'active',
    });
    const locationId = `${prefix}-loc-${i}`;
    locations.push({ id: locationId, name: `Locatie ${i}`, location_type: 'physical' });
    serviceAtLocations.push({ id: `${prefix}-sal-${i}`, service_id: id, location_id: locationId });
    phones.push({ id: `${prefix}-ph-${i}`, service_id: id, number: `010 ${String(1000000 + i)}` });
    languages.push({
      id: `${prefix}-lang-${i}-nl`,
      service_id: id,
      name: 'Nederlands',
      code: 'nl',
    });
    if (i % 2 === 1) {
      const code = pick(LANGUAGES, i);
      if (code !== 'nl')
        languages.push({ id: `${prefix}-lang-${i}-${code}`, service_id: id, code });
    }
    schedules.push({
      id: `${prefix}-sch-${i}`,
      service_id: id,
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '09:00',
      closes_at: '17:00',
    });
    serviceAreas.push({ id: `${prefix}-area-${i}`, service_id: id, name: place.city });
    if (i % 3 === 0) {
      serviceAreas.push({
        id: `${prefix}-area-${i}-pc`,
        service_id: id,
        extent_type: 'text',
        extent: place.postcodes,
      });
    }
    attributes.push({
      id: `${prefix}-attr-${i}`,
      link_id: id,
      link_entity: 'service',
      taxonomy_term_id: `${prefix}-term-${category}`,
    });
  }
  const addresses = services.map((_, i) => ({
    id: `${prefix}-addr-${i}`,
    location_id: `${prefix}-loc-${i}`,
    address_1: `Fictieve straat ${i}`,
    city: pick(PLACES, i).city,
    postal_code: `${pick(PLACES, i).pc} AB`,
    country: 'NL',
    address_type: 'physical',
  }));
  return {
    organizations: organisations,
    services,
    locations,
    addresses,
    service_at_locations: serviceAtLocations,
    phones,
    languages,
    schedules,
    service_areas: serviceAreas,
    attributes,
    taxonomy_terms: taxonomyTerms,
  };
}
