// Trusted-person recovery (decision 0026): the codes people compare, the sealed share and the hand-over.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createHelperSetup,
  deriveTrustedSecrets,
  fromBase64Url,
  handoverCode,
  helperCode,
  loadSodium,
  openHandover,
  openHelperShare,
  sealHandover,
  signStart,
  trustedSecret,
  waitIsOver,
} from '../../../shared/crypto/index.js';
import {
  boxKeyPair,
  randomBytes,
  signKeyPair,
  type KeyPair,
} from '../../../shared/crypto/sodium.js';
import { expectCryptoError } from './fixtures.js';

const FORMAT = /^\d{4} \d{4} \d{4}$/;
const DAY = 24 * 60 * 60 * 1000;

describe('trusted recovery', () => {
  let helperBox: KeyPair;
  let helperSign: KeyPair;
  beforeAll(async () => {
    await loadSodium();
    helperBox = boxKeyPair();
    helperSign = signKeyPair();
  });

  it('the helper code is twelve digits, the same for the same name and keys, another for another name or key', () => {
    const code = helperCode('Noor', helperSign.publicKey, helperBox.publicKey);
    expect(code).toMatch(FORMAT);
    expect(helperCode(' noor ', helperSign.publicKey, helperBox.publicKey)).toBe(code);
    expect(helperCode('lina', helperSign.publicKey, helperBox.publicKey)).not.toBe(code);
    expect(helperCode('noor', helperSign.publicKey, boxKeyPair().publicKey)).not.toBe(code);
    expect(handoverCode('noor', helperBox.publicKey)).toMatch(FORMAT);
    expect(handoverCode('noor', helperBox.publicKey)).not.toBe(code);
  });

  it('the share opens only for the helper, names her and the wait she chose; both shares make the secret that unwraps her key', () => {
    const accountKey = randomBytes(32);
    const setup = createHelperSetup(
      'noor',
      accountKey,
      { username: 'vera', boxPublicKey: helperBox.publicKey },
      7,
    );
    const share = openHelperShare(setup.sealedShare, helperBox, {
      username: 'noor',
      helper: 'vera',
    });
    expect(share.waitDays).toBe(7);
    expectCryptoError(
      () => openHelperShare(setup.sealedShare, boxKeyPair(), { username: 'noor', helper: 'vera' }),
      'decrypt-failure',
    );
    expectCryptoError(
      () => openHelperShare(setup.sealedShare, helperBox, { username: 'lina', helper: 'vera' }),
      'malformed',
    );
    const secret = trustedSecret(share.share, fromBase64Url(setup.serverShare));
    const { loginKeyPair } = deriveTrustedSecrets(secret);
    expect(loginKeyPair.publicKey).toEqual(fromBase64Url(setup.trustLoginPublicKey));
    // one share alone gives another secret
    expect(trustedSecret(randomBytes(32), fromBase64Url(setup.serverShare))).not.toEqual(secret);
    expectCryptoError(
      () =>
        createHelperSetup(
          'noor',
          accountKey,
          { username: 'vera', boxPublicKey: helperBox.publicKey },
          5 as 7,
        ),
      'malformed',
    );
  });

  it('the wait counts from the helper’s own signed start, by the helper’s clock', () => {
    const startedAt = Date.UTC(2026, 11, 1);
    const start = {
      helperId: 'AAECAwQFBgcICQoLDA0ODw',
      startedAt,
      signature: signStart('AAECAwQFBgcICQoLDA0ODw', startedAt, helperSign.secretKey),
    };
    expect(waitIsOver(start, helperSign.publicKey, 3, startedAt + 3 * DAY - 1)).toBe(false);
    expect(waitIsOver(start, helperSign.publicKey, 3, startedAt + 3 * DAY)).toBe(true);
    expectCryptoError(
      () =>
        waitIsOver(
          { ...start, startedAt: startedAt - DAY },
          helperSign.publicKey,
          3,
          startedAt + 3 * DAY,
        ),
      'bad-signature',
    );
  });

  it('the hand-over opens only on her new device and only names her', () => {
    const device = boxKeyPair();
    const secret = randomBytes(32);
    const sealed = sealHandover('noor', secret, device.publicKey);
    expect(openHandover(sealed, device, 'Noor')).toEqual(secret);
    expectCryptoError(() => openHandover(sealed, boxKeyPair(), 'noor'), 'decrypt-failure');
    expectCryptoError(() => openHandover(sealed, device, 'lina'), 'malformed');
  });
});
