// Recovery through a person she trusts (decision 0026): a secret split between the helper and the server.
import { adAccountKey, normaliseUsername } from './ad.js';
import { encryptEnvelope } from './envelope.js';
import { CryptoError } from './errors.js';
import {
  concatBytes,
  expectBytes,
  fromBase64Url,
  toBase64Url,
  utf8Decode,
  utf8Encode,
} from './encoding.js';
import { SAFETY_CODE_KDF } from './safety-code.js';
import {
  argon2id,
  blake2b,
  blake2bKeyed,
  boxSeal,
  boxSealOpen,
  kdfDerive,
  randomBytes,
  signDetached,
  signSeedKeyPair,
  signVerifyDetached,
  SIZES,
  wipe,
  type KeyPair,
} from './sodium.js';

const TRUSTED_CONTEXT = 'nktrust1';
const CODE_SALT = utf8Encode('nk1|helper-code1');
/** The waiting periods she can choose, in days. */
export const TRUSTED_WAIT_DAYS = [3, 7] as const;
export type TrustedWaitDays = (typeof TRUSTED_WAIT_DAYS)[number];
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the helper's share, sealed to her box key, says: her name, the helper's, the wait she chose. */
export type SealedShareContent = { username: string; helper: string; waitDays: TrustedWaitDays };

/** The 32-byte trusted secret from both shares: neither share alone says anything about it. */
export function trustedSecret(helperShare: Uint8Array, serverShare: Uint8Array): Uint8Array {
  expectBytes(helperShare, 'helper share', SIZES.key);
  expectBytes(serverShare, 'server share', SIZES.key);
  return blake2bKeyed(concatBytes(utf8Encode('nk1|trusted-secret|1|'), helperShare), serverShare);
}

/** Trusted secret → wrapKey = kdf(T, 1, "nktrust1"), login key pair from kdf(T, 2, "nktrust1"). */
export function deriveTrustedSecrets(secret: Uint8Array): {
  wrapKey: Uint8Array;
  loginKeyPair: KeyPair;
} {
  expectBytes(secret, 'trusted secret', SIZES.key);
  const wrapKey = kdfDerive(secret, 1, TRUSTED_CONTEXT);
  const seed = kdfDerive(secret, 2, TRUSTED_CONTEXT);
  const loginKeyPair = signSeedKeyPair(seed);
  wipe(seed);
  return { wrapKey, loginKeyPair };
}

function codeOf(label: string, username: string, keys: Uint8Array[]): string {
  const name = utf8Encode(normaliseUsername(username));
  const digest = blake2b(
    concatBytes(utf8Encode(`nk1|${label}|1|`), name, utf8Encode('|'), ...keys),
  );
  const { opsLimit, memLimit } = SAFETY_CODE_KDF;
  // slow on purpose: a server that swaps a key must grind ~10^12 Argon2id runs to match 12 digits
  const bytes = argon2id(18, digest, CODE_SALT, opsLimit, memLimit);
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let value = 0;
    for (let i = 0; i < 6; i++) value = value * 256 + (bytes[g * 6 + i] ?? 0);
    groups.push(String(value % 10_000).padStart(4, '0'));
  }
  return groups.join(' ');
}

/**
 * The code she and her helper compare when she chooses the helper: twelve digits over her username
 * and the helper's two public keys. Her device computes it from the keys the server served, the
 * helper's from its own keys; a swapped key gives another code.
 */
export function helperCode(
  username: string,
  helperSign: Uint8Array,
  helperBox: Uint8Array,
): string {
  expectBytes(helperSign, 'helper sign key', SIZES.signPublicKey);
  expectBytes(helperBox, 'helper box key', SIZES.boxPublicKey);
  return codeOf('helper-code', username, [helperSign, helperBox]);
}

/** The code of a hand-over: her new device's fresh box key, compared by her and her helper. */
export function handoverCode(username: string, boxPublicKey: Uint8Array): string {
  expectBytes(boxPublicKey, 'hand-over key', SIZES.boxPublicKey);
  return codeOf('handover-code', username, [boxPublicKey]);
}

/** What her device sends to name a helper: the sealed share, the server's share, the trusted login key and wrap. */
export type HelperSetup = {
  sealedShare: string;
  serverShare: string;
  trustLoginPublicKey: string;
  trustWrappedAccountKey: string;
};

/** Made on her device from her unlocked account key, for a helper whose keys she verified by code. */
export function createHelperSetup(
  username: string,
  accountKey: Uint8Array,
  helper: { username: string; boxPublicKey: Uint8Array },
  waitDays: TrustedWaitDays,
): HelperSetup {
  expectBytes(accountKey, 'account key', SIZES.key);
  if (!TRUSTED_WAIT_DAYS.includes(waitDays)) throw new CryptoError('malformed', 'wait days');
  const name = normaliseUsername(username);
  const helperShare = randomBytes(SIZES.key);
  const serverShare = randomBytes(SIZES.key);
  const secret = trustedSecret(helperShare, serverShare);
  const { wrapKey, loginKeyPair } = deriveTrustedSecrets(secret);
  const content: SealedShareContent = {
    username: name,
    helper: normaliseUsername(helper.username),
    waitDays,
  };
  const plain = utf8Encode(JSON.stringify({ v: 1, share: toBase64Url(helperShare), ...content }));
  const setup: HelperSetup = {
    sealedShare: toBase64Url(
      boxSeal(plain, expectBytes(helper.boxPublicKey, 'helper box key', 32)),
    ),
    serverShare: toBase64Url(serverShare),
    trustLoginPublicKey: toBase64Url(loginKeyPair.publicKey),
    trustWrappedAccountKey: toBase64Url(
      encryptEnvelope(wrapKey, accountKey, adAccountKey(name, 'trusted')),
    ),
  };
  for (const bytes of [helperShare, secret, wrapKey, loginKeyPair.secretKey, plain]) wipe(bytes);
  return setup;
}

/** The helper's device opens its share; it must be for the account and helper it expects. */
export function openHelperShare(
  sealedShare: string,
  helperBox: KeyPair,
  expected: { username: string; helper: string },
): SealedShareContent & { share: Uint8Array } {
  let parsed: unknown;
  try {
    const plain = boxSealOpen(fromBase64Url(sealedShare), helperBox.publicKey, helperBox.secretKey);
    parsed = JSON.parse(utf8Decode(plain));
  } catch {
    throw new CryptoError('decrypt-failure', 'the share does not open with this key');
  }
  const p = parsed as Record<string, unknown>;
  const ok =
    typeof p === 'object' &&
    p !== null &&
    p.v === 1 &&
    typeof p.share === 'string' &&
    p.username === normaliseUsername(expected.username) &&
    p.helper === normaliseUsername(expected.helper) &&
    TRUSTED_WAIT_DAYS.includes(p.waitDays as TrustedWaitDays);
  // a share moved to another account's request names the wrong person
  if (!ok) throw new CryptoError('malformed', 'the share is for someone else');
  return {
    share: expectBytes(fromBase64Url(p.share as string), 'share', SIZES.key),
    username: p.username as string,
    helper: p.helper as string,
    waitDays: p.waitDays as TrustedWaitDays,
  };
}

/** The helper's signature over the start of a recovery, at the time of her own device. */
export function startMessage(helperId: string, startedAt: number): Uint8Array {
  return utf8Encode(`nk1|trusted-start|1|${helperId}|${startedAt}`);
}

export function signStart(helperId: string, startedAt: number, signSecretKey: Uint8Array): string {
  return toBase64Url(signDetached(startMessage(helperId, startedAt), signSecretKey));
}

/**
 * The helper's device: may it hand over now? Only when its own signed start is at least the wait she
 * sealed (not what the server says) in the past, by this device's clock.
 */
export function waitIsOver(
  start: { helperId: string; startedAt: number; signature: string },
  signPublicKey: Uint8Array,
  waitDays: TrustedWaitDays,
  now: number,
): boolean {
  let signed: boolean;
  try {
    signed = signVerifyDetached(
      fromBase64Url(start.signature),
      startMessage(start.helperId, start.startedAt),
      signPublicKey,
    );
  } catch {
    signed = false;
  }
  if (!signed) throw new CryptoError('bad-signature', 'the start was not signed by this helper');
  return now >= start.startedAt + waitDays * DAY_MS;
}

/** Seals the trusted secret to her new device's box key (after the two compared the hand-over code). */
export function sealHandover(
  username: string,
  secret: Uint8Array,
  boxPublicKey: Uint8Array,
): string {
  expectBytes(secret, 'trusted secret', SIZES.key);
  const plain = utf8Encode(
    JSON.stringify({ v: 1, username: normaliseUsername(username), secret: toBase64Url(secret) }),
  );
  const sealed = toBase64Url(boxSeal(plain, expectBytes(boxPublicKey, 'hand-over key', 32)));
  wipe(plain);
  return sealed;
}

/** Her new device opens the hand-over with its fresh key pair; it must name her. */
export function openHandover(sealed: string, box: KeyPair, username: string): Uint8Array {
  let parsed: Record<string, unknown>;
  try {
    const plain = boxSealOpen(fromBase64Url(sealed), box.publicKey, box.secretKey);
    parsed = JSON.parse(utf8Decode(plain)) as Record<string, unknown>;
  } catch {
    throw new CryptoError('decrypt-failure', 'the hand-over does not open with this key');
  }
  if (
    parsed.v !== 1 ||
    parsed.username !== normaliseUsername(username) ||
    typeof parsed.secret !== 'string'
  )
    throw new CryptoError('malformed', 'the hand-over is for someone else');
  return expectBytes(fromBase64Url(parsed.secret), 'trusted secret', SIZES.key);
}
