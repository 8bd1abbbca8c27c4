/**
 * HTTP calls for membership: the log, invites, join requests, slots, cards, removal, access
 * history and the live event stream. Map routes carry only the `Nk-Capability` header; invite
 * routes carry nothing that names an account (the server cannot link the joiner to the map).
 */
import { ApiError } from './transport.js';
import type {
  CollectAnswerResponse,
  InviteInfoResponse,
  InvitesResponse,
} from '../../shared/api/invites.js';
import type { AccessLogResponse } from '../../shared/api/maps.js';
import type { CardsResponse, LogResponse } from '../../shared/api/membership.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function call<T>(
  path: string,
  options: { method?: Method; body?: unknown; capability?: string } = {},
): Promise<T & { httpStatus: number }> {
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.capability !== undefined) headers.set('Nk-Capability', options.capability);
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (response.status === 204) return { httpStatus: 204 } as T & { httpStatus: number };
  const data: unknown = await response.json().catch(() => null);
  if (response.ok && isRecord(data)) return { ...(data as T), httpStatus: response.status };
  const error = isRecord(data) && isRecord(data['error']) ? data['error'] : {};
  const code = typeof error['code'] === 'string' ? error['code'] : `http_${response.status}`;
  const message = typeof error['message'] === 'string' ? error['message'] : response.statusText;
  throw new ApiError(response.status, code, message, error);
}

const map = (mapId: string, rest = ''): string => `/maps/${encodeURIComponent(mapId)}${rest}`;

/** Every record of the map's log, in seq order (paged by the server). */
export async function fetchLog(mapId: string, capability: string): Promise<string[]> {
  const records: string[] = [];
  for (;;) {
    const page = await call<LogResponse>(map(mapId, `/log?after=${records.length}`), {
      capability,
    });
    records.push(...page.records.map((r) => r.record));
    if (page.records.length === 0 || records.length >= page.headSeq) return records;
  }
}

export const membershipApi = {
  createInvite: (mapId: string, capability: string, body: unknown) =>
    call<{ inviteId: string; expiresAt: number }>(map(mapId, '/invites'), {
      method: 'POST',
      body,
      capability,
    }),
  listInvites: (mapId: string, capability: string) =>
    call<InvitesResponse>(map(mapId, '/invites'), { capability }),
  withdrawInvite: (mapId: string, capability: string, inviteId: string) =>
    call<object>(map(mapId, `/invites/${encodeURIComponent(inviteId)}`), {
      method: 'DELETE',
      capability,
    }),
  approve: (mapId: string, capability: string, requestId: string, body: unknown) =>
    call<{ slotId: string; headSeq: number }>(
      map(mapId, `/requests/${encodeURIComponent(requestId)}/approve`),
      { method: 'POST', body, capability },
    ),
  decline: (mapId: string, capability: string, requestId: string) =>
    call<object>(map(mapId, `/requests/${encodeURIComponent(requestId)}/decline`), {
      method: 'POST',
      capability,
    }),
  updateSlot: (mapId: string, capability: string, slotId: string, body: unknown) =>
    call<object>(map(mapId, `/slots/${encodeURIComponent(slotId)}`), {
      method: 'PUT',
      body,
      capability,
    }),
  leave: (mapId: string, capability: string) =>
    call<object>(map(mapId, '/slots/mine'), { method: 'DELETE', capability }),
  remove: (mapId: string, capability: string, body: unknown) =>
    call<{ version: number; headSeq: number }>(map(mapId, '/remove'), {
      method: 'POST',
      body,
      capability,
    }),
  cards: (mapId: string, capability: string) =>
    call<CardsResponse>(map(mapId, '/cards'), { capability }),
  putCard: (mapId: string, capability: string, baseCardVersion: number, body: string) =>
    call<{ cardVersion: number }>(map(mapId, '/cards/mine'), {
      method: 'PUT',
      body: { baseCardVersion, body },
      capability,
    }),
  access: (mapId: string, capability: string) =>
    call<AccessLogResponse>(map(mapId, '/access'), { capability }),
  inviteInfo: (inviteId: string) =>
    call<InviteInfoResponse>(`/invites/${encodeURIComponent(inviteId)}`),
  sendRequest: (inviteId: string, sealedRequest: string, signature: string) =>
    call<{ requestId: string }>(`/invites/${encodeURIComponent(inviteId)}/requests`, {
      method: 'POST',
      body: { sealedRequest, signature },
    }),
  challenge: (inviteId: string) =>
    call<{ challengeId: string; challenge: string }>(
      `/invites/${encodeURIComponent(inviteId)}/challenge`,
      { method: 'POST' },
    ),
  answer: (inviteId: string, challengeId: string, signature: string) =>
    call<CollectAnswerResponse>(`/invites/${encodeURIComponent(inviteId)}/answer`, {
      method: 'POST',
      body: { challengeId, signature },
    }),
};

export type MapEventName = 'version' | 'log' | 'card' | 'slots' | 'removed';

/**
 * Reads GET /api/maps/:id/events with fetch streaming (EventSource cannot send the capability
 * header) and calls `onEvent` per event. Reconnects after a drop until `signal` aborts; stops
 * for good after `removed`.
 */
export function watchMap(
  mapId: string,
  capability: string,
  onEvent: (name: MapEventName) => void,
  signal: AbortSignal,
): void {
  const run = async (): Promise<void> => {
    while (!signal.aborted) {
      let removed = false;
      try {
        const response = await fetch(`/api${map(mapId, '/events')}`, {
          headers: { Accept: 'text/event-stream', 'Nk-Capability': capability },
          credentials: 'omit',
          cache: 'no-store',
          signal,
        });
        if (response.status === 404) {
          onEvent('removed');
          return;
        }
        if (!response.ok || response.body === null) throw new Error('no stream');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const line = block.split('\n').find((l) => l.startsWith('event:'));
            const name = line?.slice(6).trim();
            if (
              name === 'version' ||
              name === 'log' ||
              name === 'card' ||
              name === 'slots' ||
              name === 'removed'
            ) {
              if (name === 'removed') removed = true;
              onEvent(name);
            }
          }
        }
      } catch {
        // Dropped or aborted: wait a moment and try again (unless aborted).
      }
      if (removed || signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
}
