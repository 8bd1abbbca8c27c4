/**
 * The typed message protocol between the page and the crypto worker.
 *
 * The page sends `{ id, op, args }`; the worker answers `{ id, ok: true, result }` or
 * `{ id, ok: false, error }`. Secret keys (root, account key, identity, section keys) never
 * leave the worker; what comes back is ciphertext for the server, plaintext map content for
 * display, and capabilities (access tokens the server checks by hash; they decrypt nothing).
 */
import type {
  AccountResponse,
  CreateAccountRequest,
  CreateMapRequest,
  MapResponse,
  PreloginResponse,
} from '../api-types.js';
import type { CryptoErrorCode as SharedCryptoErrorCode } from '../../shared/crypto/errors.js';
import type { MapDocument } from '../../shared/map/types.js';

/** A map as listed in the keyring. */
export interface MapSummary {
  readonly mapId: string;
  readonly title: string;
  /** When the map was added to the keyring, ms since the Unix epoch. */
  readonly addedAt: number;
  /** Base64url capability for the `Nk-Capability` header. */
  readonly capability: string;
}

/** Every operation: its arguments and its result. */
export interface CryptoOps {
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
  /** Makes a new map: id, capability, section keys, key bundle and the first version. */
  createMap: {
    args: { title: string };
    result: { request: CreateMapRequest; map: MapSummary; document: MapDocument };
  };
  /** After the server accepted a new map: adds it to the keyring and returns the keyring sealed. */
  commitMap: {
    args: { mapId: string };
    result: { keyring: string; maps: MapSummary[] };
  };
  /** Opens a map response: key bundle, signature check, section decryption. */
  openMap: {
    args: { map: MapResponse };
    result: { document: MapDocument; version: number };
  };
  /** Encrypts and signs a document as the given (new) version of an opened map. */
  sealVersion: {
    args: { mapId: string; document: MapDocument; version: number };
    result: { body: string };
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
