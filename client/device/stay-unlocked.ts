/**
 * Opening the app on her own device without the passphrase (decision 0024): the refresh cookie gets
 * an access token, the server's account gives the keyring, and the kept account key opens it.
 */
import { ApiError } from '../api/transport.js';
import * as accounts from '../api/accounts.js';
import type { AppStore } from '../shell/store.js';
import { canKeep, deleteKept, readKept } from './kept-store.js';

export type ResumeOutcome =
  /** Nothing kept here: sign in as usual. */
  | { readonly kind: 'none' }
  /** The server ended the session (expired, revoked, account deleted): the kept key is gone. */
  | { readonly kind: 'refused' }
  /** The server could not be asked: the kept key stays for the next try. */
  | { readonly kind: 'offline' }
  /** Unlocked; `place` is the page she last had open. */
  | { readonly kind: 'resumed'; readonly place: string | null };

export async function resumeOnDevice(store: AppStore): Promise<ResumeOutcome> {
  if (!store.api.remember || !canKeep() || (await readKept()) === null) return { kind: 'none' };
  const refreshed = await store.api.resume();
  if (refreshed === 'offline') return { kind: 'offline' };
  try {
    if (refreshed === 'refused') throw new ApiError(401, 'session_expired', 'Session ended.');
    const account = await accounts.getAccount(store.api);
    const { maps, place } = await store.crypto.call('resumeFromDevice', { account });
    await store.resumed(account, maps);
    return { kind: 'resumed', place };
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) return { kind: 'offline' };
    // refused, or a kept record that does not open for this account: start again with the passphrase
    store.crypto.terminate();
    store.api.clearSession();
    await deleteKept();
    return { kind: 'refused' };
  }
}
