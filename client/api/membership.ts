/**
 * Membership routes under a map: the log, slots (rights), member cards, leave and remove. They carry
 * only the `Nk-Capability` header, never the account token.
 */
import type {
  CardsResponse,
  LogResponse,
  PutCardResponse,
  RemoveMembersRequest,
  RemoveMembersResponse,
  SlotsResponse,
  UpdateSlotRequest,
  UpdateSlotResponse,
} from '../../shared/api/membership.js';
import { mapPath } from './maps.js';
import { capabilityOf, withoutAccount } from './transport.js';

/** Every record of the map's log, in seq order (paged by the server). */
export async function fetchLog(mapId: string, capability: string): Promise<string[]> {
  const records: string[] = [];
  for (;;) {
    const page = await withoutAccount.request<LogResponse>(
      mapPath(mapId, `/log?after=${records.length}`),
      { auth: capabilityOf(capability) },
    );
    records.push(...page.records.map((r) => r.record));
    if (page.records.length === 0 || records.length >= page.headSeq) return records;
  }
}

export const membershipApi = {
  /** Owners: the slots that still exist (a member who left has none, though the log still names her). */
  slots: (mapId: string, capability: string): Promise<SlotsResponse> =>
    withoutAccount.request(mapPath(mapId, '/slots'), { auth: capabilityOf(capability) }),
  updateSlot: (
    mapId: string,
    capability: string,
    slotId: string,
    body: UpdateSlotRequest,
  ): Promise<UpdateSlotResponse> =>
    withoutAccount.request(mapPath(mapId, `/slots/${encodeURIComponent(slotId)}`), {
      method: 'PUT',
      body,
      auth: capabilityOf(capability),
    }),
  leave: (mapId: string, capability: string): Promise<void> =>
    withoutAccount.request(mapPath(mapId, '/slots/mine'), {
      method: 'DELETE',
      auth: capabilityOf(capability),
    }),
  remove: (
    mapId: string,
    capability: string,
    body: RemoveMembersRequest,
  ): Promise<RemoveMembersResponse> =>
    withoutAccount.request(mapPath(mapId, '/remove'), {
      method: 'POST',
      body,
      auth: capabilityOf(capability),
    }),
  cards: (mapId: string, capability: string): Promise<CardsResponse> =>
    withoutAccount.request(mapPath(mapId, '/cards'), { auth: capabilityOf(capability) }),
  putCard: (
    mapId: string,
    capability: string,
    baseCardVersion: number,
    body: string,
  ): Promise<PutCardResponse> =>
    withoutAccount.request(mapPath(mapId, '/cards/mine'), {
      method: 'PUT',
      body: { baseCardVersion, body },
      auth: capabilityOf(capability),
    }),
};
