// Removal and rotation: new section keys that removed members never see, re-sealed for those who stay.
import { CryptoError } from './errors.js';
import { memberRing } from './grants.js';
import { sealKeyRing, type EpochKeys, type KeyRing } from './key-ring.js';
import { appendLogEntry } from './log-append.js';
import type { LogState } from './log-verify.js';
import { newSectionKeys, type SectionKeys } from './map-keys.js';
import { bytesEqual, type KeyPair } from './sodium.js';

/** Input of rotateMap: the verified log, slots to remove, the owner's own ring and identity pair. */
export type RotateMapInput = {
  log: LogState;
  /** slot ids to REMOVE before rotating (may be empty: a rotation after narrowing a GRANT). */
  removeSlotIds: string[];
  /** the signing owner's ring: it must hold every section key of the current epoch. */
  ownerRing: KeyRing;
  signer: KeyPair;
  /** ms since the Unix epoch; defaults to Date.now(). */
  at?: number;
};

/** What one atomic removal request carries, plus the state it leads to. */
export type RotatedMap = {
  /** the new epoch (current + 1). */
  epoch: number;
  /** fresh base, detail and private keys of the new epoch: re-encrypt the document with them. */
  keys: SectionKeys;
  /** REMOVE records (old epoch) then the ROTATE record (new epoch), in seq order. */
  records: Uint8Array[];
  /** a key ring per remaining slot id, sealed and signed by the rotating owner, to replace its bundle. */
  keyRings: Record<string, Uint8Array>;
  log: LogState;
};

/**
 * Removes `removeSlotIds` and rotates to a new epoch: signed REMOVE entries under the old base key,
 * a ROTATE entry (carrying the old base key) under the new one, fresh section keys, and a key ring
 * per remaining slot (owners: every key of every epoch the signer holds; others: older base keys and
 * the new epoch's granted sections). Throws LogInvalidError or CryptoError 'malformed'.
 */
export function rotateMap(input: RotateMapInput): RotatedMap {
  const { signer, at } = input;
  let log = input.log;
  if (input.ownerRing.mapId !== log.mapId)
    throw new CryptoError('malformed', 'ring of another map');
  const current = input.ownerRing.epochs[log.epoch];
  if (current?.detail === undefined || current.private === undefined) {
    throw new CryptoError('malformed', 'the owner ring lacks keys of the current epoch');
  }
  const logBase = log.baseKeys[log.epoch];
  if (logBase !== undefined && !bytesEqual(logBase, current.base)) {
    throw new CryptoError('malformed', 'the owner ring has another base key than the log');
  }
  const records: Uint8Array[] = [];
  for (const slotId of input.removeSlotIds) {
    const step = appendLogEntry({
      log,
      change: { type: 'REMOVE', data: { slotId } },
      baseKey: current.base,
      signer,
      at,
    });
    records.push(step.record);
    log = step.log;
  }
  const epoch = log.epoch + 1;
  const keys = newSectionKeys();
  const step = appendLogEntry({
    log,
    change: { type: 'ROTATE', data: { epoch, previousBaseKey: current.base } },
    baseKey: keys.base,
    signer,
    at,
  });
  records.push(step.record);
  log = step.log;
  const history: Record<number, EpochKeys> = {};
  for (const [old, base] of Object.entries(log.baseKeys)) {
    if (Number(old) < epoch) history[Number(old)] = { base };
  }
  for (const [old, held] of Object.entries(input.ownerRing.epochs)) {
    if (Number(old) < epoch) history[Number(old)] = held;
  }
  const held: Record<number, EpochKeys> = { ...history, [epoch]: keys };
  const keyRings: Record<string, Uint8Array> = {};
  for (const member of Object.values(log.members)) {
    const ring = memberRing(log.mapId, held, epoch, member);
    keyRings[member.slotId] = sealKeyRing({
      ring,
      slotId: member.slotId,
      recipientBoxPublicKey: member.boxPublicKey,
      signer,
    });
  }
  return { epoch, keys, records, keyRings, log };
}
