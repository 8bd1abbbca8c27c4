/** Map routes: create, read and save a version. Only the capability identifies the caller. */
import type {
  AccessLogResponse,
  CreateMapRequest,
  CreateMapResponse,
  ReadMapResponse,
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
