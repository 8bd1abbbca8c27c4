/**
 * Signing in without a connection: the passphrase opens the account key wrapped in the copy of the
 * account kept on this device (offline-store.ts), exactly as it opens the server's copy. Nothing is
 * sent; a wrong passphrase fails in the worker as it would online.
 */
import { ApiError } from '../api/transport.js';
import type { AccountResponse } from '../api/types.js';
import { CryptoFailure, type CryptoClient } from '../crypto/crypto-client.js';
import type { AppState } from '../shell/store.js';
import { toBase64Url } from '../../shared/crypto/encoding.js';
import { cachedAccount } from './offline-store.js';

export interface OfflineUnlock {
  readonly account: AccountResponse;
  /** The app's state, signed in, from the kept keyring. */
  readonly state: AppState;
  /** When the kept copy of the account (and its keyring) was saved. */
  readonly savedAt: number;
}

/** Null when this device keeps no copy of the account (never signed in here, or logged out). */
export async function unlockOffline(
  crypto: CryptoClient,
  username: string,
  passphrase: string,
): Promise<OfflineUnlock | null> {
  const kept = await cachedAccount(username);
  if (kept === undefined) return null;
  const { account } = kept;
  // The worker's login derives the keys and signs a proof; offline there is nobody to send it to.
  const challenge = toBase64Url(crypto32());
  await crypto.call('login', {
    username,
    passphrase,
    prelogin: { kdf: account.kdf, challengeId: 'offline', challenge },
  });
  try {
    const { maps } = await crypto.call('unlock', { account });
    const { professional } = await crypto.call('accountSettings', {});
    const state = { username: account.username, maps, recovery: null, professional };
    return { account, state, savedAt: kept.savedAt };
  } catch (error) {
    // the passphrase does not open the kept key: say so as the server would
    if (error instanceof CryptoFailure)
      throw new ApiError(401, 'login_failed', 'The passphrase does not open this account.');
    throw error;
  }
}

function crypto32(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}
