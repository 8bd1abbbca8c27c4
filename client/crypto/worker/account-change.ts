// Recovery, passphrase change and deletion proofs: every proof is made from a secret typed just now.
import {
  DEFAULT_KDF,
  deriveAccountSecrets,
  deriveRecoverySecrets,
  fromBase64Url,
  kdfMeetsFloor,
  normaliseUsername,
  parseRecoveryCode,
  rewrapForNewPassphrase,
  rewrapForNewRecovery,
  signLoginProof,
  toBase64Url,
  unlockAccount,
  type LoginPurpose,
} from '../../../shared/crypto/index.js';
import type { AccountResponse } from '../../api/types.js';
import type { AccountChallenge } from '../account-ops.js';
import { requireSession, wipeState, WorkerFailure, type Handlers, type Session } from './state.js';

type ChangeOp = 'loginRecovery' | 'resetPassphrase' | 'changePassphrase' | 'deleteProof';

function proofBy(
  secretKey: Uint8Array,
  purpose: LoginPurpose,
  current: Session,
  challenge: AccountChallenge,
  method: 'passphrase' | 'recovery' | 'trusted',
) {
  const signature = signLoginProof(
    secretKey,
    purpose,
    current.username,
    fromBase64Url(challenge.challenge),
  );
  return { challengeId: challenge.challengeId, method, signature: toBase64Url(signature) };
}

/** The login key of the typed passphrase, after checking it opens this very account key. */
function currentPassphraseKey(current: Session, account: AccountResponse, passphrase: string) {
  if (normaliseUsername(account.username) !== current.username)
    throw new WorkerFailure('malformed', 'Account does not match the session.');
  // a hostile server could offer cheap parameters to make the proof easy to brute-force
  if (!kdfMeetsFloor(account.kdf))
    throw new WorkerFailure('malformed', 'KDF parameters below the floor.');
  const { wrapKey, loginKeyPair } = deriveAccountSecrets(passphrase, {
    ...account.kdf,
    salt: fromBase64Url(account.kdf.salt),
  });
  try {
    const opened = unlockAccount(account, { method: 'passphrase', wrapKey });
    const same = toBase64Url(opened.accountKey) === toBase64Url(current.accountKey);
    opened.accountKey.fill(0);
    if (!same) throw new WorkerFailure('malformed', 'Another account key than this session’s.');
  } catch (error) {
    loginKeyPair.secretKey.fill(0);
    throw error;
  } finally {
    wrapKey.fill(0);
  }
  return loginKeyPair.secretKey;
}

export const accountChangeHandlers: Handlers<ChangeOp> = {
  loginRecovery(state, { username, recoveryCode, prelogin }) {
    wipeState(state);
    const name = normaliseUsername(username);
    const key = parseRecoveryCode(recoveryCode);
    const { wrapKey, loginKeyPair } = deriveRecoverySecrets(key);
    key.fill(0);
    const signature = signLoginProof(
      loginKeyPair.secretKey,
      'login',
      name,
      fromBase64Url(prelogin.challenge),
    );
    // kept until the new passphrase is set: it proves the change (and is spent by it)
    state.pendingUnlock = { username: name, wrapKey, recoveryProofKey: loginKeyPair.secretKey };
    return { signature: toBase64Url(signature) };
  },

  resetPassphrase(state, { newPassphrase, challenge }) {
    const current = requireSession(state);
    const proofKey = current.recoveryProofKey;
    if (proofKey === undefined)
      throw new WorkerFailure('locked', 'Not signed in with a recovery code.');
    const { passphraseUpdate } = rewrapForNewPassphrase(
      current.username,
      current.accountKey,
      newPassphrase,
      DEFAULT_KDF,
    );
    const { recoveryUpdate, recoveryCode } = rewrapForNewRecovery(
      current.username,
      current.accountKey,
    );
    const method = current.proofMethod ?? 'recovery';
    const proof = proofBy(proofKey, 'passphrase-change', current, challenge, method);
    return { request: { proof, ...passphraseUpdate, recovery: recoveryUpdate }, recoveryCode };
  },

  changePassphrase(state, { account, currentPassphrase, newPassphrase, challenge }) {
    const current = requireSession(state);
    const key = currentPassphraseKey(current, account, currentPassphrase);
    const proof = proofBy(key, 'passphrase-change', current, challenge, 'passphrase');
    key.fill(0);
    const { passphraseUpdate, loginSecretKey } = rewrapForNewPassphrase(
      current.username,
      current.accountKey,
      newPassphrase,
      DEFAULT_KDF,
    );
    loginSecretKey.fill(0);
    return { request: { proof, ...passphraseUpdate } };
  },

  deleteProof(state, { account, passphrase, challenge }) {
    const current = requireSession(state);
    const key = currentPassphraseKey(current, account, passphrase);
    const proof = proofBy(key, 'delete-account', current, challenge, 'passphrase');
    key.fill(0);
    return { proof };
  },
};
