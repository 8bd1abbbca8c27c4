// Professionals' opt-in profiles: publishing shows that an account is a professional (that is the point)
// and nothing else: no map, no membership, not even the account id (profiles have their own random id).
import { randomBytes } from 'node:crypto';
import type {
  ProfessionalProfileRequest,
  ProfessionalSearchQuery,
  ProfessionalSearchResponse,
  PublishedProfessional,
} from '../../shared/api/directory.js';
import { ApiError } from '../infra/errors.js';
import * as repository from './professionals-repository.js';
import type { DirectoryDb } from './schema.js';
import { paging, placeFilter } from './service.js';
import { fold, parseAreaList, queryTerms } from './text.js';
import { dayOf } from '../infra/coarse-time.js';

function toPublished(row: repository.ProfessionalRow): PublishedProfessional {
  return {
    profileId: row.profile_id,
    name: row.name,
    profession: row.profession,
    organisation: row.organisation,
    area: row.area,
    howToReach: row.how_to_reach,
    publishedAt: Number(row.published_at),
  };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function publishProfile(
  db: DirectoryDb,
  accountId: string,
  request: ProfessionalProfileRequest,
  now: number,
): Promise<PublishedProfessional> {
  const profile = {
    name: clean(request.name),
    profession: clean(request.profession),
    organisation: clean(request.organisation),
    area: clean(request.area),
    howToReach: clean(request.howToReach),
  };
  for (const [field, value] of Object.entries(profile)) {
    if (value === '' && field !== 'organisation') {
      throw new ApiError('invalid_request', `"${field}" must not be blank.`);
    }
  }
  const areas = parseAreaList(profile.area);
  if (areas.invalid.length > 0) {
    throw new ApiError(
      'invalid_request',
      `"area": "${areas.invalid[0] ?? ''}" is not a municipality or a postcode (like 3011 or 3011-3019).`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const existing = await repository.findProfile(trx, accountId);
    const row: repository.ProfessionalRow = {
      account_id: accountId,
      // a profile keeps its id while published, so a parent's saved link keeps working
      profile_id: existing?.profile_id ?? randomBytes(16).toString('base64url'),
      name: profile.name,
      profession: profile.profession,
      organisation: profile.organisation,
      area: profile.area,
      how_to_reach: profile.howToReach,
      search_text: fold(
        [profile.name, profile.profession, profile.organisation, profile.area].join(' '),
      ),
      // a profile is an account's row: day precision, like the account's own times (decision 0022)
      published_at: existing ? Number(existing.published_at) : dayOf(now),
      updated_at: dayOf(now),
    };
    await repository.saveProfile(trx, row, {
      municipalityKeys: [...new Set(areas.municipalities.map(fold))],
      postcodes: areas.postcodes,
    });
    return toPublished(row);
  });
}

export async function getOwnProfile(
  db: DirectoryDb,
  accountId: string,
): Promise<PublishedProfessional> {
  const row = await repository.findProfile(db, accountId);
  if (!row) throw new ApiError('not_found', 'You have not published a profile.');
  return toPublished(row);
}

export async function unpublishProfile(db: DirectoryDb, accountId: string): Promise<void> {
  if (!(await repository.deleteProfile(db, accountId))) {
    throw new ApiError('not_found', 'You have not published a profile.');
  }
}

export async function searchProfessionals(
  db: DirectoryDb,
  query: ProfessionalSearchQuery,
): Promise<ProfessionalSearchResponse> {
  const { page, pageSize, limit, offset } = paging(query);
  const { total, rows } = await repository.searchProfiles(db, {
    ...placeFilter(query.place),
    terms: query.q === undefined ? [] : queryTerms(query.q),
    limit,
    offset,
  });
  return { total, page, pageSize, results: rows.map(toPublished) };
}
