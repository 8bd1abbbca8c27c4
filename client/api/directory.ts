/**
 * The sociale kaart on the page. A search sends only place, category, language, words and the page:
 * no map id, no capability, no token, no cookie (credentials 'omit'), so the server cannot tell who
 * asks for which family. A professional's own profile goes with her account token.
 */
import { ApiError, type ApiClient } from './transport.js';
import type {
  ProfessionalProfileRequest,
  ProfessionalSearchQuery,
  ProfessionalSearchResponse,
  PublishedProfessional,
  ServiceSearchQuery,
  ServiceSearchResponse,
} from '../../shared/api/directory.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only the fields of the closed query schema, and only when they are filled. */
function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') params.set(key, text);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function anonymousGet<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok && data !== null) return data as T;
  const error = isRecord(data) && isRecord(data['error']) ? data['error'] : {};
  const code = typeof error['code'] === 'string' ? error['code'] : `http_${response.status}`;
  throw new ApiError(response.status, code, response.statusText);
}

/** GET /api/directory/services: public services near a place. */
export function searchServices(query: ServiceSearchQuery): Promise<ServiceSearchResponse> {
  return anonymousGet(`/directory/services${queryString({ ...query })}`);
}

/** GET /api/directory/professionals: published profiles. */
export function searchProfessionals(
  query: ProfessionalSearchQuery,
): Promise<ProfessionalSearchResponse> {
  return anonymousGet(`/directory/professionals${queryString({ ...query })}`);
}

/** The signed-in professional's own profile, or null when she has not published one. */
export async function getOwnProfile(api: ApiClient): Promise<PublishedProfessional | null> {
  try {
    return await api.directoryAccount<PublishedProfessional>('GET');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function publishProfile(
  api: ApiClient,
  profile: ProfessionalProfileRequest,
): Promise<PublishedProfessional> {
  return api.directoryAccount('PUT', profile);
}

export function unpublishProfile(api: ApiClient): Promise<void> {
  return api.directoryAccount('DELETE');
}
