// Search rules: a place is a municipality (case and diacritics ignored) or a PC4; results map to the API.
import {
  directoryLimits,
  type DirectoryService,
  type ServiceSearchQuery,
  type ServiceSearchResponse,
} from '../../shared/api/directory.js';
import { CATEGORIES, type Category } from '../../shared/map/types.js';
import type { DatabaseEngine } from '../infra/db/connect.js';
import type { DirectoryDb } from './schema.js';
import { loadServices, serviceSearchRepository, type ServiceFilters } from './search.js';
import { fold, formatPostcodeRange, placePostcode, queryTerms } from './text.js';

/** The filters for a place: PC4 when it reads as a postcode, else a folded municipality name. */
export function placeFilter(
  place: string | undefined,
): Pick<ServiceFilters, 'municipalityKey' | 'postcode'> {
  if (place === undefined || place.trim() === '') return {};
  const postcode = placePostcode(place);
  if (postcode !== undefined) return { postcode };
  return { municipalityKey: fold(place) };
}

export function paging(query: { page?: number; pageSize?: number }): {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
} {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? directoryLimits.pageSizeDefault;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

function parseRoles(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toCategory(value: string): Category {
  // the import only stores known categories; a row edited by hand falls back to "places and services"
  return CATEGORIES.find((c) => c === value) ?? 'places-services';
}

export async function searchServices(
  db: DirectoryDb,
  engine: DatabaseEngine,
  query: ServiceSearchQuery,
): Promise<ServiceSearchResponse> {
  const { page, pageSize, limit, offset } = paging(query);
  const terms = query.q === undefined ? [] : queryTerms(query.q);
  const { total, ids } = await serviceSearchRepository(db, engine).search({
    ...placeFilter(query.place),
    ...(query.category !== undefined ? { category: query.category } : {}),
    ...(query.language !== undefined ? { language: query.language } : {}),
    terms,
    limit,
    offset,
  });
  const rows = await loadServices(db, ids);
  const results: DirectoryService[] = rows.map(({ row, languages, areas }) => ({
    id: Number(row.id),
    name: row.name,
    description: row.description,
    organisation: row.organisation,
    category: toCategory(row.category),
    roles: parseRoles(row.roles),
    languages,
    municipalities: areas.flatMap((a) => (a.municipality === null ? [] : [a.municipality])),
    postcodes: areas.flatMap((a) =>
      a.pc_from === null || a.pc_to === null
        ? []
        : [formatPostcodeRange({ from: a.pc_from, to: a.pc_to })],
    ),
    address: row.address,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    website: row.website,
    email: row.email,
    openingHours: row.opening_hours,
  }));
  return { total, page, pageSize, results };
}
