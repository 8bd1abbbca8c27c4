// Trusted helper recovery in the worker (decision 0026): shares, codes and the hand-over key stay here.
import {
  createHelperSetup,
  deriveTrustedSecrets,
  fromBase64Url,
  handoverCode,
  helperCode,
  normaliseUsername,
  openHandover,
  openHelperShare,
  sealHandover,
  signLoginProof,
  signStart,
  toBase64Url,
  trustedSecret,
  waitIsOver,
} from '../../../shared/crypto/index.js';
import { boxKeyPair, type KeyPair } from '../../../shared/crypto/sodium.js';
import type { HelpingDetail } from '../../../shared/api/trusted-recovery.js';
import { requireSession, wipeState, WorkerFailure, type Handlers, type Session } from './state.js';
import type { TrustedOps } from '../trusted-ops.js';

type TrustedOp = keyof TrustedOps;

/** Her new device's hand-over key pair, made here and never sent anywhere but its public half. */
let handoverKeys: { username: string; keys: KeyPair } | null = null;

function opened(current: Session, detail: HelpingDetail, now: number) {
  const share = openHelperShare(
    detail.sealedShare,
    { publicKey: current.identity.boxPublicKey, secretKey: current.identity.boxSecretKey },
    { username: detail.username, helper: current.username },
  );
  if (detail.start === null) return { share, waitOver: false };
  const start = { helperId: detail.helperId, ...detail.start };
  // her sealed wait and this helper's own signed start decide, not what the server says
  const waitOver = waitIsOver(start, current.identity.signPublicKey, share.waitDays, now);
  return { share, waitOver };
}

export const trustedHandlers: Handlers<TrustedOp> = {
  helperCodeForKeys(state, { signPublicKey, boxPublicKey }) {
    const current = requireSession(state);
    const code = helperCode(
      current.username,
      fromBase64Url(signPublicKey),
      fromBase64Url(boxPublicKey),
    );
    return { code };
  },

  ownHelperCode(state, { forUsername }) {
    const { identity } = requireSession(state);
    return { code: helperCode(forUsername, identity.signPublicKey, identity.boxPublicKey) };
  },

  helperSetup(state, { helperUsername, boxPublicKey, waitDays }) {
    const current = requireSession(state);
    return createHelperSetup(
      current.username,
      current.accountKey,
      { username: helperUsername, boxPublicKey: fromBase64Url(boxPublicKey) },
      waitDays,
    );
  },

  signTrustedStart(state, { helperId, startedAt }) {
    const { identity } = requireSession(state);
    return { signature: signStart(helperId, startedAt, identity.signSecretKey) };
  },

  checkHandover(state, { detail, now }) {
    const current = requireSession(state);
    const { share, waitOver } = opened(current, detail, now);
    share.share.fill(0);
    const code =
      waitOver && detail.handover !== null
        ? handoverCode(detail.username, fromBase64Url(detail.handover.boxPublicKey))
        : null;
    return { waitOver, code, waitDays: share.waitDays };
  },

  sealTrustedHandover(state, { detail, now }) {
    const current = requireSession(state);
    const { share, waitOver } = opened(current, detail, now);
    if (!waitOver || detail.serverShare === undefined || detail.handover === null) {
      share.share.fill(0);
      throw new WorkerFailure('malformed', 'The waiting period is not over on this device.');
    }
    const secret = trustedSecret(share.share, fromBase64Url(detail.serverShare));
    share.share.fill(0);
    const sealed = sealHandover(
      detail.username,
      secret,
      fromBase64Url(detail.handover.boxPublicKey),
    );
    secret.fill(0);
    return { sealed };
  },

  newHandoverKey(_state, { username }) {
    handoverKeys?.keys.secretKey.fill(0);
    const name = normaliseUsername(username);
    handoverKeys = { username: name, keys: boxKeyPair() };
    const { publicKey } = handoverKeys.keys;
    return { boxPublicKey: toBase64Url(publicKey), code: handoverCode(name, publicKey) };
  },

  loginTrusted(state, { username, sealed, trustWrappedAccountKey, prelogin }) {
    const name = normaliseUsername(username);
    if (handoverKeys === null || handoverKeys.username !== name)
      throw new WorkerFailure('locked', 'No hand-over key on this device.');
    const secret = openHandover(sealed, handoverKeys.keys, name);
    handoverKeys.keys.secretKey.fill(0);
    handoverKeys = null;
    wipeState(state);
    const { wrapKey, loginKeyPair } = deriveTrustedSecrets(secret);
    secret.fill(0);
    const signature = signLoginProof(
      loginKeyPair.secretKey,
      'login',
      name,
      fromBase64Url(prelogin.challenge),
    );
    // kept until the new passphrase is set: it proves the change, and the server then spends it
    state.pendingUnlock = {
      username: name,
      wrapKey,
      recoveryProofKey: loginKeyPair.secretKey,
      trustedWrapped: trustWrappedAccountKey,
    };
    return { signature: toBase64Url(signature) };
  },
};
