/**
 * The crypto worker: every Argon2id run, key and ciphertext of the app lives here, off the main
 * thread. It holds the unlocked session (account key, identity keys, keyring, section keys) in
 * memory and answers the typed requests of protocol.ts.
 *
 * It does not call fetch: the page owns all networking (one place for tokens, retries and
 * errors), and the worker stays a pure "messages in, ciphertext out" box that is easy to reason about.
 */
/// <reference lib="webworker" />
import {
  DEFAULT_KDF,
  capabilityHash,
  createAccount,
  decryptKeyring,
  deriveAccountSecrets,
  encryptKeyring,
  fromBase64Url,
  isCryptoError,
  kdfMeetsFloor,
  loadSodium,
  newCapability,
  newId,
  newSectionKeys,
  normaliseUsername,
  sectionsFor,
  admitMember,
  changeMember,
  memberRing,
  narrowGrants,
  readVersionEpoch,
  rightsOf,
  versionSigners,
  createInvite,
  decryptCard,
  deriveInviteKeys,
  encryptCard,
  openInvite,
  openJoinAnswer,
  openJoinRequest,
  openKeyRing,
  rotateMap,
  safetyCode,
  sealJoinAnswer,
  sealJoinRequest,
  sealKeyRing,
  signInviteProof,
  signLoginProof,
  startLog,
  verifyLog,
  type InviteKeys,
  type KeyRing,
  type LogState,
  type Member,
  toBase64Url,
  unlockAccount,
  type IdentityKeys,
  type Keyring,
  type KeyringMapEntry,
  type SectionKeys,
} from '../../shared/crypto/index.js';
import {
  decryptMapDocument,
  emptyMapDocument,
  encryptMapDocument,
} from '../../shared/map/document.js';
import type {
  CryptoErrorCode,
  CryptoOp,
  CryptoOps,
  CryptoRequestMessage,
  CryptoResponseMessage,
  MapSummary,
} from './protocol.js';
import { exportHandlers } from './export-ops.js';
import type { CardWire, MembershipView, MemberView, SectionName } from '../membership/types.js';

declare const self: DedicatedWorkerGlobalScope;

/** The first epoch of a new map. */
const FIRST_EPOCH = 1;

interface Session {
  username: string;
  accountKey: Uint8Array;
  identity: IdentityKeys;
  keyring: Keyring;
  /** Kept only for an account registered in this worker, to sign its first login. */
  loginSecretKey: Uint8Array | null;
}

interface OpenMap {
  epoch: number;
  keys: Partial<SectionKeys>;
  /** The last verified body: sections this reader has no key for are carried over from it. */
  body: Uint8Array;
  /** Every epoch's keys this slot holds (its key ring). */
  ring: KeyRing;
  /** The verified membership log; null for a map made before the log existed. */
  log: LogState | null;
  /** This account's slot on the map. */
  slotId: string;
  title: string;
}

let session: Session | null = null;
/** Between `login` and `unlock`: the key that unwraps the account key. */
let pendingUnlock: { username: string; wrapKey: Uint8Array } | null = null;
/** Maps created here but not yet confirmed by the server, by map id. */
const pendingMaps = new Map<string, KeyringMapEntry>();
/** Section keys of the maps opened in this session, by map id. */
const openMaps = new Map<string, OpenMap>();

function requireSession(): Session {
  if (session === null) throw new WorkerFailure('locked', 'No unlocked session.');
  return session;
}

class WorkerFailure extends Error {
  readonly code: CryptoErrorCode;
  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

function summaries(keyring: Keyring): MapSummary[] {
  return keyring.maps.map(({ mapId, title, addedAt, capability }) => ({
    mapId,
    title,
    addedAt,
    capability,
  }));
}

function signer(identity: IdentityKeys) {
  return { publicKey: identity.signPublicKey, secretKey: identity.signSecretKey };
}

function sealedKeyring(current: Session): string {
  return toBase64Url(encryptKeyring(current.accountKey, current.username, current.keyring));
}

function wipeSession(): void {
  if (session !== null) {
    session.accountKey.fill(0);
    session.identity.signSecretKey.fill(0);
    session.identity.boxSecretKey.fill(0);
    session.loginSecretKey?.fill(0);
  }
  pendingUnlock?.wrapKey.fill(0);
  for (const map of openMaps.values()) {
    for (const key of Object.values(map.keys)) key.fill(0);
  }
  session = null;
  pendingUnlock = null;
  pendingMaps.clear();
  openMaps.clear();
}

type Handlers = { [K in CryptoOp]: (args: CryptoOps[K]['args']) => CryptoOps[K]['result'] };

const handlers: Handlers = {
  ...exportHandlers,
  register({ username, passphrase }) {
    wipeSession();
    // The honest default cost: the page never chooses a weaker one.
    const created = createAccount(username, passphrase, DEFAULT_KDF);
    session = { ...created.session, loginSecretKey: created.session.loginSecretKey };
    return { registration: created.registration, recoveryCode: created.recoveryCode };
  },

  loginFreshAccount({ username, prelogin }) {
    const current = requireSession();
    if (current.loginSecretKey === null || normaliseUsername(username) !== current.username) {
      throw new WorkerFailure('locked', 'No freshly registered account here.');
    }
    const signature = signLoginProof(
      current.loginSecretKey,
      'login',
      current.username,
      fromBase64Url(prelogin.challenge),
    );
    // One login is all it was kept for.
    current.loginSecretKey.fill(0);
    current.loginSecretKey = null;
    return { signature: toBase64Url(signature) };
  },

  login({ username, passphrase, prelogin }) {
    wipeSession();
    // A hostile server could offer cheap parameters to make the proof easy to brute-force.
    if (!kdfMeetsFloor(prelogin.kdf))
      throw new WorkerFailure('malformed', 'KDF parameters below the floor.');
    const name = normaliseUsername(username);
    const { wrapKey, loginKeyPair } = deriveAccountSecrets(passphrase, {
      ...prelogin.kdf,
      salt: fromBase64Url(prelogin.kdf.salt),
    });
    const signature = signLoginProof(
      loginKeyPair.secretKey,
      'login',
      name,
      fromBase64Url(prelogin.challenge),
    );
    loginKeyPair.secretKey.fill(0);
    pendingUnlock = { username: name, wrapKey };
    return { signature: toBase64Url(signature) };
  },

  unlock({ account }) {
    const name = normaliseUsername(account.username);
    if (pendingUnlock !== null) {
      if (pendingUnlock.username !== name)
        throw new WorkerFailure('malformed', 'Account does not match the login.');
      const unlocked = unlockAccount(account, {
        method: 'passphrase',
        wrapKey: pendingUnlock.wrapKey,
      });
      pendingUnlock.wrapKey.fill(0);
      pendingUnlock = null;
      session = { username: name, ...unlocked, loginSecretKey: null };
    } else {
      // Just registered: the keys are here already; read the server's copy of the keyring.
      const current = requireSession();
      if (current.username !== name)
        throw new WorkerFailure('malformed', 'Account does not match the session.');
      current.keyring = decryptKeyring(current.accountKey, name, fromBase64Url(account.keyring));
    }
    const current = requireSession();
    return { username: current.username, maps: summaries(current.keyring) };
  },

  mergeKeyring({ account }) {
    const current = requireSession();
    const theirs = decryptKeyring(
      current.accountKey,
      current.username,
      fromBase64Url(account.keyring),
    );
    const known = new Set(theirs.maps.map((map) => map.mapId));
    const maps = [...theirs.maps, ...current.keyring.maps.filter((map) => !known.has(map.mapId))];
    current.keyring = { ...theirs, maps };
    return { keyring: sealedKeyring(current), maps: summaries(current.keyring) };
  },

  createMap({ title, ownerName }) {
    const current = requireSession();
    const mapId = newId();
    const slotId = newId();
    const capability = newCapability();
    const keys = newSectionKeys();
    const ring: KeyRing = { mapId, epochs: { [FIRST_EPOCH]: keys } };
    const keyBundle = sealKeyRing(ring, current.identity.boxPublicKey);
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
    pendingMaps.set(mapId, entry);
    openMaps.set(mapId, { epoch: FIRST_EPOCH, keys, body, ring, log, slotId, title: entry.title });
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

  commitMap({ mapId }) {
    const current = requireSession();
    const entry = pendingMaps.get(mapId);
    if (entry === undefined) throw new WorkerFailure('unknown-map', 'No such new map.');
    pendingMaps.delete(mapId);
    if (!current.keyring.maps.some((map) => map.mapId === mapId)) {
      current.keyring = { ...current.keyring, maps: [...current.keyring.maps, entry] };
    }
    return { keyring: sealedKeyring(current), maps: summaries(current.keyring) };
  },

  openMap({ map, log, pin }) {
    const current = requireSession();
    const box = {
      publicKey: current.identity.boxPublicKey,
      secretKey: current.identity.boxSecretKey,
    };
    const ring = openKeyRing(fromBase64Url(map.keyBundle), box, map.mapId);
    if (pin && map.version < pin.version) {
      throw new WorkerFailure('log-invalid', 'An older version than one seen before.');
    }
    const epochs = Object.keys(ring.epochs).map(Number);
    const newest = Math.max(...epochs);
    let state: LogState | null = null;
    if (log !== undefined && log.length > 0) {
      const keysByEpoch: Record<number, Uint8Array> = {};
      for (const epoch of epochs) keysByEpoch[epoch] = ring.epochs[epoch]!.base;
      state = verifyLog({
        mapId: map.mapId,
        records: log.map(fromBase64Url),
        keysByEpoch,
        ...(pin ? { pinned: { seq: pin.seq, headHash: fromBase64Url(pin.headHash) } } : {}),
      });
    } else if (pin && pin.seq > 0) {
      throw new WorkerFailure('log-invalid', 'The membership log is missing.');
    }
    const body = fromBase64Url(map.body);
    const epochOfBody = readVersionEpoch(body);
    const keys = ring.epochs[epochOfBody];
    if (keys === undefined) throw new WorkerFailure('decrypt-failure', 'No keys for this version.');
    const trustedSigners = state === null ? undefined : versionSigners(state);
    const { epoch, doc } = decryptMapDocument({
      mapId: map.mapId,
      version: map.version,
      body,
      keys,
      ...(trustedSigners ? { trustedSigners } : {}),
    });
    if (epoch !== newest || (state !== null && state.epoch !== epoch))
      throw new WorkerFailure('log-invalid', 'Version, log and key ring epochs differ.');
    const title = current.keyring.maps.find((entry) => entry.mapId === map.mapId)?.title ?? '';
    openMaps.set(map.mapId, {
      epoch,
      keys,
      body,
      ring,
      log: state,
      slotId: map.slotId,
      title: doc.base.title || title,
    });
    return {
      document: doc,
      version: map.version,
      pin:
        state === null
          ? null
          : { seq: state.seq, headHash: toBase64Url(state.headHash), version: map.version },
      membership: state === null ? null : membershipView(state, map.slotId),
    };
  },

  sealVersion({ mapId, document, version }) {
    const current = requireSession();
    const open = openMaps.get(mapId);
    if (open === undefined) throw new WorkerFailure('unknown-map', 'Open the map first.');
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

  lock() {
    wipeSession();
    return {};
  },

  membership({ mapId }) {
    const open = requireOpen(mapId);
    return open.log === null ? null : membershipView(open.log, open.slotId);
  },

  newInvite({ mapId, kind, expiresAt }) {
    const current = requireSession();
    requireOpen(mapId);
    const created = createInvite({
      mapId,
      parentIdentity: { signPublicKey: current.identity.signPublicKey },
      expiresAt,
      kind,
    });
    inviteKeys.set(created.secret, created.keys);
    return {
      secret: created.secret,
      inviteId: created.inviteId,
      request: {
        inviteId: created.inviteId,
        verifyPublicKey: toBase64Url(created.verifyPublicKey),
        boxPublicKey: toBase64Url(created.boxKeyPair.publicKey),
        sealedInfo: toBase64Url(created.sealedInviteInfo),
        expiresAt: created.expiresAt,
      },
    };
  },

  openJoinRequest({ mapId, secret, sealedRequest }) {
    const current = requireSession();
    requireOpen(mapId);
    const keys = keysOfInvite(secret);
    const request = openJoinRequest(fromBase64Url(sealedRequest), keys);
    return {
      profile: { ...request.profile },
      safetyCode: safetyCode(current.identity.signPublicKey, request.signPublicKey, keys.inviteId),
      signPublicKey: toBase64Url(request.signPublicKey),
      boxPublicKey: toBase64Url(request.boxPublicKey),
    };
  },

  approveJoin({ mapId, inviteId, joiner, role, detail }) {
    const current = requireSession();
    const open = requireOpen(mapId);
    const log = requireLog(open);
    const slotId = newId();
    const capability = newCapability();
    const boxPublicKey = fromBase64Url(joiner.boxPublicKey);
    const { records, member } = admitMember({
      log,
      baseKey: open.ring.epochs[log.epoch]!.base,
      signer: signer(current.identity),
      slotId,
      signPublicKey: fromBase64Url(joiner.signPublicKey),
      boxPublicKey,
      role,
      detail,
      profile: joiner.profile,
    });
    const rights = rightsOf(role);
    const ring = memberRing(mapId, open.ring.epochs, log.epoch, member);
    const answer = sealJoinAnswer(
      { inviteId, mapId, slotId, capability, rights, title: open.title.slice(0, 200) },
      boxPublicKey,
      signer(current.identity),
    );
    return {
      slotId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      rights,
      keyBundle: toBase64Url(sealKeyRing(ring, boxPublicKey)),
      logRecords: records.map(toBase64Url),
      sealedAnswer: toBase64Url(answer),
    };
  },

  updateMember({ mapId, slotId, role, sections }) {
    const current = requireSession();
    const open = requireOpen(mapId);
    const log = requireLog(open);
    if (log.members[slotId] === undefined)
      throw new WorkerFailure('unknown-map', 'No such member.');
    const changed = changeMember({
      log,
      baseKey: open.ring.epochs[log.epoch]!.base,
      signer: signer(current.identity),
      slotId,
      role,
      sections,
    });
    const after = changed.log.members[slotId]!;
    const ring = memberRing(mapId, open.ring.epochs, changed.log.epoch, after);
    return {
      rights: rightsOf(after.role),
      keyBundle: toBase64Url(sealKeyRing(ring, after.boxPublicKey)),
      logRecords: changed.records.map(toBase64Url),
    };
  },

  rotate({ mapId, removeSlotIds, narrow, document, version }) {
    const current = requireSession();
    const open = requireOpen(mapId);
    const log = requireLog(open);
    const { records, log: narrowed } = narrowGrants({
      log,
      baseKey: open.ring.epochs[log.epoch]!.base,
      signer: signer(current.identity),
      narrow,
    });
    const rotated = rotateMap({
      log: narrowed,
      removeSlotIds,
      ownerRing: open.ring,
      signer: signer(current.identity),
    });
    const body = encryptMapDocument({
      mapId,
      epoch: rotated.epoch,
      version: version + 1,
      doc: document,
      keys: rotated.keys,
      signer: signer(current.identity),
    });
    return {
      removeSlotIds,
      logRecords: [...records, ...rotated.records].map(toBase64Url),
      baseVersion: version,
      body: toBase64Url(body),
      keyBundles: Object.fromEntries(
        Object.entries(rotated.keyRings).map(([slot, sealed]) => [slot, toBase64Url(sealed)]),
      ),
    };
  },

  sealCard({ mapId, card, cardVersion }) {
    const current = requireSession();
    const open = requireOpen(mapId);
    const log = requireLog(open);
    const body = encryptCard({
      mapId,
      epoch: log.epoch,
      slotId: open.slotId,
      cardVersion,
      card,
      keys: { base: open.ring.epochs[log.epoch]!.base },
      signer: signer(current.identity),
    });
    return { body: toBase64Url(body) };
  },

  openCards({ mapId, cards }) {
    const open = requireOpen(mapId);
    const log = requireLog(open);
    const result: CardWire[] = [];
    for (const card of cards) {
      try {
        const opened = decryptCard({
          mapId,
          slotId: card.slotId,
          body: fromBase64Url(card.body),
          log,
        });
        result.push({
          slotId: card.slotId,
          cardVersion: opened.cardVersion,
          updatedAt: card.updatedAt,
          card: { ...opened.card },
        });
      } catch {
        // A card that does not verify (another signer, an old epoch) is not shown.
      }
    }
    return result;
  },

  inviteIdOf({ secret }) {
    const keys = keysOfInvite(secret);
    return { inviteId: keys.inviteId, secret: keys.secret };
  },

  joinOpen({ secret, sealedInfo }) {
    const { keys, info } = openInvite(secret, fromBase64Url(sealedInfo));
    inviteKeys.set(keys.secret, keys);
    return {
      inviteId: info.inviteId,
      mapId: info.mapId,
      greeting: info.greeting,
      expiresAt: info.expiresAt,
    };
  },

  joinSeal({ secret, sealedInfo, profile }) {
    const current = requireSession();
    const keys = keysOfInvite(secret);
    const { info } = openInvite(keys.secret, fromBase64Url(sealedInfo));
    const sealed = sealJoinRequest({
      invite: keys,
      joinerIdentity: {
        signPublicKey: current.identity.signPublicKey,
        signSecretKey: current.identity.signSecretKey,
        boxPublicKey: current.identity.boxPublicKey,
      },
      profile,
    });
    return {
      inviteId: keys.inviteId,
      sealedRequest: toBase64Url(sealed),
      signature: toBase64Url(signInviteProof(keys, 'join-request', sealed)),
      safetyCode: safetyCode(
        info.parentSignPublicKey,
        current.identity.signPublicKey,
        keys.inviteId,
      ),
    };
  },

  joinProof({ secret, challenge }) {
    const keys = keysOfInvite(secret);
    return {
      signature: toBase64Url(signInviteProof(keys, 'collect-answer', fromBase64Url(challenge))),
    };
  },

  joinAccept({ secret, sealedInfo, sealedAnswer }) {
    const current = requireSession();
    const keys = keysOfInvite(secret);
    const { info } = openInvite(keys.secret, fromBase64Url(sealedInfo));
    const answer = openJoinAnswer(
      fromBase64Url(sealedAnswer),
      { publicKey: current.identity.boxPublicKey, secretKey: current.identity.boxSecretKey },
      { inviteId: keys.inviteId, mapId: info.mapId, parentSignPublicKey: info.parentSignPublicKey },
    );
    if (!current.keyring.maps.some((map) => map.mapId === answer.mapId)) {
      const entry: KeyringMapEntry = {
        mapId: answer.mapId,
        capability: toBase64Url(answer.capability),
        title: answer.title,
        addedAt: Date.now(),
      };
      current.keyring = { ...current.keyring, maps: [...current.keyring.maps, entry] };
    }
    return {
      mapId: answer.mapId,
      keyring: sealedKeyring(current),
      maps: summaries(current.keyring),
    };
  },

  forgetMap({ mapId }) {
    const current = requireSession();
    current.keyring = {
      ...current.keyring,
      maps: current.keyring.maps.filter((map) => map.mapId !== mapId),
    };
    openMaps.delete(mapId);
    return { keyring: sealedKeyring(current), maps: summaries(current.keyring) };
  },
};

/** Invite keys by secret: a typed code costs one Argon2id run, so it is done once. */
const inviteKeys = new Map<string, InviteKeys>();

function keysOfInvite(secret: string): InviteKeys {
  const known = inviteKeys.get(secret);
  if (known !== undefined) return known;
  const keys = deriveInviteKeys(secret);
  inviteKeys.set(secret, keys);
  inviteKeys.set(keys.secret, keys);
  return keys;
}

function requireOpen(mapId: string): OpenMap {
  const open = openMaps.get(mapId);
  if (open === undefined) throw new WorkerFailure('unknown-map', 'Open the map first.');
  return open;
}

function requireLog(open: OpenMap): LogState {
  if (open.log === null) throw new WorkerFailure('unknown-map', 'This map has no membership log.');
  return open.log;
}

function memberView(member: Member): MemberView {
  return {
    slotId: member.slotId,
    role: member.role,
    sections: [...member.sections],
    name: member.profile.name,
    profession: member.profile.profession,
    organisation: member.profile.organisation,
    addedAt: member.addedAt,
  };
}

function membershipView(log: LogState, mySlotId: string): MembershipView {
  return {
    mapId: log.mapId,
    mySlotId,
    epoch: log.epoch,
    members: Object.values(log.members).map(memberView),
    former: Object.values(log.former).map(memberView),
    history: log.entries.map((entry) => {
      const data = entry.data as unknown as Record<string, unknown>;
      return {
        seq: entry.seq,
        type: entry.type,
        at: entry.at,
        slotId: typeof data['slotId'] === 'string' ? data['slotId'] : null,
        role: typeof data['role'] === 'string' ? (data['role'] as MemberView['role']) : null,
        sections: Array.isArray(data['sections']) ? (data['sections'] as SectionName[]) : null,
      };
    }),
  };
}

function run<K extends CryptoOp>(message: CryptoRequestMessage<K>): CryptoOps[K]['result'] {
  const handler: (args: CryptoOps[K]['args']) => CryptoOps[K]['result'] = handlers[message.op];
  return handler(message.args);
}

function failureOf(error: unknown): { code: CryptoErrorCode; message: string } {
  if (error instanceof WorkerFailure) return { code: error.code, message: error.message };
  if (isCryptoError(error)) return { code: error.code, message: error.message };
  // Anything else may be a libsodium message; never pass on details that could carry data.
  return { code: 'internal', message: 'Internal crypto error.' };
}

// Messages are handled one at a time, in order, after libsodium has loaded.
let queue: Promise<void> = loadSodium();

self.addEventListener('message', (event: MessageEvent<CryptoRequestMessage>) => {
  const message = event.data;
  queue = queue
    .catch(() => loadSodium())
    .then(() => {
      let response: CryptoResponseMessage;
      try {
        response = { id: message.id, ok: true, result: run(message) };
      } catch (error) {
        response = { id: message.id, ok: false, error: failureOf(error) };
      }
      self.postMessage(response);
    })
    .catch(() => {
      const response: CryptoResponseMessage = {
        id: message.id,
        ok: false,
        error: { code: 'internal', message: 'The crypto library did not load.' },
      };
      self.postMessage(response);
    });
});
