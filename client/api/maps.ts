/** Map routes: create, read and save a version. Only the capability identifies the caller. */
import type {
  AccessLogResponse,
  CreateMapRequest,
  CreateMapResponse,
  ReadMapResponse,
  VersionResponse,
  VersionsResponse,
  WriteMapResponse,
} from '../../shared/api/maps.js';
import { capabilityOf, withoutAccount, type ApiClient } from './transport.js';

/** `/maps/:id` and what follows it. */
export const mapPath = (mapId: string, rest = ''): string =>
  `/maps/${encodeURIComponent(mapId)}${rest}`;

export function createMap(api: ApiClient, body: CreateMapRequest): Promise<CreateMapResponse> {
  return api.request('/maps', { method: 'POST', body });
}

export function getMap(
  api: ApiClient,
  mapId: string,
  capability: string,
): Promise<ReadMapResponse> {
  return api.request(mapPath(mapId), { auth: capabilityOf(capability) });
}

export function saveMap(
  api: ApiClient,
  mapId: string,
  capability: string,
  baseVersion: number,
  body: string,
): Promise<WriteMapResponse> {
  return api.request(mapPath(mapId), {
    method: 'PUT',
    body: { baseVersion, body },
    auth: capabilityOf(capability),
  });
}

/** Who opened the map when, per member slot. */
export function accessLog(mapId: string, capability: string): Promise<AccessLogResponse> {
  return withoutAccount.request(mapPath(mapId, '/access'), { auth: capabilityOf(capability) });
}

/** One page of the stored versions, newest first (`before` excludes that version and newer). */
export function listVersions(
  api: ApiClient,
  mapId: string,
  capability: string,
  page: { before?: number; limit?: number } = {},
): Promise<VersionsResponse> {
  const query = new URLSearchParams();
  if (page.before !== undefined) query.set('before', String(page.before));
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  const rest = query.size > 0 ? `/versions?${query.toString()}` : '/versions';
  return api.request(mapPath(mapId, rest), { auth: capabilityOf(capability) });
}

/** One stored version's body, as it was saved. */
export function getVersion(
  api: ApiClient,
  mapId: string,
  capability: string,
  version: number,
): Promise<VersionResponse> {
  return api.request(mapPath(mapId, `/versions/${version}`), { auth: capabilityOf(capability) });
}
