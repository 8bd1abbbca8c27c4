// A slot's key ring when a map opens (signed, or legacy from before rings were signed), and the
// owner's upgrade of a legacy map: every ring re-signed, and a log started for a map without one.
import {
  isCryptoError,
  memberRing,
  newerPin,
  openKeyRing,
  openLegacyKeyRing,
  pinOf,
  sealKeyRing,
  sectionsFor,
  startLog,
  toBase64Url,
  type KeyRing,
  type KeyringPin,
  type LogState,
  type SignedKeyRing,
} from '../../../shared/crypto/index.js';
import type { UpdateSlotRequest } from '../../../shared/api/index.js';
import type { MapResponse } from '../../api/types.js';
import {
  movePin,
  pinInKeyring,
  requireOpen,
  requireSession,
  signer,
  WorkerFailure,
  type Handlers,
  type Session,
} from './state.js';

/**
 * Opens the slot's ring: a signed one (`signed`, to check with trustKeyRing), or an unsigned legacy
 * one (`signed` null, to narrow with vouchedLegacyRing) while the pin does not say the map's rings
 * are signed. Throws 'untrusted-key-ring' for an unsigned ring after that, and what openKeyRing throws.
 */
export function openSlotRing(
  current: Session,
  map: MapResponse,
  pin: KeyringPin | undefined,
): { ring: KeyRing; signed: SignedKeyRing | null } {
  const box = {
    publicKey: current.identity.boxPublicKey,
    secretKey: current.identity.boxSecretKey,
  };
  const sealed = map.keyBundle;
  const legacy = openLegacyKeyRing(sealed, box, map.mapId);
  if (legacy === null) {
    const signed = openKeyRing(sealed, box, { mapId: map.mapId, slotId: map.slotId });
    return { ring: { mapId: signed.mapId, epochs: signed.epochs }, signed };
  }
  // a device of this account saw signed rings here: an unsigned one now is a substitution
  if (pin?.signedRings === true) {
    throw new WorkerFailure(
      'untrusted-key-ring',
      'An unsigned key ring for a map with signed rings.',
    );
  }
  return { ring: legacy, signed: null };
}

/** Runs the version's decryption; with a legacy ring, a section key that fails is an untrusted ring. */
export function decryptWithRing<T>(legacy: boolean, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (legacy && isCryptoError(error) && error.code === 'decrypt-failure') {
      throw new WorkerFailure(
        'untrusted-key-ring',
        'A key of the unsigned ring opens nothing signed.',
      );
    }
    throw error;
  }
}

type RingOp = 'upgradeRings' | 'commitRingUpgrade';

export const ringHandlers: Handlers<RingOp> = {
  upgradeRings(state, { mapId, slots }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    if (!open.legacyRing)
      throw new WorkerFailure('unknown-map', 'The rings of this map are signed.');
    const me = signer(current.identity);
    const rights = new Map(slots.map((slot) => [slot.slotId, slot.rights]));
    const headSeq = open.log?.seq ?? 0;
    let log: LogState;
    let records: string[] = [];
    if (open.log === null) {
      // a map from before the log had no members: this account starts its log as the owner
      const started = startLog({
        mapId,
        epoch: open.epoch,
        baseKey: open.ring.epochs[open.epoch]!.base,
        creator: {
          slotId: open.slotId,
          signPublicKey: current.identity.signPublicKey,
          boxPublicKey: current.identity.boxPublicKey,
          role: 'owner',
          sections: sectionsFor('owner', []),
          profile: { name: current.username, profession: '', organisation: '' },
        },
        signer: me,
      });
      log = started.log;
      records = [toBase64Url(started.record)];
    } else {
      log = open.log;
    }
    const mine = log.members[open.slotId];
    const myRights = rights.get(open.slotId);
    if (mine?.role !== 'owner' || myRights === undefined) {
      throw new WorkerFailure('unknown-map', 'Only an owner re-signs the key rings.');
    }
    const sealFor = (slotId: string, member: typeof mine): string =>
      toBase64Url(
        sealKeyRing({
          ring: memberRing(mapId, open.ring.epochs, log.epoch, member),
          slotId,
          recipientBoxPublicKey: member.boxPublicKey,
          signer: me,
        }),
      );
    const updates: Array<{ slotId: string; body: UpdateSlotRequest }> = [];
    for (const member of Object.values(log.members)) {
      const slotRights = rights.get(member.slotId);
      // a member who left has no slot to write to; slots the log does not name get nothing
      if (member.slotId === open.slotId || slotRights === undefined) continue;
      updates.push({
        slotId: member.slotId,
        body: { rights: slotRights, keyBundle: sealFor(member.slotId, member), headSeq },
      });
    }
    // hers last: while her own ring is unsigned, her next open upgrades again
    updates.push({
      slotId: open.slotId,
      body: {
        rights: myRights,
        keyBundle: sealFor(open.slotId, mine),
        headSeq,
        ...(records.length > 0 ? { logRecords: records } : {}),
      },
    });
    open.upgradeLog = log;
    return { updates };
  },

  commitRingUpgrade(state, { mapId }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const log = open.upgradeLog;
    if (log === undefined) throw new WorkerFailure('unknown-map', 'No ring upgrade to commit.');
    open.log = log;
    open.legacyRing = false;
    delete open.upgradeLog;
    const pin = pinInKeyring(current, mapId);
    // newerPin: an open in between may have moved the pin past this log already
    const next = newerPin(pin, pinOf(log, pin?.version ?? 1, true))!;
    return { pinMoved: movePin(current, mapId, next) };
  },
};
