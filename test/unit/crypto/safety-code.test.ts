// The safety code: keyed by the invite secret (the server cannot compute it) and long and slow enough
// that grinding key pairs until two codes match gets nowhere.
import { beforeAll, describe, expect, it } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  createInvite,
  deriveInviteKeys,
  loadSodium,
  SAFETY_CODE_KDF,
  safetyCode,
  toBase64Url,
  utf8Encode,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, sequence } from './fixtures.js';
import { person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';
const FORMAT = /^\d{4} \d{4} \d{4}$/;

describe('safety code', () => {
  beforeAll(loadSodium);

  it('is the same on both devices, twelve digits, and changes with any key or the invite', () => {
    const parent = person('Sanne', 'owner');
    const joiner = person('Noor', 'professional');
    const invite = deriveInviteKeys(toBase64Url(sodium.randombytes_buf(32)));
    const code = safetyCode(invite, parent.signer.publicKey, joiner.signer.publicKey);
    expect(code).toMatch(FORMAT);
    expect(safetyCode(invite, joiner.signer.publicKey, parent.signer.publicKey)).toBe(code);
    const other = person('Other', 'professional');
    expect(safetyCode(invite, parent.signer.publicKey, other.signer.publicKey)).not.toBe(code);
    const another = deriveInviteKeys(toBase64Url(sodium.randombytes_buf(32)));
    expect(safetyCode(another, parent.signer.publicKey, joiner.signer.publicKey)).not.toBe(code);
    expectCryptoError(
      () => safetyCode(invite, parent.signer.publicKey.subarray(1), joiner.signer.publicKey),
      'malformed',
    );
    expectCryptoError(
      () =>
        safetyCode({ ...invite, inviteId: 'x' }, parent.signer.publicKey, joiner.signer.publicKey),
      'malformed',
    );
  });

  it('follows the documented bytes (fixed vector)', () => {
    const root = sequence(32);
    const invite = deriveInviteKeys(toBase64Url(root));
    const low = sequence(32, 1);
    const high = sequence(32, 2);
    const key = sodium.crypto_kdf_derive_from_key(32, 2, 'nkjoin02', root);
    const label = utf8Encode(`nk1|safety-code|2|${invite.inviteId}|`);
    const mac = sodium.crypto_generichash(32, new Uint8Array([...label, ...low, ...high]), key);
    const stretched = sodium.crypto_pwhash(
      18,
      mac,
      utf8Encode('nk1|safety-code2'),
      SAFETY_CODE_KDF.opsLimit,
      SAFETY_CODE_KDF.memLimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    const groups = [0, 1, 2].map((g) => {
      const hex = Buffer.from(stretched.subarray(g * 6, g * 6 + 6)).toString('hex');
      return String(BigInt(`0x${hex}`) % 10_000n).padStart(4, '0');
    });
    expect(safetyCode(invite, high, low)).toBe(groups.join(' '));
  });

  it('cannot be computed from what the server knows, nor ground under a time budget', () => {
    // the server knows both identity keys, the invite id and the invite's public keys
    const parent = person('Sanne', 'owner');
    const joiner = person('Noor', 'professional');
    const invite = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1_800_000_000_000,
      kind: 'link',
    });
    const onJoiner = safetyCode(invite.keys, parent.signer.publicKey, joiner.signer.publicKey);
    // without the secret, its best guess of the key is anything it holds or invents
    const guessedKeys = [
      invite.verifyPublicKey,
      invite.boxKeyPair.publicKey,
      new Uint8Array(32),
      sodium.crypto_generichash(32, utf8Encode(invite.inviteId), null),
    ];
    for (const safetyKey of guessedKeys) {
      const guess = { inviteId: invite.inviteId, safetyKey };
      expect(safetyCode(guess, parent.signer.publicKey, joiner.signer.publicKey)).not.toBe(
        onJoiner,
      );
    }
    // grinding: even an attacker holding the secret (a stolen link) tries key pairs for 2 s, until
    // the parent's code for its key equals the joiner's; each try costs one Argon2id run
    const budgetMs = 2000;
    const started = Date.now();
    let tries = 0;
    let matched = false;
    while (Date.now() - started < budgetMs) {
      const attacker = sodium.crypto_sign_keypair();
      tries += 1;
      if (safetyCode(invite.keys, parent.signer.publicKey, attacker.publicKey) === onJoiner) {
        matched = true;
      }
    }
    expect(matched).toBe(false);
    // expected tries for one match: 10^12; at this rate that is far beyond the invite's 7 days
    const perSecond = tries / (budgetMs / 1000);
    const yearsOnOneCore = 1e12 / perSecond / (365 * 24 * 3600);
    console.log(
      `safety code grinding: ${tries} tries in 2 s, ~${yearsOnOneCore.toFixed(0)} core-years`,
    );
    expect(yearsOnOneCore).toBeGreaterThan(100);
  });
});
