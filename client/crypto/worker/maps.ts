// Map handlers: make a map, open one (key ring, verified log, signed version), seal a new version.
import {
  capabilityHash,
  checkAgainstPin,
  checkInvitedLog,
  checkVersionHead,
  fromBase64Url,
  logHeadOf,
  logPinOf,
  newCapability,
  newId,
  newSectionKeys,
  openKeyRing,
  pinOf,
  readVersionEpoch,
  sealKeyRing,
  sectionsFor,
  startLog,
  toBase64Url,
  trustKeyRing,
  verifyLog,
  versionSigners,
  type KeyRing,
  type KeyringMapEntry,
  type LogState,
} from '../../../shared/crypto/index.js';
import {
  decryptMapDocument,
  emptyMapDocument,
  encryptMapDocument,
} from '../../../shared/map/document.js';
import { membershipView } from './views.js';
import {
  addToKeyring,
  centreNameOf,
  inviterInKeyring,
  movePin,
  pinInKeyring,
  requireOpen,
  requireSession,
  sealedKeyring,
  signer,
  WorkerFailure,
  type Handlers,
} from './state.js';

/** The first epoch of a new map. */
const FIRST_EPOCH = 1;

type MapOp = 'createMap' | 'commitMap' | 'openMap' | 'sealVersion' | 'forgetMap' | 'sealKeyring';

export const mapHandlers: Handlers<MapOp> = {
  createMap(state, { title, ownerName }) {
    const current = requireSession(state);
    const mapId = newId();
    const slotId = newId();
    const capability = newCapability();
    const keys = newSectionKeys();
    const ring: KeyRing = { mapId, epochs: { [FIRST_EPOCH]: keys } };
    const keyBundle = sealKeyRing({
      ring,
      slotId,
      recipientBoxPublicKey: current.identity.boxPublicKey,
      signer: signer(current.identity),
    });
    const { record, log } = startLog({
      mapId,
      epoch: FIRST_EPOCH,
      baseKey: keys.base,
      creator: {
        slotId,
        signPublicKey: current.identity.signPublicKey,
        boxPublicKey: current.identity.boxPublicKey,
        role: 'owner',
        sections: sectionsFor('owner', []),
        profile: {
          // never her username: members would read it in the log (they see the centre name)
          name: (ownerName ?? '').trim() || 'ouder',
          profession: '',
          organisation: '',
        },
      },
      signer: signer(current.identity),
    });
    const document = emptyMapDocument(title);
    const body = encryptMapDocument({
      mapId,
      epoch: FIRST_EPOCH,
      version: 1,
      doc: document,
      keys,
      signer: signer(current.identity),
      logHead: logHeadOf(log),
    });
    const entry: KeyringMapEntry = {
      mapId,
      capability: toBase64Url(capability),
      title: document.base.title,
      addedAt: Date.now(),
      pin: pinOf(log, 1),
    };
    state.pendingMaps.set(mapId, entry);
    state.openMaps.set(mapId, {
      epoch: FIRST_EPOCH,
      keys,
      body,
      ring,
      log,
      slotId,
      title: entry.title,
    });
    return {
      request: {
        mapId,
        slotId,
        capabilityHash: toBase64Url(capabilityHash(capability)),
        keyBundle: toBase64Url(keyBundle),
        body: toBase64Url(body),
        logRecord: toBase64Url(record),
      },
      map: { ...entry },
      document,
    };
  },

  commitMap(state, { mapId }) {
    const current = requireSession(state);
    const entry = state.pendingMaps.get(mapId);
    if (entry === undefined) throw new WorkerFailure('unknown-map', 'No such new map.');
    state.pendingMaps.delete(mapId);
    addToKeyring(current, entry);
    return sealedKeyring(current);
  },

  openMap(state, { map, log }) {
    const current = requireSession(state);
    const box = {
      publicKey: current.identity.boxPublicKey,
      secretKey: current.identity.boxSecretKey,
    };
    const signed = openKeyRing(fromBase64Url(map.keyBundle), box, {
      mapId: map.mapId,
      slotId: map.slotId,
    });
    const ring: KeyRing = { mapId: signed.mapId, epochs: signed.epochs };
    // the account's pin, from whichever of its devices saw the map last (synced in the keyring)
    const pin = pinInKeyring(current, map.mapId);
    checkAgainstPin(pin, { version: map.version, logRecords: log?.length ?? 0 });
    const epochs = Object.keys(ring.epochs).map(Number);
    const newest = Math.max(...epochs);
    let verified: LogState | null = null;
    if (log !== undefined && log.length > 0) {
      const keysByEpoch: Record<number, Uint8Array> = {};
      for (const epoch of epochs) keysByEpoch[epoch] = ring.epochs[epoch]!.base;
      const pinned = logPinOf(pin);
      verified = verifyLog({
        mapId: map.mapId,
        records: log.map(fromBase64Url),
        keysByEpoch,
        ...(pinned ? { pinned } : {}),
      });
    }
    // keys count only from an owner the verified log names; without a log nobody vouches for them
    if (verified === null) {
      throw new WorkerFailure('untrusted-key-ring', 'No membership log to check the keys against.');
    }
    trustKeyRing(signed, verified);
    const body = fromBase64Url(map.body);
    const keys = ring.epochs[readVersionEpoch(body)];
    if (keys === undefined) throw new WorkerFailure('decrypt-failure', 'No keys for this version.');
    const trustedSigners = verified === null ? undefined : versionSigners(verified);
    const { epoch, doc, logHead } = decryptMapDocument({
      mapId: map.mapId,
      version: map.version,
      body,
      keys,
      ...(trustedSigners ? { trustedSigners } : {}),
    });
    // a version written after a REMOVE or ROLE change is never served with a log that hides it
    checkVersionHead(logHead, verified);
    // joined by invite and not opened yet: the log must be the one the inviting parent signed in
    const inviter = inviterInKeyring(current, map.mapId);
    if (inviter !== undefined) checkInvitedLog(verified, inviter, map.slotId);
    if (epoch !== newest || (verified !== null && verified.epoch !== epoch))
      throw new WorkerFailure('log-invalid', 'Version, log and key ring epochs differ.');
    const title = current.keyring.maps.find((entry) => entry.mapId === map.mapId)?.title ?? '';
    state.openMaps.set(map.mapId, {
      epoch,
      keys,
      body,
      ring,
      log: verified,
      slotId: map.slotId,
      title: doc.base.title || title,
      centreName: centreNameOf(doc),
    });
    return {
      document: doc,
      version: map.version,
      pinMoved: movePin(current, map.mapId, pinOf(verified, map.version)),
      membership: verified === null ? null : membershipView(verified, map.slotId),
    };
  },

  sealVersion(state, { mapId, document, version }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    // the next invite names the map by the centre as saved now
    open.centreName = centreNameOf(document);
    const body = encryptMapDocument({
      mapId,
      epoch: open.epoch,
      version,
      doc: document,
      keys: open.keys,
      signer: signer(current.identity),
      logHead: logHeadOf(open.log),
      previousBody: open.body,
    });
    return { body: toBase64Url(body) };
  },

  forgetMap(state, { mapId }) {
    const current = requireSession(state);
    (current.forgotten ??= new Set()).add(mapId);
    current.keyring = {
      ...current.keyring,
      maps: current.keyring.maps.filter((map) => map.mapId !== mapId),
    };
    state.openMaps.delete(mapId);
    return sealedKeyring(current);
  },

  sealKeyring(state) {
    return sealedKeyring(requireSession(state));
  },
};
