/**
 * The sociale kaart on the page. A search sends only place, category, language, words and the page:
 * no map id, no capability, no token, no cookie (credentials 'omit'), so the server cannot tell who
 * asks for which family. A professional's own profile goes with her account token.
 */
import { ACCOUNT, ApiError, withoutAccount, type ApiClient } from './transport.js';
import type {
  ProfessionalProfileRequest,
  ProfessionalSearchQuery,
  ProfessionalSearchResponse,
  PublishedProfessional,
  ServiceSearchQuery,
  ServiceSearchResponse,
} from '../../shared/api/directory.js';

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

const anonymousGet = <T>(path: string): Promise<T> =>
  withoutAccount.request<T>(path, { noReferrer: true });

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
    return await api.request<PublishedProfessional>('/directory/me', { auth: ACCOUNT });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function publishProfile(
  api: ApiClient,
  profile: ProfessionalProfileRequest,
): Promise<PublishedProfessional> {
  return api.request('/directory/me', { method: 'PUT', body: profile, auth: ACCOUNT });
}

export function unpublishProfile(api: ApiClient): Promise<void> {
  return api.request('/directory/me', { method: 'DELETE', auth: ACCOUNT });
}
