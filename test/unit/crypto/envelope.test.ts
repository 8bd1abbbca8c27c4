import { createDecipheriv } from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adKeyring,
  adSection,
  decryptEnvelope,
  encryptEnvelope,
  loadSodium,
  newId,
  utf8Decode,
  utf8Encode,
} from '../../../shared/crypto/index.js';
import { encryptEnvelopeWithNonce } from '../../../shared/crypto/envelope.js';
import { padmeLength } from '../../../shared/crypto/padding.js';
import { expectCryptoError, flipByte, hex, sequence } from './fixtures.js';

const KEY = sequence(32); // 00 01 … 1f
const NONCE = sequence(24, 0x40); // 40 41 … 57
const CONTEXT = adKeyring('sanne');
const VECTOR =
  '01' +
  '404142434445464748494a4b4c4d4e4f5051525354555657' +
  'bc58691cbf602d0313316923d080b0211be42462bce6';

/** Independent XChaCha20-Poly1305 decryption: HChaCha20 subkey, then Node's ChaCha20-Poly1305. */
function referenceOpen(key: Uint8Array, envelope: Uint8Array, ad: Uint8Array): Uint8Array {
  const nonce = envelope.subarray(1, 25);
  const body = envelope.subarray(25);
  const subkey = sodium.crypto_core_hchacha20(nonce.subarray(0, 16), key, null);
  const iv = new Uint8Array(12);
  iv.set(nonce.subarray(16), 4);
  const decipher = createDecipheriv('chacha20-poly1305', subkey, iv, { authTagLength: 16 });
  decipher.setAAD(ad, { plaintextLength: body.length - 16 });
  decipher.setAuthTag(body.subarray(body.length - 16));
  const plain = decipher.update(body.subarray(0, body.length - 16));
  decipher.final();
  return new Uint8Array(plain);
}

describe('envelope', () => {
  beforeAll(loadSodium);

  it('produces the fixed vector for a fixed key and nonce', () => {
    const envelope = encryptEnvelopeWithNonce(KEY, utf8Encode('hallo'), CONTEXT, NONCE);
    expect(hex(envelope)).toBe(VECTOR);
    expect(envelope.length).toBe(1 + 24 + padmeLength(6) + 16);
  });

  it('agrees with an independent XChaCha20-Poly1305 (padding: 0x80 marker)', () => {
    const envelope = encryptEnvelopeWithNonce(KEY, utf8Encode('hallo'), CONTEXT, NONCE);
    const padded = referenceOpen(KEY, envelope, utf8Encode('nk1|keyring|sanne'));
    expect(hex(padded)).toBe(`${hex(utf8Encode('hallo'))}80`);
  });

  it('round-trips, with a fresh nonce each time', () => {
    const key = sodium.randombytes_buf(32);
    const a = encryptEnvelope(key, utf8Encode('Oma Els'), CONTEXT);
    const b = encryptEnvelope(key, utf8Encode('Oma Els'), CONTEXT);
    expect(hex(a.subarray(1, 25))).not.toBe(hex(b.subarray(1, 25)));
    expect(utf8Decode(decryptEnvelope(key, a, CONTEXT))).toBe('Oma Els');
    expect(
      decryptEnvelope(key, encryptEnvelope(key, new Uint8Array(0), CONTEXT), CONTEXT),
    ).toHaveLength(0);
  });

  it('pads sizes into buckets', () => {
    const sizeOf = (n: number): number => encryptEnvelope(KEY, new Uint8Array(n), CONTEXT).length;
    expect(sizeOf(1000)).toBe(sizeOf(1020));
    expect(sizeOf(1000)).toBe(1 + 24 + 16 + 1024);
  });

  it('fails with decrypt-failure on one changed byte in nonce, ciphertext or tag', () => {
    const envelope = encryptEnvelopeWithNonce(KEY, utf8Encode('hallo'), CONTEXT, NONCE);
    for (const index of [1, 24, 25, 30, envelope.length - 16, envelope.length - 1]) {
      expectCryptoError(
        () => decryptEnvelope(KEY, flipByte(envelope, index), CONTEXT),
        'decrypt-failure',
      );
    }
  });

  it('fails with decrypt-failure under a wrong key or wrong context', () => {
    const envelope = encryptEnvelope(KEY, utf8Encode('hallo'), CONTEXT);
    expectCryptoError(() => decryptEnvelope(sequence(32, 1), envelope, CONTEXT), 'decrypt-failure');
    expectCryptoError(() => decryptEnvelope(KEY, envelope, adKeyring('sanne2')), 'decrypt-failure');
  });

  it('cannot be moved to another map, epoch, version or section', () => {
    const mapId = newId();
    const envelope = encryptEnvelope(KEY, utf8Encode('{}'), adSection(mapId, 2, 7, 'detail'));
    expect(decryptEnvelope(KEY, envelope, adSection(mapId, 2, 7, 'detail'))).toHaveLength(2);
    for (const moved of [
      adSection(newId(), 2, 7, 'detail'),
      adSection(mapId, 3, 7, 'detail'),
      adSection(mapId, 2, 8, 'detail'),
      adSection(mapId, 2, 7, 'base'),
    ]) {
      expectCryptoError(() => decryptEnvelope(KEY, envelope, moved), 'decrypt-failure');
    }
  });

  it('rejects an unknown version byte with unsupported-version', () => {
    const envelope = encryptEnvelope(KEY, utf8Encode('hallo'), CONTEXT);
    for (const version of [0x00, 0x02, 0xff]) {
      const changed = envelope.slice();
      changed[0] = version;
      expectCryptoError(() => decryptEnvelope(KEY, changed, CONTEXT), 'unsupported-version');
    }
  });

  it('rejects truncated input and bad lengths with malformed', () => {
    const envelope = encryptEnvelope(KEY, utf8Encode('hallo'), CONTEXT);
    expectCryptoError(() => decryptEnvelope(KEY, new Uint8Array(0), CONTEXT), 'malformed');
    for (const length of [1, 25, 41]) {
      expectCryptoError(
        () => decryptEnvelope(KEY, envelope.slice(0, length), CONTEXT),
        'malformed',
      );
    }
    // long enough to try, but the tag no longer matches
    expectCryptoError(
      () => decryptEnvelope(KEY, envelope.slice(0, -1), CONTEXT),
      'decrypt-failure',
    );
    expectCryptoError(() => decryptEnvelope(KEY.subarray(1), envelope, CONTEXT), 'malformed');
    expectCryptoError(
      () => encryptEnvelope(new Uint8Array(16), utf8Encode('x'), CONTEXT),
      'malformed',
    );
    expectCryptoError(() => encryptEnvelope(KEY, utf8Encode('x'), ''), 'malformed');
    expectCryptoError(
      () => encryptEnvelopeWithNonce(KEY, utf8Encode('x'), CONTEXT, new Uint8Array(12)),
      'malformed',
    );
  });

  it('reports padding that is wrong after authentication as malformed', () => {
    // a key holder could encrypt unpadded bytes with raw libsodium
    const ad = utf8Encode(`nk1|${CONTEXT}`);
    const raw = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      new Uint8Array(8),
      ad,
      null,
      NONCE,
      KEY,
    );
    const envelope = new Uint8Array([1, ...NONCE, ...raw]);
    expectCryptoError(() => decryptEnvelope(KEY, envelope, CONTEXT), 'malformed');
  });
});
