import { describe, it, expect } from 'vitest';
import {
  adAccountKey,
  adCard,
  adInviteInfo,
  adLogRecord,
  adKeyring,
  adSection,
  adSectionInEpoch,
  adVersionSignature,
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
    expect(adSectionInEpoch(MAP_ID, 3, 'private')).toBe(`section|${MAP_ID}|3|private`);
    expect(adVersionSignature(MAP_ID, 3, 12)).toBe(`signature|${MAP_ID}|3|12`);
    expect(adLogRecord(MAP_ID, 7, 2)).toBe(`log|${MAP_ID}|7|2`);
    expect(adCard(MAP_ID, MAP_ID, 2, 4)).toBe(`card|${MAP_ID}|${MAP_ID}|2|4`);
    expect(adInviteInfo(MAP_ID)).toBe(`invite-info|${MAP_ID}`);
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
    expectCryptoError(() => adSectionInEpoch(MAP_ID, -1, 'base'), 'malformed');
    expectCryptoError(() => adSectionInEpoch(MAP_ID, 1, 'notes' as Section), 'malformed');
    expectCryptoError(() => adVersionSignature(MAP_ID, 1, 0), 'malformed');
    expectCryptoError(() => adVersionSignature('x', 1, 1), 'malformed');
    expectCryptoError(() => adLogRecord(MAP_ID, 0, 1), 'malformed');
    expectCryptoError(() => adLogRecord(MAP_ID, 1, 2 ** 32), 'malformed');
    expectCryptoError(() => adCard(MAP_ID, 'slot|1', 1, 1), 'malformed');
    expectCryptoError(() => adCard(MAP_ID, MAP_ID, 1, 0), 'malformed');
    expectCryptoError(() => adInviteInfo('short'), 'malformed');
    expectCryptoError(() => loginProofMessage('login', 'sanne', sequence(8)), 'malformed');
    expectCryptoError(
      () => loginProofMessage('reset' as 'login', 'sanne', sequence(16)),
      'malformed',
    );
  });
});
