// Typed failures so callers branch on `code` instead of parsing libsodium's messages.

/** Every way a shared/crypto operation can fail on bad or hostile input. */
export const CRYPTO_ERROR_CODES = [
  'decrypt-failure',
  'unsupported-version',
  'malformed',
  'bad-signature',
] as const;

export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

/** A failure of the protocol layer; `message` never contains key material or plaintext. */
export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoError';
    this.code = code;
  }
}

/** True when `value` is a CryptoError (optionally with the given code). */
export function isCryptoError(value: unknown, code?: CryptoErrorCode): value is CryptoError {
  return value instanceof CryptoError && (code === undefined || value.code === code);
}
