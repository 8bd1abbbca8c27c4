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
  openKeyBundle,
  sealKeyBundle,
  signLoginProof,
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

  createMap({ title }) {
    const current = requireSession();
    const mapId = newId();
    const capability = newCapability();
    const keys = newSectionKeys();
    const keyBundle = sealKeyBundle(
      { mapId, epoch: FIRST_EPOCH, keys },
      current.identity.boxPublicKey,
    );
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
    openMaps.set(mapId, { epoch: FIRST_EPOCH, keys, body });
    return {
      request: {
        mapId,
        capabilityHash: toBase64Url(capabilityHash(capability)),
        keyBundle: toBase64Url(keyBundle),
        body: toBase64Url(body),
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

  openMap({ map }) {
    const current = requireSession();
    const bundle = openKeyBundle(
      fromBase64Url(map.keyBundle),
      { publicKey: current.identity.boxPublicKey, secretKey: current.identity.boxSecretKey },
      map.mapId,
    );
    const body = fromBase64Url(map.body);
    const { epoch, doc } = decryptMapDocument({
      mapId: map.mapId,
      version: map.version,
      body,
      keys: bundle.keys,
    });
    if (epoch !== bundle.epoch)
      throw new WorkerFailure('decrypt-failure', 'Version and key bundle epochs differ.');
    openMaps.set(map.mapId, { epoch, keys: bundle.keys, body });
    return { document: doc, version: map.version };
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
};

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
