// Pure client logic: the passphrase strength words, with zxcvbn-ts and its Dutch and English dictionaries.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_PASSPHRASES,
  loadEstimator,
  passphraseStrength,
  quotedExample,
  type Estimator,
} from '../../../../client/account/passphrase-strength.js';
import { templates as enTemplates } from '../../../../client/locales/en.js';
import { templates as arTemplates } from '../../../../client/locales/ar.js';

let estimate: Estimator;

beforeAll(async () => {
  estimate = await loadEstimator();
});

describe('passphrase strength', () => {
  it('explains in plain steps', () => {
    const of = (passphrase: string, username = '') =>
      passphraseStrength(passphrase, username, estimate);
    expect(of('').reason).toBe('empty');
    expect(of('kort').reason).toBe('too-short');
    expect(of('wachtwoord123').reason).toBe('common');
    expect(of('aaaaaaaaaaaaaa').reason).toBe('repetitive');
    expect(of('zeynep-2024-geheim', 'zeynep').reason).toBe('common');
    expect(of('blauwe fiets onder de lindeboom')).toEqual({
      level: 3,
      reason: 'strong',
      allowed: true,
    });
    expect(of('welkom01welkom').allowed).toBe(true);
    // Dutch words from the nl-be dictionary count as easy, not as random letters.
    for (const dutch of ['verjaardag12', 'boterhammen1', 'slaapkamer12'])
      expect(of(dutch), dutch).toMatchObject({ reason: 'common', allowed: false });
  });

  it('refuses the tip’s own example, also dressed up, in every language', () => {
    for (const example of [
      'groene fiets onder de appelboom',
      'Groene fiets onder de appelboom!',
      'groene-fiets-onder-de-appelboom 2026',
      'GroeneFietsOnderDeAppelboom',
      'green bike under the apple tree',
      'دراجة خضراء تحت شجرة التفاح',
    ]) {
      const strength = passphraseStrength(example, '', estimate);
      expect(strength, example).toMatchObject({ reason: 'example', allowed: false });
    }
  });

  it('finds the example the translated hint quotes', () => {
    const en = enTemplates['register.passphraseHint'];
    const ar = arTemplates['register.passphraseHint'];
    for (const hint of [en, ar]) {
      const text = typeof hint === 'string' ? hint : hint.strings.join('12');
      const quoted = quotedExample(text);
      expect(quoted, text).not.toBeNull();
      expect(EXAMPLE_PASSPHRASES).toContain(quoted);
    }
  });

  it('allows nothing while the dictionaries are still on their way', () => {
    expect(passphraseStrength('blauwe fiets onder de lindeboom')).toEqual({
      level: 0,
      reason: 'checking',
      allowed: false,
    });
  });
});
