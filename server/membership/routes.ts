// /api/maps/:mapId membership routes: log, slots and rights, own cards, leave, atomic removal, live events.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MapParams } from '../../shared/api/maps.js';
import {
  AppendLogRequest,
  AppendLogResponse,
  CardsResponse,
  LogQuery,
  LogResponse,
  PutCardRequest,
  PutCardResponse,
  RemoveMembersRequest,
  RemoveMembersResponse,
  SlotParams,
  SlotsResponse,
  UpdateSlotRequest,
  UpdateSlotResponse,
} from '../../shared/api/membership.js';
import * as membership from './service.js';
import { slotOf } from '../infra/capability.js';
import { errorResponses, MAP_REQUEST_LIMIT } from '../infra/responses.js';
import { openEventStream } from './events/stream.js';

/** Errors every capability route can answer: bad id or header, unknown map or capability. */
const GUARDED = [400, 404, 500] as const;
/** With a JSON body: also wrong rights, too large, wrong media type. */
const WRITING = [...GUARDED, 403, 413, 415] as const;

// key rings of every remaining slot (at most 256 of up to 64 KiB) plus the version body and records
const REMOVE_REQUEST_LIMIT = 20 * 1024 * 1024;

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const read = fastify.requireCapability('read');
  const admin = fastify.requireCapability('admin');
  const events = fastify.mapEvents;

  fastify.get(
    '/:mapId/log',
    {
      onRequest: read,
      schema: {
        params: MapParams,
        querystring: LogQuery,
        response: { 200: LogResponse, ...errorResponses(...GUARDED) },
      },
    },
    async (request) =>
      membership.readLog(fastify.db, slotOf(request).mapId, request.query.after ?? 0),
  );

  fastify.post(
    '/:mapId/log',
    {
      onRequest: admin,
      bodyLimit: MAP_REQUEST_LIMIT,
      schema: {
        params: MapParams,
        body: AppendLogRequest,
        response: { 200: AppendLogResponse, ...errorResponses(...WRITING, 409) },
      },
    },
    async (request) => {
      const { mapId } = slotOf(request);
      const headSeq = await membership.appendLog(
        fastify.db,
        mapId,
        request.body.records,
        Date.now(),
      );
      await events.publish(mapId, 'log');
      return { headSeq };
    },
  );

  fastify.get(
    '/:mapId/slots',
    {
      onRequest: admin,
      schema: {
        params: MapParams,
        response: { 200: SlotsResponse, ...errorResponses(...GUARDED, 403) },
      },
    },
    async (request) => membership.listSlots(fastify.db, slotOf(request).mapId),
  );

  fastify.put(
    '/:mapId/slots/:slotId',
    {
      onRequest: admin,
      bodyLimit: MAP_REQUEST_LIMIT,
      schema: {
        params: SlotParams,
        body: UpdateSlotRequest,
        response: { 200: UpdateSlotResponse, ...errorResponses(...WRITING, 409) },
      },
    },
    async (request) => {
      const { mapId } = slotOf(request);
      const answer = await membership.updateSlot(
        fastify.db,
        mapId,
        request.params.slotId,
        request.body,
        Date.now(),
      );
      if (request.body.logRecords) await events.publish(mapId, 'log');
      await events.publish(mapId, 'slots');
      return answer;
    },
  );

  fastify.delete(
    '/:mapId/slots/mine',
    {
      onRequest: read,
      schema: {
        params: MapParams,
        response: { 204: Type.Null(), ...errorResponses(...GUARDED, 409) },
      },
    },
    async (request, reply) => {
      const slot = slotOf(request);
      await membership.leave(fastify.db, slot, Date.now());
      await events.publish(slot.mapId, 'removed');
      return reply.code(204).send(null);
    },
  );

  fastify.put(
    '/:mapId/cards/mine',
    {
      onRequest: read,
      schema: {
        params: MapParams,
        body: PutCardRequest,
        response: { 200: PutCardResponse, ...errorResponses(...WRITING, 409) },
      },
    },
    async (request) => {
      const slot = slotOf(request);
      const cardVersion = await membership.putOwnCard(fastify.db, slot, request.body, Date.now());
      await events.publish(slot.mapId, 'card');
      return { cardVersion };
    },
  );

  fastify.get(
    '/:mapId/cards',
    {
      onRequest: read,
      schema: {
        params: MapParams,
        response: { 200: CardsResponse, ...errorResponses(...GUARDED) },
      },
    },
    async (request) => membership.listCards(fastify.db, slotOf(request).mapId),
  );

  fastify.post(
    '/:mapId/remove',
    {
      onRequest: admin,
      bodyLimit: REMOVE_REQUEST_LIMIT,
      schema: {
        params: MapParams,
        body: RemoveMembersRequest,
        response: { 200: RemoveMembersResponse, ...errorResponses(...WRITING, 409) },
      },
    },
    async (request) => {
      const slot = slotOf(request);
      const answer = await membership.removeMembers(fastify.db, slot, request.body, Date.now());
      await events.publish(slot.mapId, 'log');
      await events.publish(slot.mapId, 'version');
      await events.publish(slot.mapId, 'removed');
      return answer;
    },
  );

  fastify.get(
    '/:mapId/events',
    {
      onRequest: read,
      schema: {
        params: MapParams,
        response: { 200: Type.String(), ...errorResponses(...GUARDED) },
      },
    },
    async (request, reply) => openEventStream(fastify, request, reply),
  );
};

export default routes;
