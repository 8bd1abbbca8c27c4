// Map handlers: make a map, open one (key ring, verified log, signed version), seal a new version.
import {
  capabilityHash,
  checkAgainstPin,
  checkInvitedLog,
  checkVersionHead,
  extractSectionEnvelopes,
  fromBase64Url,
  logHeadOf,
  logPinOf,
  newCapability,
  newId,
  newSectionKeys,
  pinOf,
  readVersionEpoch,
  sealKeyRing,
  sectionsFor,
  startLog,
  toBase64Url,
  trustKeyRing,
  verifyLog,
  versionSigners,
  vouchedLegacyRing,
  type KeyRing,
  type KeyringMapEntry,
  type LogState,
  type Section,
} from '../../../shared/crypto/index.js';
import {
  decryptMapDocument,
  emptyMapDocument,
  encryptMapDocument,
} from '../../../shared/map/document.js';
import { decryptWithRing, openSlotRing } from './rings.js';
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
      pin: pinOf(log, 1, true),
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
      legacyRing: false,
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
    // the account's pin, from whichever of its devices saw the map last (synced in the keyring)
    const pin = pinInKeyring(current, map.mapId);
    const { ring: served, signed } = openSlotRing(current, map, pin);
    checkAgainstPin(pin, { version: map.version, logRecords: log?.length ?? 0 });
    let verified: LogState | null = null;
    if (log !== undefined && log.length > 0) {
      const keysByEpoch: Record<number, Uint8Array> = {};
      for (const [epoch, keys] of Object.entries(served.epochs))
        keysByEpoch[Number(epoch)] = keys.base;
      const pinned = logPinOf(pin);
      verified = verifyLog({
        mapId: map.mapId,
        records: log.map(fromBase64Url),
        keysByEpoch,
        ...(pinned ? { pinned } : {}),
      });
    }
    const body = map.body;
    const bodyEpoch = readVersionEpoch(body);
    let ring = served;
    if (signed !== null) {
      // keys count only from an owner the verified log names; without a log nobody vouches for them
      if (verified === null) {
        throw new WorkerFailure(
          'untrusted-key-ring',
          'No membership log to check the keys against.',
        );
      }
      trustKeyRing(signed, verified);
    } else {
      // a ring from before rings were signed: only keys the log and the signed version vouch for
      const sections = Object.keys(extractSectionEnvelopes(body)) as Section[];
      ring = vouchedLegacyRing(served, verified, { epoch: bodyEpoch, sections });
    }
    const keys = ring.epochs[bodyEpoch];
    if (keys === undefined) throw new WorkerFailure('decrypt-failure', 'No keys for this version.');
    // a map without a log had no members: only this account can have written it
    const trustedSigners =
      verified === null ? [current.identity.signPublicKey] : versionSigners(verified);
    const { epoch, doc, logHead } = decryptWithRing(signed === null, () =>
      decryptMapDocument({ mapId: map.mapId, version: map.version, body, keys, trustedSigners }),
    );
    // a version written after a REMOVE or ROLE change is never served with a log that hides it
    checkVersionHead(logHead, verified);
    // joined by invite and not opened yet: the log must be the one the inviting parent signed in
    const inviter = inviterInKeyring(current, map.mapId);
    if (inviter !== undefined) checkInvitedLog(verified, inviter, map.slotId);
    const newest = Math.max(...Object.keys(ring.epochs).map(Number));
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
      legacyRing: signed === null,
      centreName: centreNameOf(doc),
    });
    const owner =
      verified === null ? map.rights === 'admin' : verified.members[map.slotId]?.role === 'owner';
    return {
      document: doc,
      version: map.version,
      pinMoved: movePin(current, map.mapId, pinOf(verified, map.version, signed !== null)),
      membership: verified === null ? null : membershipView(verified, map.slotId),
      ringUpgrade: signed === null && owner,
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
    return { body };
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
