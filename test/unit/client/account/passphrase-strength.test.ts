// Pure client logic: the passphrase strength words.
import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../../client/account/passphrase-strength.js';

describe('passphrase strength', () => {
  it('explains in plain steps', () => {
    expect(passphraseStrength('').reason).toBe('empty');
    expect(passphraseStrength('kort').reason).toBe('too-short');
    expect(passphraseStrength('wachtwoord123').reason).toBe('common');
    expect(passphraseStrength('aaaaaaaaaaaaaa').reason).toBe('repetitive');
    expect(passphraseStrength('mijnsterkezin').reason).toBe('fair');
    expect(passphraseStrength('groene fiets onder de appelboom').reason).toBe('strong');
    expect(passphraseStrength('zeynep-2024-geheim', 'zeynep').reason).toBe('common');
  });
});
