/** Map routes: create, read and save a version. Only the capability identifies the caller. */
import type {
  AccessLogResponse,
  CreateMapRequest,
  CreateMapResponse,
  VersionsResponse,
} from '../../shared/api/maps.js';
import {
  decodeMapRead,
  versionOfTag,
  versionTag,
  type ReadMapResponse,
  type WriteMapResponse,
} from '../../shared/api/map-wire.js';
import { ApiError, capabilityOf, withoutAccount, type ApiClient } from './transport.js';

/** `/maps/:id` and what follows it. */
export const mapPath = (mapId: string, rest = ''): string =>
  `/maps/${encodeURIComponent(mapId)}${rest}`;

export function createMap(api: ApiClient, body: CreateMapRequest): Promise<CreateMapResponse> {
  return api.request('/maps', { method: 'POST', body });
}

/** The latest version: its bytes and key bundle, with version, slot and rights from the headers. */
export async function getMap(
  api: ApiClient,
  mapId: string,
  capability: string,
): Promise<ReadMapResponse> {
  const response = await api.bytes(mapPath(mapId), capability);
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    return decodeMapRead(mapId, (name) => response.headers.get(name), bytes);
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The map answer could not be read.');
  }
}

/** Saves `body` as the version after `baseVersion` (If-Match); a 409 names the latest version. */
export async function saveMap(
  api: ApiClient,
  mapId: string,
  capability: string,
  baseVersion: number,
  body: Uint8Array,
): Promise<WriteMapResponse> {
  const response = await api.bytes(mapPath(mapId), capability, {
    method: 'PUT',
    body,
    headers: { 'If-Match': versionTag(baseVersion) },
  });
  const version = versionOfTag(response.headers.get('etag'));
  if (version === null) throw new ApiError(response.status, 'bad_response', 'No new version.');
  return { version };
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

/** One stored version's bytes, as they were saved (octet-stream, like the latest). */
export async function getVersion(
  api: ApiClient,
  mapId: string,
  capability: string,
  version: number,
): Promise<{ version: number; body: Uint8Array }> {
  const response = await api.bytes(mapPath(mapId, `/versions/${version}`), capability);
  const body = new Uint8Array(await response.arrayBuffer());
  if (versionOfTag(response.headers.get('etag')) !== version)
    throw new ApiError(response.status, 'bad_response', 'The version answer could not be read.');
  return { version, body };
}
