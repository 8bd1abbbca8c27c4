/**
 * The typed message protocol between the page and the crypto worker.
 *
 * The page sends `{ id, op, args }`; the worker answers `{ id, ok: true, result }` or
 * `{ id, ok: false, error }`. Secret keys (root, account key, identity, section keys) never
 * leave the worker; what comes back is ciphertext for the server, plaintext map content for
 * display, and capabilities (access tokens the server checks by hash; they decrypt nothing).
 */
import type { KeyringProfile, KeyringSeen } from '../../shared/crypto/index.js';
import type {
  AccountResponse,
  CreateAccountRequest,
  CreateMapRequest,
  MapResponse,
  PreloginResponse,
} from '../api/types.js';
import type {
  ApproveRequestRequest,
  CardSummary,
  CreateInviteRequest,
  JoinRequestRequest,
  RemoveMembersRequest,
  SlotSummary,
  UpdateSlotRequest,
} from '../../shared/api/index.js';
import type { CryptoErrorCode as SharedCryptoErrorCode } from '../../shared/crypto/errors.js';
import type { MapDocument } from '../../shared/map/types.js';
import type { AccountChangeOps } from './account-ops.js';
import type { TrustedOps } from './trusted-ops.js';
import type { DeviceOps } from './device-ops.js';
import type { BackupErrorCode } from '../../shared/export/backup.js';
import type {
  CardWire,
  JoinProfileView,
  MemberRoleView,
  MembershipView,
  SectionName,
} from '../membership/types.js';

/** A map as listed in the keyring. */
export interface MapSummary {
  readonly mapId: string;
  readonly title: string;
  /** When the map was added to the keyring, ms since the Unix epoch. */
  readonly addedAt: number;
  /** Base64url capability for the `Nk-Capability` header. */
  readonly capability: string;
}

/** Operations of the exports: the map as JSON and the encrypted backup file. */
export interface ExportOps {
  /** The whole map as JSON text (validated, in its versioned wrapper). */
  exportMapJson: { args: { document: MapDocument }; result: { text: string } };
  /** The map encrypted under a passphrase (Argon2id + secretstream), as the bytes of a file. */
  exportBackup: {
    args: { document: MapDocument; passphrase: string };
    result: { file: Uint8Array };
  };
  /** Opens a backup file; a wrong passphrase or a damaged file is an answer, not a failure. */
  importBackup: {
    args: { file: Uint8Array; passphrase: string };
    result: { document: MapDocument } | { error: BackupErrorCode };
  };
}

/** A professional's day (worker/day.ts): her joining profile and what she saw per map, in the keyring. */
export interface DayOps {
  keyringProfile: { args: Record<string, never>; result: { profile: KeyringProfile | null } };
  /** `changed`: the page stores the keyring. An empty name changes nothing. */
  setKeyringProfile: { args: { profile: KeyringProfile }; result: { changed: boolean } };
  seenMaps: { args: Record<string, never>; result: { seen: Record<string, KeyringSeen> } };
  setSeen: { args: { mapId: string; seen: KeyringSeen }; result: { changed: boolean } };
}

/** One earlier version for the timeline: its document, or unreadable with this slot's keys. */
export type OpenedVersion =
  | { readonly version: number; readonly readable: true; readonly document: MapDocument }
  | { readonly version: number; readonly readable: false };

/** The timeline (worker/history.ts): earlier versions of an opened map, decrypted in one call. */
export interface HistoryOps {
  openVersions: {
    args: { mapId: string; versions: { version: number; body: Uint8Array }[] };
    result: { versions: OpenedVersion[] };
  };
}

/** Every operation: its arguments and its result. */
export interface CryptoOps
  extends ExportOps, AccountChangeOps, DayOps, TrustedOps, HistoryOps, DeviceOps {
  /** Makes all account keys from a new passphrase; keeps the session unlocked. */
  register: {
    args: { username: string; passphrase: string };
    result: { registration: CreateAccountRequest; recoveryCode: string };
  };
  /** Derives the login key from the passphrase (Argon2id) and signs the login challenge. */
  login: {
    args: { username: string; passphrase: string; prelogin: PreloginResponse };
    result: { signature: string };
  };
  /** Signs a login challenge with the keys of the account registered in this worker. */
  loginFreshAccount: {
    args: { username: string; prelogin: PreloginResponse };
    result: { signature: string };
  };
  /** Unwraps the account key and opens the keyring; the worker is then unlocked. */
  unlock: {
    args: { account: AccountResponse };
    result: { username: string; maps: MapSummary[] };
  };
  /** Merges the server's newer keyring into the worker's and returns it re-encrypted. */
  mergeKeyring: {
    args: { account: AccountResponse };
    result: { keyring: string; maps: MapSummary[] };
  };
  /** The account's own settings from the keyring (see KeyringSettings); false until chosen. */
  accountSettings: { args: Record<string, never>; result: { professional: boolean } };
  /** Records "Ik werk als hulpverlener" in the keyring; the page then stores it (commitKeyring). */
  setProfessional: { args: { professional: boolean }; result: { professional: boolean } };
  /** Makes a new map: id, capability, section keys, key ring, the first version and the INIT log record. */
  createMap: {
    args: { title: string; ownerName?: string };
    result: { request: CreateMapRequest; map: MapSummary; document: MapDocument };
  };
  /** After the server accepted a new map: adds it to the keyring and returns the keyring sealed. */
  commitMap: {
    args: { mapId: string };
    result: { keyring: string; maps: MapSummary[] };
  };
  /**
   * Opens a map response: key ring, membership log (verified against the pin in the keyring),
   * signature check by a member who may write, the version's log head, section decryption. Refuses
   * an older version or log than the account has seen ('rollback'). `pinMoved`: the keyring's pin
   * advanced, so the page stores the keyring (sealKeyring) for the account's other devices. An
   * unsigned ring from before rings were signed opens while the pin has no `signedRings`;
   * `ringUpgrade`: it did, and this account is an owner, so the page runs upgradeRings.
   */
  openMap: {
    args: { map: MapResponse; log?: string[] };
    result: {
      document: MapDocument;
      version: number;
      pinMoved: boolean;
      membership: MembershipView | null;
      ringUpgrade: boolean;
    };
  };
  /**
   * Owner of a map opened with an unsigned ring: a signed ring for every member slot the server lists
   * (hers last), each guarded by the verified log head; for a map without a log, its INIT goes with hers.
   */
  upgradeRings: {
    args: { mapId: string; slots: SlotSummary[] };
    result: { updates: Array<{ slotId: string; body: UpdateSlotRequest }> };
  };
  /** After the server took every update of upgradeRings: the pin says the rings are signed. */
  commitRingUpgrade: { args: { mapId: string }; result: { pinMoved: boolean } };
  /** The session's keyring sealed for the server (with every pin), and its maps. */
  sealKeyring: {
    args: Record<string, never>;
    result: { keyring: string; maps: MapSummary[] };
  };
  /** Encrypts and signs a document as the given (new) version of an opened map. */
  sealVersion: {
    args: { mapId: string; document: MapDocument; version: number };
    /** The version's bytes, as PUT /api/maps/:mapId sends them. */
    result: { body: Uint8Array };
  };
  /** The verified membership of an opened map (after openMap). */
  membership: { args: { mapId: string }; result: MembershipView | null };
  /**
   * Parent: a new invite (link or short code). The secret goes to the page to hand over, and to the
   * server only sealed for the map's owners (`request.sealedSecret`).
   */
  newInvite: {
    args: { mapId: string; kind: 'link' | 'code'; expiresAt: number };
    result: { secret: string; inviteId: string; request: CreateInviteRequest };
  };
  /**
   * Owner: the secret of an open invite of an opened map, from the copy sealed for the owners
   * (any owner made it, on any device). Fails ('decrypt-failure') when it does not open here.
   */
  openInviteSecret: {
    args: { mapId: string; inviteId: string; sealedSecret: string };
    result: { secret: string };
  };
  /**
   * Parent: opens a sealed join request with the invite's secret; computes the safety code. With the
   * invite's `sealedInfo`, the code is made with the key of the owner who made the invite (the
   * co-parent's invite opened here), who must be an owner of the map.
   */
  openJoinRequest: {
    args: { mapId: string; secret: string; sealedRequest: string; sealedInfo?: string };
    result: {
      profile: JoinProfileView;
      safetyCode: string;
      signPublicKey: string;
      boxPublicKey: string;
    };
  };
  /** Parent: the approval body (slot, ADD record, key ring, sealed answer) for POST …/approve. */
  approveJoin: {
    args: {
      mapId: string;
      inviteId: string;
      joiner: { signPublicKey: string; boxPublicKey: string; profile: JoinProfileView };
      role: MemberRoleView;
      detail: boolean;
      /** Her last day of access (`YYYY-MM-DD`); absent: open-ended (decision 0030). */
      until?: string;
    };
    result: ApproveRequestRequest;
  };
  /** Parent: a role change or a wider grant (ROLE/GRANT records and the slot's new key ring). */
  updateMember: {
    args: {
      mapId: string;
      slotId: string;
      role?: MemberRoleView;
      sections?: SectionName[];
      /** A new last day of access, or null for open-ended. */
      until?: string | null;
    };
    result: Omit<UpdateSlotRequest, 'headSeq'> &
      Required<Pick<UpdateSlotRequest, 'rights' | 'keyBundle' | 'logRecords'>>;
  };
  /**
   * Parent: removal and/or narrowing, with a rotation to a new epoch: the body of POST …/remove.
   * `narrow` are GRANT changes written before the rotation.
   */
  rotate: {
    args: {
      mapId: string;
      removeSlotIds: string[];
      narrow: { slotId: string; sections: SectionName[] }[];
      document: MapDocument;
      version: number;
    };
    result: RemoveMembersRequest;
  };
  /**
   * The server took the re-key of `rotate` (its answer names the version and log head sealed there):
   * the map's keys, log and pin move to it, and the screen gets what it shows without a reload.
   */
  commitRotate: {
    args: { mapId: string; version: number; headSeq: number };
    result: {
      document: MapDocument;
      version: number;
      membership: MembershipView;
      pinMoved: boolean;
    };
  };
  /** A member's own card, sealed and signed for PUT …/cards/mine. */
  sealCard: {
    args: { mapId: string; card: CardWire['card']; cardVersion: number };
    result: { body: string };
  };
  /** Opens the cards of an opened map; cards that do not verify are left out. */
  openCards: {
    args: { mapId: string; cards: CardSummary[] };
    result: CardWire[];
  };
  /** Joiner: the invite id of a secret (a typed code costs one Argon2id run). */
  inviteIdOf: { args: { secret: string }; result: { inviteId: string; secret: string } };
  /** Joiner: reads an invite with its secret (link fragment or typed code). */
  joinOpen: {
    args: { secret: string; sealedInfo: string };
    result: {
      inviteId: string;
      mapId: string;
      greeting: string;
      /** Whose map it is, by the parent's centre name ('' for an invite without one). */
      centreName: string;
      expiresAt: number;
    };
  };
  /** Joiner: the sealed request and its proof, and the safety code to show. */
  joinSeal: {
    args: { secret: string; sealedInfo: string; profile: JoinProfileView };
    result: JoinRequestRequest & { inviteId: string; safetyCode: string };
  };
  /** Joiner: a proof of the invite secret over a server challenge ('collect-answer'). */
  joinProof: {
    args: { secret: string; challenge: string };
    result: { signature: string };
  };
  /** Joiner: opens the parent's answer and adds the map to the keyring (returned sealed). */
  joinAccept: {
    args: { secret: string; sealedInfo: string; sealedAnswer: string };
    result: { mapId: string; keyring: string; maps: MapSummary[] };
  };
  /** Drops a map from the keyring (after leaving); returns the keyring sealed. */
  forgetMap: {
    args: { mapId: string };
    result: { keyring: string; maps: MapSummary[] };
  };
  /** Samen aan tafel: does this passphrase unwrap the account key held here? (Argon2id, nothing sent) */
  checkPassphrase: {
    args: { passphrase: string; account: AccountResponse };
    result: { ok: boolean };
  };
  /** Forgets every key held in memory. */
  lock: {
    args: Record<string, never>;
    result: Record<string, never>;
  };
}

export type CryptoOp = keyof CryptoOps;

/** Codes of failures the worker reports: the protocol's own, and the worker's state. */
export type CryptoErrorCode = SharedCryptoErrorCode | 'locked' | 'unknown-map' | 'internal';

export interface CryptoRequestMessage<K extends CryptoOp = CryptoOp> {
  readonly id: number;
  readonly op: K;
  readonly args: CryptoOps[K]['args'];
}

export type CryptoResponseMessage =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: CryptoErrorCode; readonly message: string };
    };
