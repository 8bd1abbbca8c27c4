// Map handlers: make a map, open one (key ring, verified log, signed version), seal a new version.
import {
  capabilityHash,
  fromBase64Url,
  newCapability,
  newId,
  newSectionKeys,
  openKeyRing,
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
  requireOpen,
  requireSession,
  sealedKeyring,
  signer,
  WorkerFailure,
  type Handlers,
} from './state.js';

/** The first epoch of a new map. */
const FIRST_EPOCH = 1;

type MapOp = 'createMap' | 'commitMap' | 'openMap' | 'sealVersion' | 'forgetMap';

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
          name: (ownerName ?? '').trim() || current.username,
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
    });
    const entry: KeyringMapEntry = {
      mapId,
      capability: toBase64Url(capability),
      title: document.base.title,
      addedAt: Date.now(),
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

  openMap(state, { map, log, pin }) {
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
    if (pin && map.version < pin.version) {
      throw new WorkerFailure('log-invalid', 'An older version than one seen before.');
    }
    const epochs = Object.keys(ring.epochs).map(Number);
    const newest = Math.max(...epochs);
    let verified: LogState | null = null;
    if (log !== undefined && log.length > 0) {
      const keysByEpoch: Record<number, Uint8Array> = {};
      for (const epoch of epochs) keysByEpoch[epoch] = ring.epochs[epoch]!.base;
      verified = verifyLog({
        mapId: map.mapId,
        records: log.map(fromBase64Url),
        keysByEpoch,
        ...(pin ? { pinned: { seq: pin.seq, headHash: fromBase64Url(pin.headHash) } } : {}),
      });
    } else if (pin && pin.seq > 0) {
      throw new WorkerFailure('log-invalid', 'The membership log is missing.');
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
    const { epoch, doc } = decryptMapDocument({
      mapId: map.mapId,
      version: map.version,
      body,
      keys,
      ...(trustedSigners ? { trustedSigners } : {}),
    });
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
    });
    return {
      document: doc,
      version: map.version,
      pin:
        verified === null
          ? null
          : { seq: verified.seq, headHash: toBase64Url(verified.headHash), version: map.version },
      membership: verified === null ? null : membershipView(verified, map.slotId),
    };
  },

  sealVersion(state, { mapId, document, version }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const body = encryptMapDocument({
      mapId,
      epoch: open.epoch,
      version,
      doc: document,
      keys: open.keys,
      signer: signer(current.identity),
      previousBody: open.body,
    });
    return { body: toBase64Url(body) };
  },

  forgetMap(state, { mapId }) {
    const current = requireSession(state);
    current.keyring = {
      ...current.keyring,
      maps: current.keyring.maps.filter((map) => map.mapId !== mapId),
    };
    state.openMaps.delete(mapId);
    return sealedKeyring(current);
  },
};
