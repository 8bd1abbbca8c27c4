/** A rough, explainable strength estimate for a passphrase (no dictionary download). */

export const MIN_PASSPHRASE_LENGTH = 12;

/** 0 = not allowed yet, 1 = easy to guess, 2 = fair, 3 = strong. */
export type StrengthLevel = 0 | 1 | 2 | 3;

export interface Strength {
  readonly level: StrengthLevel;
  /** Why, as a key the screen turns into words. */
  readonly reason: 'empty' | 'too-short' | 'common' | 'repetitive' | 'fair' | 'strong';
}

const COMMON = [
  'wachtwoord',
  'password',
  'welkom',
  'welcome',
  'qwerty',
  'azerty',
  'letmein',
  'iloveyou',
  'ikhouvanjou',
  'geheim',
  'netwerkkaart',
  'abcdef',
  '123456',
];

function characterClasses(text: string): number {
  let classes = 0;
  if (/[a-z]/.test(text)) classes++;
  if (/[A-Z]/.test(text)) classes++;
  if (/[0-9]/.test(text)) classes++;
  if (/[^a-zA-Z0-9]/.test(text)) classes++;
  return classes;
}

/** Estimates the strength of `passphrase`, optionally checking it does not contain the username. */
export function passphraseStrength(passphrase: string, username = ''): Strength {
  if (passphrase.length === 0) return { level: 0, reason: 'empty' };
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return { level: 0, reason: 'too-short' };
  const lower = passphrase.toLowerCase();
  const user = username.trim().toLowerCase();
  if (COMMON.some((word) => lower.includes(word)) || (user.length >= 3 && lower.includes(user))) {
    return { level: 1, reason: 'common' };
  }
  const distinct = new Set(lower.replace(/\s/g, '')).size;
  if (distinct < 5) return { level: 1, reason: 'repetitive' };
  const words = passphrase
    .trim()
    .split(/[\s\-_.,]+/)
    .filter((word) => word.length >= 2);
  const length = [...passphrase].length;
  if (words.length >= 4 || length >= 20 || (length >= 16 && characterClasses(passphrase) >= 3)) {
    return { level: 3, reason: 'strong' };
  }
  return { level: 2, reason: 'fair' };
}
