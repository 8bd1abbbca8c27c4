// The first half of every sign-in: a one-time challenge from the server, signed in the worker with
// the key the person's secret opens (passphrase, recovery code, a helper's hand-over or a new account).
import * as accounts from '../api/accounts.js';
import type { ApiClient } from '../api/transport.js';
import type { CryptoClient } from '../crypto/crypto-client.js';

export interface SignInProof {
  username: string;
  challengeId: string;
  method: 'passphrase' | 'recovery' | 'trusted';
  signature: string;
}

export async function passphraseProof(
  api: ApiClient,
  crypto: CryptoClient,
  username: string,
  passphrase: string,
): Promise<SignInProof> {
  const prelogin = await accounts.prelogin(api, username);
  const { signature } = await crypto.call('login', { username, passphrase, prelogin });
  return { username, challengeId: prelogin.challengeId, method: 'passphrase', signature };
}

/** The account just made in this worker: its keys are there already, no passphrase to stretch again. */
export async function freshAccountProof(
  api: ApiClient,
  crypto: CryptoClient,
  username: string,
): Promise<SignInProof> {
  const prelogin = await accounts.prelogin(api, username);
  const { signature } = await crypto.call('loginFreshAccount', { username, prelogin });
  return { username, challengeId: prelogin.challengeId, method: 'passphrase', signature };
}

export async function recoveryProof(
  api: ApiClient,
  crypto: CryptoClient,
  username: string,
  recoveryCode: string,
): Promise<SignInProof> {
  const prelogin = await accounts.prelogin(api, username);
  const { signature } = await crypto.call('loginRecovery', { username, recoveryCode, prelogin });
  return { username, challengeId: prelogin.challengeId, method: 'recovery', signature };
}

/** A trusted helper's hand-over (decision 0026). */
export async function trustedProof(
  api: ApiClient,
  crypto: CryptoClient,
  username: string,
  handover: { sealed: string; trustWrappedAccountKey: string },
): Promise<SignInProof> {
  const prelogin = await accounts.prelogin(api, username);
  const { signature } = await crypto.call('loginTrusted', { username, ...handover, prelogin });
  return { username, challengeId: prelogin.challengeId, method: 'trusted', signature };
}
