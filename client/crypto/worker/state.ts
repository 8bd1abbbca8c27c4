/**
 * What the crypto worker holds in memory: the unlocked session (account key, identity keys,
 * keyring), the keys of the maps opened in it, and invite keys. Every handler gets this state
 * passed in, so the handlers run in Node tests as they run in the browser's worker.
 */
import {
  encryptKeyring,
  fromBase64Url,
  samePin,
  toBase64Url,
  type IdentityKeys,
  type InviteKeys,
  type KeyPair,
  type KeyRing,
  type Keyring,
  type KeyringMapEntry,
  type KeyringPin,
  type LogState,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import type { MapDocument } from '../../../shared/map/types.js';
import type { CryptoErrorCode, CryptoOp, CryptoOps, MapSummary } from '../protocol.js';
import type { DeviceOp } from '../device-ops.js';

export interface Session {
  username: string;
  accountKey: Uint8Array;
  identity: IdentityKeys;
  keyring: Keyring;
  /** Kept only for an account registered in this worker, to sign its first login. */
  loginSecretKey: Uint8Array | null;
  /** After a recovery login only: the recovery login key, to prove the new passphrase. */
  recoveryProofKey?: Uint8Array;
  /** After a hand-over by a trusted helper (decision 0026): the proof key above is the trusted one. */
  proofMethod?: 'recovery' | 'trusted';
  /** Maps forgotten here (left or lost): a merge with another device's keyring keeps them out. */
  forgotten?: Set<string>;
}

export interface OpenMap {
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
  /** Opened with an unsigned ring from before rings were signed (only its vouched keys are kept). */
  legacyRing: boolean;
  /** The log upgradeRings wrote for (with the INIT it started, for a map without one), until committed. */
  upgradeLog?: LogState;
  /** The parent's name(s) in the centre of the map, as last read or written here ('' when none). */
  centreName?: string;
  /** A re-key this device sealed (rotate) and sent, until the server's answer commits it (commitRotate). */
  rotation?: {
    log: LogState;
    epoch: number;
    keys: SectionKeys;
    body: Uint8Array;
    version: number;
    document: MapDocument;
  };
}

/** "Meriam & Micha": the centre's parent names, as an invite names the map. */
export function centreNameOf(doc: { base: { centre: { parents: readonly string[] } } }): string {
  return doc.base.centre.parents
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .join(' & ')
    .slice(0, 120);
}

export interface WorkerState {
  session: Session | null;
  /** Between `login` and `unlock`: the key that unwraps the account key (a recovery login: its proof key too). */
  pendingUnlock: {
    username: string;
    wrapKey: Uint8Array;
    recoveryProofKey?: Uint8Array;
    /** A trusted helper's hand-over: the account key wrapped by that secret (decision 0026). */
    trustedWrapped?: string;
  } | null;
  /** Maps created here but not yet confirmed by the server, by map id. */
  readonly pendingMaps: Map<string, KeyringMapEntry>;
  /** Section keys of the maps opened in this session, by map id. */
  readonly openMaps: Map<string, OpenMap>;
  /** Invite keys by secret: a typed code costs one Argon2id run, so it is done once. */
  readonly inviteKeys: Map<string, InviteKeys>;
}

/** The operations answered at once; the device ones (device.ts) are asynchronous. */
export type SyncOp = Exclude<CryptoOp, DeviceOp>;

/** One handler per operation, each on the state it is given. */
export type Handlers<K extends SyncOp = SyncOp> = {
  [P in K]: (state: WorkerState, args: CryptoOps[P]['args']) => CryptoOps[P]['result'];
};

/** A locked worker: nothing in memory yet. */
export function createWorkerState(): WorkerState {
  return {
    session: null,
    pendingUnlock: null,
    pendingMaps: new Map(),
    openMaps: new Map(),
    inviteKeys: new Map(),
  };
}

/** A failure of the worker's own state (locked, a map not opened, an unknown member). */
export class WorkerFailure extends Error {
  readonly code: CryptoErrorCode;
  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Overwrites every secret key in memory and forgets the session. */
export function wipeState(state: WorkerState): void {
  const { session } = state;
  if (session !== null) {
    session.accountKey.fill(0);
    session.identity.signSecretKey.fill(0);
    session.identity.boxSecretKey.fill(0);
    session.loginSecretKey?.fill(0);
    session.recoveryProofKey?.fill(0);
  }
  state.pendingUnlock?.wrapKey.fill(0);
  state.pendingUnlock?.recoveryProofKey?.fill(0);
  for (const map of state.openMaps.values()) {
    for (const key of Object.values(map.keys)) key.fill(0);
  }
  state.session = null;
  state.pendingUnlock = null;
  state.pendingMaps.clear();
  state.openMaps.clear();
}

export function requireSession(state: WorkerState): Session {
  if (state.session === null) throw new WorkerFailure('locked', 'No unlocked session.');
  return state.session;
}

export function requireOpen(state: WorkerState, mapId: string): OpenMap {
  const open = state.openMaps.get(mapId);
  if (open === undefined) throw new WorkerFailure('unknown-map', 'Open the map first.');
  return open;
}

export function requireLog(open: OpenMap): LogState {
  if (open.log === null) throw new WorkerFailure('unknown-map', 'This map has no membership log.');
  return open.log;
}

/** The current epoch's base key of an opened map (it signs and seals every log record). */
export function baseKeyOf(open: OpenMap, log: LogState): Uint8Array {
  return open.ring.epochs[log.epoch]!.base;
}

export function signer(identity: IdentityKeys): KeyPair {
  return { publicKey: identity.signPublicKey, secretKey: identity.signSecretKey };
}

export function summaries(keyring: Keyring): MapSummary[] {
  return keyring.maps.map(({ mapId, title, addedAt, capability }) => ({
    mapId,
    title,
    addedAt,
    capability,
  }));
}

/** The session's keyring, encrypted for the server, and its maps as the page lists them. */
export function sealedKeyring(current: Session): { keyring: string; maps: MapSummary[] } {
  const sealed = encryptKeyring(current.accountKey, current.username, current.keyring);
  return { keyring: toBase64Url(sealed), maps: summaries(current.keyring) };
}

/** Adds a map to the session's keyring unless it is there already. */
export function addToKeyring(current: Session, entry: KeyringMapEntry): void {
  current.forgotten?.delete(entry.mapId);
  if (current.keyring.maps.some((map) => map.mapId === entry.mapId)) return;
  current.keyring = { ...current.keyring, maps: [...current.keyring.maps, entry] };
}

/** The pin of a map in the session's keyring (undefined: never opened by this account). */
export function pinInKeyring(current: Session, mapId: string): KeyringPin | undefined {
  return current.keyring.maps.find((map) => map.mapId === mapId)?.pin;
}

/**
 * Records a newer pin in the session's keyring (the caller has checked it extends the old one) and
 * drops a checked inviter. True when it changed, so the page stores the keyring for the other devices.
 */
export function movePin(current: Session, mapId: string, pin: KeyringPin): boolean {
  const entry = current.keyring.maps.find((map) => map.mapId === mapId);
  if (entry === undefined || (samePin(entry.pin, pin) && entry.inviter === undefined)) return false;
  const { inviter: _checked, ...rest } = entry;
  current.keyring = {
    ...current.keyring,
    maps: current.keyring.maps.map((map) => (map.mapId === mapId ? { ...rest, pin } : map)),
  };
  return true;
}

/** The inviting parent's key of a map joined by invite and not opened yet (see checkInviter). */
export function inviterInKeyring(current: Session, mapId: string): Uint8Array | undefined {
  const inviter = current.keyring.maps.find((map) => map.mapId === mapId)?.inviter;
  return inviter === undefined ? undefined : fromBase64Url(inviter);
}
