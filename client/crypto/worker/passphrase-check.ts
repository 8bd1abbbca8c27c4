// Samen aan tafel: is this the signed-in account's own passphrase? Checked here, against the account key held.
import {
  adAccountKey,
  decryptEnvelope,
  deriveAccountSecrets,
  fromBase64Url,
  kdfMeetsFloor,
} from '../../../shared/crypto/index.js';
import { bytesEqual, wipe } from '../../../shared/crypto/sodium.js';
import { requireSession, WorkerFailure, type Handlers } from './state.js';

export const passphraseCheckHandlers: Handlers<'checkPassphrase'> = {
  /**
   * True only when `passphrase` unwraps the account's wrapped key to the very account key this worker
   * holds: a server that sends other wrapping or cheap KDF parameters cannot make a wrong one pass.
   */
  checkPassphrase(state, { passphrase, account }) {
    const current = requireSession(state);
    if (!kdfMeetsFloor(account.kdf))
      throw new WorkerFailure('malformed', 'KDF parameters below the floor.');
    if (passphrase === '') return { ok: false };
    const { wrapKey, loginKeyPair } = deriveAccountSecrets(passphrase, {
      ...account.kdf,
      salt: fromBase64Url(account.kdf.salt),
    });
    wipe(loginKeyPair.secretKey);
    let opened: Uint8Array;
    try {
      opened = decryptEnvelope(
        wrapKey,
        fromBase64Url(account.wrappedAccountKey),
        adAccountKey(current.username, 'passphrase'),
      );
    } catch {
      return { ok: false };
    } finally {
      wipe(wrapKey);
    }
    const ok = bytesEqual(opened, current.accountKey);
    wipe(opened);
    return { ok };
  },
};
