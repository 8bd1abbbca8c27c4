// The parent's removal request as her device builds it, against the real protocol.
import {
  encryptMapVersion,
  logHeadOf,
  rotateMap,
  toBase64Url,
  utf8Encode,
} from '../../shared/crypto/index.js';
import type { Parent } from './membership.js';

/**
 * The body of POST /api/maps/:mapId/remove as the parent's device builds it: REMOVE + ROTATE records,
 * the document re-encrypted at the new epoch as `version`, and a new key ring for every remaining slot.
 */
export function removalRequest(
  parent: Parent,
  removeSlotIds: string[],
  baseVersion: number,
  document: Uint8Array = utf8Encode('{}'),
) {
  const rotated = rotateMap({
    log: parent.log,
    removeSlotIds,
    ownerRing: { mapId: parent.mapId, epochs: { 1: parent.keys } },
    signer: parent.signer,
  });
  const body = encryptMapVersion({
    mapId: parent.mapId,
    epoch: rotated.epoch,
    version: baseVersion + 1,
    sections: { base: document },
    keys: rotated.keys,
    signer: parent.signer,
    logHead: logHeadOf(rotated.log),
  });
  return {
    rotated,
    payload: {
      removeSlotIds,
      logRecords: rotated.records.map(toBase64Url),
      baseVersion,
      body: toBase64Url(body),
      keyBundles: Object.fromEntries(
        Object.entries(rotated.keyRings).map(([slotId, ring]) => [slotId, toBase64Url(ring)]),
      ),
    },
  };
}
