import { hash as digest } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { limits, base64UrlLength } from '../../shared/api/limits.js';
import { CAPABILITY_HEADER, type Rights } from '../../shared/api/maps.js';
import { isCanonicalBase64Url } from './encoding.js';
import { DAY_MS, dayString } from '../../shared/time/day.js';
import { ApiError } from './errors.js';
import { findOpenedSlot, type VersionRow } from '../maps/api.js';

/** The slot a capability opened, for routes behind requireCapability. */
export interface OpenedSlot {
  mapId: string;
  slotId: string;
  rights: Rights;
  keyBundle: Buffer;
  /** The latest version, when the route asked for it (see requireCapability). */
  latest?: VersionRow | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for map routes: finds the slot of the Nk-Capability header and checks its rights. */
    requireCapability: (
      needed: Rights,
      options?: { withLatestVersion?: boolean },
    ) => (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    slot: OpenedSlot | null;
  }
}

const RANK: Record<Rights, number> = { read: 1, write: 2, admin: 3 };

/** One answer for an unknown map and a wrong capability, so a prober learns nothing. */
export function mapNotFound(): ApiError {
  return new ApiError('map_not_found', 'No map with this id opens with this capability.');
}

/** Capability guard: map routes never see the account token, only the capability of one slot. */
export default fp(
  async (fastify) => {
    fastify.decorateRequest('slot', null);
    const requireCapability =
      (needed: Rights, options: { withLatestVersion?: boolean } = {}) =>
      async (request: FastifyRequest) => {
        // runs before body parsing and schema validation, so it checks its own inputs
        const { mapId } = request.params as { mapId?: unknown };
        if (
          typeof mapId !== 'string' ||
          mapId.length !== base64UrlLength(limits.idBytes) ||
          !isCanonicalBase64Url(mapId)
        ) {
          throw new ApiError(
            'invalid_request',
            'Path "mapId" must be a map id (22 base64url characters).',
          );
        }
        const capability = request.headers[CAPABILITY_HEADER];
        if (typeof capability !== 'string' || capability === '') {
          throw new ApiError(
            'invalid_request',
            'Send the map capability in the Nk-Capability header.',
          );
        }
        if (
          capability.length !== base64UrlLength(limits.capabilityBytes) ||
          !isCanonicalBase64Url(capability)
        ) {
          throw new ApiError(
            'invalid_request',
            'Header "nk-capability" must be base64url of 32 bytes.',
          );
        }
        const hash = digest('sha256', Buffer.from(capability, 'base64url'), 'buffer');
        // reading a map needs the slot and the latest version: one query instead of two
        const slot = await findOpenedSlot(
          fastify.db,
          mapId,
          hash,
          options.withLatestVersion ?? false,
        );
        // unknown map and wrong capability answer the same, so probing ids teaches nothing
        if (!slot) throw mapNotFound();
        // a capability given for a time stops at the end of its last day (decision 0030)
        if (slot.access_until !== null) {
          const until = Number(slot.access_until);
          if (fastify.config.now() >= until + DAY_MS) {
            throw new ApiError('access_ended', 'Access to this map has ended.', {
              accessUntil: dayString(until),
            });
          }
        }
        fastify.accessRecorder.record(slot.id);
        if (RANK[slot.rights] < RANK[needed]) {
          throw new ApiError(
            'insufficient_rights',
            `This capability may not do this; it needs ${needed} rights.`,
          );
        }
        request.slot = {
          mapId,
          slotId: slot.id,
          rights: slot.rights,
          keyBundle: slot.key_bundle,
          ...('latest' in slot ? { latest: slot.latest } : {}),
        };
      };
    fastify.decorate('requireCapability', requireCapability);
  },
  { name: 'capability', dependencies: ['config', 'db', 'access-recorder'] },
);

/** The opened slot of a route behind requireCapability. */
export function slotOf(request: FastifyRequest): OpenedSlot {
  if (!request.slot) throw new Error('route is missing the requireCapability hook');
  return request.slot;
}
