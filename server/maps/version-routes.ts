// Map versions as bytes: read the latest, read one, write one (application/octet-stream, decision 0027).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { limits } from '../../shared/api/limits.js';
import {
  MAP_VERSION_TYPE,
  MapParams,
  MapVersionParams,
  mapHeaders,
  versionOfTag,
  versionTag,
} from '../../shared/api/maps.js';
import { slotOf } from '../infra/capability.js';
import { ApiError, isApiError } from '../infra/errors.js';
import { HOT_PATH } from '../infra/request-log.js';
import * as maps from './service.js';

/**
 * Its own plugin (not wrapped in fastify-plugin), so the body parsers set here reach these routes only:
 * the write takes application/octet-stream and nothing else, and every other route keeps JSON.
 */
const versionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const read = fastify.requireCapability('read');
  const readLatest = fastify.requireCapability('read', { withLatestVersion: true });
  const write = fastify.requireCapability('write');

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    MAP_VERSION_TYPE,
    // the largest version body, and not a byte more: the 413 comes before the body is kept
    { parseAs: 'buffer', bodyLimit: limits.mapBodyMaxBytes },
    (_request, body, done) => done(null, body),
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) =>
    done(
      new ApiError(
        'unsupported_media_type',
        `Send the map version as ${MAP_VERSION_TYPE}, its bytes as they are.`,
      ),
    ),
  );

  fastify.get(
    '/:mapId',
    { onRequest: readLatest, config: HOT_PATH, schema: { params: MapParams } },
    async (request, reply) => {
      const latest = await maps.readLatest(fastify.db, slotOf(request));
      const { keyBundle } = latest.slot;
      versionHeaders(reply, latest.version, latest.createdAt);
      reply.header(mapHeaders.slot, latest.slot.slotId);
      reply.header(mapHeaders.rights, latest.slot.rights);
      reply.header(mapHeaders.keyBundleBytes, keyBundle.length);
      // the key bundle first, then the version: one body, its split named by a header
      return reply.send(Buffer.concat([keyBundle, latest.body]));
    },
  );

  fastify.put(
    '/:mapId',
    { onRequest: write, config: HOT_PATH, schema: { params: MapParams } },
    async (request, reply) => {
      const { mapId } = slotOf(request);
      const baseVersion = versionOfTag(request.headers['if-match']);
      if (baseVersion === null) {
        throw new ApiError(
          'invalid_request',
          'Send the version you changed in the If-Match header, as "v<version>".',
        );
      }
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new ApiError('invalid_request', 'The map version is empty; send its bytes.');
      }
      let version: number;
      try {
        version = await maps.writeVersion(fastify.db, mapId, baseVersion, body, Date.now());
      } catch (error) {
        // the version to merge onto also in the headers, as a read would name it
        const latest = isApiError(error) ? error.details.latestVersion : undefined;
        if (latest !== undefined) reply.header('etag', versionTag(latest));
        if (latest !== undefined) reply.header(mapHeaders.version, latest);
        throw error;
      }
      await fastify.mapEvents.publish(mapId, 'version');
      reply.header('etag', versionTag(version)).header(mapHeaders.version, version);
      return reply.code(204).send();
    },
  );

  fastify.get(
    '/:mapId/versions/:version',
    { onRequest: read, config: HOT_PATH, schema: { params: MapVersionParams } },
    async (request, reply) => {
      const { mapId } = slotOf(request);
      const found = await maps.readVersion(fastify.db, mapId, request.params.version);
      versionHeaders(reply, found.version, found.createdAt);
      return reply.send(found.body);
    },
  );
};

function versionHeaders(reply: FastifyReply, version: number, createdAt: number): void {
  reply.type(MAP_VERSION_TYPE);
  reply.header('etag', versionTag(version));
  reply.header(mapHeaders.version, version);
  reply.header(mapHeaders.createdAt, createdAt);
}

export default versionRoutes;
