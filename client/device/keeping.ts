/**
 * Whether this device keeps her unlocked (decision 0024), and the worker calls that keep it in step:
 * chosen at sign-in, set again when a kept session resumed, held while Samen aan tafel closes the room.
 */
import type { ApiClient } from '../api/transport.js';
import type { CryptoClient } from '../crypto/crypto-client.js';
import { canKeep, deleteKept } from './kept-store.js';

export class DeviceKeeping {
  readonly #api: ApiClient;
  readonly #crypto: CryptoClient;
  #kept = false;

  constructor(api: ApiClient, crypto: CryptoClient) {
    this.#api = api;
    this.#crypto = crypto;
  }

  /** Whether this device keeps her unlocked across reloads and tabs. */
  get kept(): boolean {
    return this.#kept;
  }

  /**
   * After a sign-in: her own device keeps the account key sealed under a non-extractable key;
   * otherwise whatever an earlier sign-in kept here goes. Samen aan tafel (no cookie) never keeps.
   */
  async signedIn(keep: boolean): Promise<void> {
    if (!this.#api.remember) return;
    this.#kept = keep && canKeep();
    const op = this.#kept ? 'keepOnDevice' : 'forgetDevice';
    // staying unlocked is a comfort: she is signed in either way
    await this.#crypto.call(op, {}).catch(() => (this.#kept = false));
  }

  /** A page opened on her own device unlocked the worker with the kept key. */
  resumed(): void {
    this.#kept = true;
  }

  /**
   * Samen aan tafel closes the room: the kept key goes, so a reload or a new tab there asks her
   * passphrase; once the room opens again (her passphrase was right) it is kept again.
   */
  hold(held: boolean): void {
    if (!this.#kept) return;
    this.#crypto.call(held ? 'forgetDevice' : 'keepOnDevice', {}).catch(() => undefined);
  }

  /** Remembers (sealed) the page she has open, so a new tab opens it too. */
  place(path: string): void {
    if (this.#kept) this.#crypto.call('keepPlace', { path }).catch(() => undefined);
  }

  /** Signed out: `refused` (the server ended the session) deletes the kept key here. */
  ended(refused: boolean): void {
    if (refused && this.#kept) void deleteKept();
    this.#kept = false;
  }
}
