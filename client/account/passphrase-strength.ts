/**
 * Passphrase strength in plain steps: our own checks for what needs no dictionary (length, the tip's
 * example, the username), then zxcvbn-ts with Dutch and English dictionaries, loaded only when asked for.
 */

export const MIN_PASSPHRASE_LENGTH = 12;

/** 0 = not allowed yet, 1 = easy to guess (not allowed either), 2 = fair, 3 = strong. */
export type StrengthLevel = 0 | 1 | 2 | 3;

export interface Strength {
  readonly level: StrengthLevel;
  /** Why, as a key the screen turns into words. */
  readonly reason:
    'empty' | 'too-short' | 'checking' | 'example' | 'common' | 'repetitive' | 'fair' | 'strong';
  /** May an account be made with it? Fair and strong only. */
  readonly allowed: boolean;
}

/** zxcvbn's answer, reduced to what the screen uses. */
export interface Estimate {
  /** 0 (guessed at once) … 4 (very hard to guess). */
  readonly score: 0 | 1 | 2 | 3 | 4;
  /** Mostly repeated characters or words. */
  readonly repeated: boolean;
}

export type Estimator = (passphrase: string, userInputs: readonly string[]) => Estimate;

/**
 * The tip's examples in every language we ship (the hint on the sign-up screen quotes them). The
 * screen also passes the one its current hint quotes, so a changed translation is refused too.
 */
export const EXAMPLE_PASSPHRASES: readonly string[] = [
  'groene fiets onder de appelboom',
  'green bike under the apple tree',
  'دراجة خضراء تحت شجرة التفاح',
];

/** Letters and digits only, lower case: "Groene-fiets onder de appelboom!" matches the example. */
function letters(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The sentence a hint quotes between "…" (or “…”), if any. */
export function quotedExample(hint: string): string | null {
  const match = /["“”«»]([^"“”«»]{6,})["“”«»]/u.exec(hint);
  return match?.[1] ?? null;
}

/**
 * Estimates the strength of `passphrase`. Without `estimate` (the dictionaries still loading) the
 * answer is at most "checking", never allowed.
 */
export function passphraseStrength(
  passphrase: string,
  username = '',
  estimate: Estimator | null = null,
  examples: readonly string[] = EXAMPLE_PASSPHRASES,
): Strength {
  if (passphrase.length === 0) return { level: 0, reason: 'empty', allowed: false };
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return { level: 0, reason: 'too-short', allowed: false };
  const typed = letters(passphrase);
  if (examples.some((example) => letters(example).length > 0 && typed.includes(letters(example))))
    return { level: 1, reason: 'example', allowed: false };
  const user = letters(username);
  if (user.length >= 3 && typed.includes(user))
    return { level: 1, reason: 'common', allowed: false };
  if (estimate === null) return { level: 0, reason: 'checking', allowed: false };
  const { score, repeated } = estimate(passphrase, [username, ...examples]);
  if (score <= 1) return { level: 1, reason: repeated ? 'repetitive' : 'common', allowed: false };
  if (score === 2) return { level: 2, reason: 'fair', allowed: true };
  return { level: 3, reason: 'strong', allowed: true };
}

let loading: Promise<Estimator> | null = null;

/** zxcvbn-ts and its dictionaries, fetched once and only by the screens that need them. */
export function loadEstimator(): Promise<Estimator> {
  loading ??= import('./strength-estimator.js').then((module) => module.createEstimator());
  // A failed fetch (offline) may be tried again by the next screen.
  loading.catch(() => (loading = null));
  return loading;
}
