/** Worker operations of recovery, passphrase change and account deletion (merged into CryptoOps). */
import type { PassphraseChangeRequest, Proof } from '../../shared/api/accounts.js';
import type { AccountResponse, PreloginResponse } from '../api/types.js';

/** A one-time challenge of POST /api/account/challenge. */
export interface AccountChallenge {
  readonly challengeId: string;
  readonly challenge: string;
}

export interface AccountChangeOps {
  /** Derives the recovery login key from the code as typed and signs the login challenge. */
  loginRecovery: {
    args: { username: string; recoveryCode: string; prelogin: PreloginResponse };
    result: { signature: string };
  };
  /**
   * After a recovery login: a new passphrase and a new recovery key for the same account key, proven
   * with the recovery key; the new code is shown once. The keyring (and every map in it) is unchanged.
   */
  resetPassphrase: {
    args: { newPassphrase: string; challenge: AccountChallenge };
    result: { request: PassphraseChangeRequest; recoveryCode: string };
  };
  /** A new passphrase, proven with the current one re-derived here (a wrong one: 'decrypt-failure'). */
  changePassphrase: {
    args: {
      account: AccountResponse;
      currentPassphrase: string;
      newPassphrase: string;
      challenge: AccountChallenge;
    };
    result: { request: PassphraseChangeRequest };
  };
  /** The proof for DELETE /api/account, from the current passphrase re-derived here. */
  deleteProof: {
    args: { account: AccountResponse; passphrase: string; challenge: AccountChallenge };
    result: { proof: Proof };
  };
}
