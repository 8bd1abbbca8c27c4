import { describe, it, expect } from 'vitest';
import {
  adAccountKey,
  adKeyring,
  adSection,
  loginProofMessage,
  normaliseUsername,
  utf8Decode,
  versionSignatureContext,
  type Section,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, sequence } from './fixtures.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw'; // bytes 00…0f

describe('usernames', () => {
  it('trims, composes (NFC) and lower-cases, idempotently', () => {
    expect(normaliseUsername('  Zoë  ')).toBe('zoë');
    expect(normaliseUsername('Zoe\u0308')).toBe('zo\u00eb');
    expect(normaliseUsername('ANNA.de.VRIES')).toBe('anna.de.vries');
    for (const name of ['  Zoë ', 'İlse', 'ÅSA', 'Straße']) {
      expect(normaliseUsername(normaliseUsername(name))).toBe(normaliseUsername(name));
    }
  });
});

describe('associated data', () => {
  it('builds the contexts of architecture.md', () => {
    expect(adAccountKey(' Sanne ', 'passphrase')).toBe('account-key|passphrase|sanne');
    expect(adAccountKey('sanne', 'recovery')).toBe('account-key|recovery|sanne');
    expect(adKeyring('Sanne')).toBe('keyring|sanne');
    expect(adSection(MAP_ID, 3, 12, 'detail')).toBe(`section|${MAP_ID}|3|12|detail`);
    expect(utf8Decode(versionSignatureContext(MAP_ID, 12))).toBe(`nk1|version|${MAP_ID}|12`);
    const challenge = sequence(16);
    expect(utf8Decode(loginProofMessage('passphrase-change', 'Sanne', challenge))).toBe(
      `nk1|login|passphrase-change|sanne|${MAP_ID}`,
    );
  });

  it('rejects anything that could make two places share a context', () => {
    expectCryptoError(() => adKeyring('   '), 'malformed');
    expectCryptoError(() => adAccountKey('sanne', 'email' as 'passphrase'), 'malformed');
    expectCryptoError(() => adSection('not|an|id', 1, 1, 'base'), 'malformed');
    expectCryptoError(() => adSection(`${MAP_ID}A`, 1, 1, 'base'), 'malformed');
    expectCryptoError(() => adSection(MAP_ID, -1, 1, 'base'), 'malformed');
    expectCryptoError(() => adSection(MAP_ID, 2 ** 32, 1, 'base'), 'malformed');
    expectCryptoError(() => adSection(MAP_ID, 1, 0, 'base'), 'malformed');
    expectCryptoError(() => adSection(MAP_ID, 1, 1.5, 'base'), 'malformed');
    expectCryptoError(() => adSection(MAP_ID, 1, 1, 'notes' as Section), 'malformed');
    expectCryptoError(() => versionSignatureContext(MAP_ID, 0), 'malformed');
    expectCryptoError(() => loginProofMessage('login', 'sanne', sequence(8)), 'malformed');
    expectCryptoError(
      () => loginProofMessage('reset' as 'login', 'sanne', sequence(16)),
      'malformed',
    );
  });
});
