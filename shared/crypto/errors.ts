// Typed failures so callers branch on `code` instead of parsing libsodium's messages.

/**
 * Every way a shared/crypto operation can fail on bad or hostile input, or on a member not on the map.
 * 'forged-request': a join request without a valid proof of the invite secret (made from what the
 * server stores); 'untrusted-key-ring': a key ring not signed by an owner of the map, or for another slot;
 * 'rollback': a server that serves older state than this account has seen.
 */
export const CRYPTO_ERROR_CODES = [
  'decrypt-failure',
  'unsupported-version',
  'malformed',
  'bad-signature',
  'log-invalid',
  'unknown-member',
  'forged-request',
  'untrusted-key-ring',
  'rollback',
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

/**
 * Why a membership log was refused: 'forged' (a record does not open or its signature does not verify,
 * or its signer was not an owner at that point), 'broken-chain' (seq or prevHash mismatch: an entry
 * dropped, reordered or inserted), 'invalid-entry' (authentic but breaks a rule, e.g. removes the last
 * owner), 'missing-key' (no base key for a record's epoch). A log behind the pin is a RollbackError.
 */
export const LOG_INVALID_REASONS = [
  'forged',
  'broken-chain',
  'invalid-entry',
  'missing-key',
] as const;

export type LogInvalidReason = (typeof LOG_INVALID_REASONS)[number];

/** A refused membership log: code 'log-invalid' plus a `reason` and the 1-based `seq` where it failed. */
export class LogInvalidError extends CryptoError {
  readonly reason: LogInvalidReason;
  readonly seq: number;

  constructor(reason: LogInvalidReason, seq: number, message: string) {
    super('log-invalid', `${message} (seq ${seq})`);
    this.name = 'LogInvalidError';
    this.reason = reason;
    this.seq = seq;
  }
}

/** True when `value` is a LogInvalidError (optionally with the given reason). */
export function isLogInvalid(value: unknown, reason?: LogInvalidReason): value is LogInvalidError {
  return value instanceof LogInvalidError && (reason === undefined || value.reason === reason);
}

/**
 * What was older than this account had seen: 'log' (the log does not reach or extend the pinned head),
 * 'version' (a version number below the pinned one), 'version-head' (the version was written under a
 * log head that the served log does not contain: the log hides what came before the version).
 */
export const ROLLBACK_KINDS = ['log', 'version', 'version-head'] as const;

export type RollbackKind = (typeof ROLLBACK_KINDS)[number];

/** Refused older state: code 'rollback' plus what was older. */
export class RollbackError extends CryptoError {
  readonly kind: RollbackKind;

  constructor(kind: RollbackKind, message: string) {
    super('rollback', message);
    this.name = 'RollbackError';
    this.kind = kind;
  }
}

/** True when `value` is a RollbackError (optionally of the given kind). */
export function isRollback(value: unknown, kind?: RollbackKind): value is RollbackError {
  return value instanceof RollbackError && (kind === undefined || value.kind === kind);
}
