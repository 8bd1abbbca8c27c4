// The pin: the newest log head and version an account has verified of a map, kept in its keyring.
import { fromBase64Url, toBase64Url } from './encoding.js';
import { LogInvalidError, RollbackError } from './errors.js';
import type { KeyringPin } from './keyring.js';
import type { LogPin, LogState } from './log-verify.js';
import { ZERO_HASH } from './log-entry.js';
import { bytesEqual } from './sodium.js';

/**
 * The pin after opening `version` with this verified log (seq 0 and zero hash without a log);
 * `signedRings` once a signed ring of the map was seen (it never goes back, see newerPin).
 */
export function pinOf(log: LogState | null, version: number, signedRings = false): KeyringPin {
  const pin: KeyringPin = {
    seq: log === null ? 0 : log.seq,
    headHash: toBase64Url(log === null ? ZERO_HASH : log.headHash),
    version,
  };
  if (signedRings) pin.signedRings = true;
  return pin;
}

/** The pinned head in the form verifyLog takes; undefined when nothing (or no log) was pinned. */
export function logPinOf(pin: KeyringPin | undefined): LogPin | undefined {
  if (pin === undefined || pin.seq === 0) return undefined;
  return { seq: pin.seq, headHash: fromBase64Url(pin.headHash) };
}

/**
 * Refuses what is older than the pin before anything is decrypted: a version number below the pinned
 * one (RollbackError 'version'), or no log for a map whose log was seen (RollbackError 'log').
 * verifyLog checks that a log extends the pinned head.
 */
export function checkAgainstPin(
  pin: KeyringPin | undefined,
  served: { version: number; logRecords: number },
): void {
  if (pin === undefined) return;
  if (served.version < pin.version) {
    throw new RollbackError(
      'version',
      `version ${served.version} is older than version ${pin.version} seen before`,
    );
  }
  if (pin.seq > 0 && served.logRecords === 0) {
    throw new RollbackError('log', 'the membership log is missing, but a head was pinned');
  }
}

/** True when two pins name the same head, version and signed-ring state. */
export function samePin(a: KeyringPin | undefined, b: KeyringPin | undefined): boolean {
  return (
    a?.seq === b?.seq &&
    a?.headHash === b?.headHash &&
    a?.version === b?.version &&
    a?.signedRings === b?.signedRings
  );
}

/**
 * The newer of two pins of one map (merging two devices' keyrings): the head with the higher seq
 * (`a`'s on a tie), the higher version, and `signedRings` if either has it. Both were verified, so the
 * higher head extends the other.
 */
export function newerPin(
  a: KeyringPin | undefined,
  b: KeyringPin | undefined,
): KeyringPin | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const head = b.seq > a.seq ? b : a;
  const pin: KeyringPin = {
    seq: head.seq,
    headHash: head.headHash,
    version: Math.max(a.version, b.version),
  };
  // once any device saw signed rings, unsigned ones stay refused on all of them
  if (a.signedRings === true || b.signedRings === true) pin.signedRings = true;
  return pin;
}

/**
 * The first open of a map joined by invite, before any pin: the log must hold a record signed by the
 * inviting parent (`inviter`, from the invite info only holders of the secret can read) and name
 * `slotId` as a member. Her signature anchors the log, so a server cannot serve a map of its own
 * making under a key it holds, even when the co-parent signed the answer. Throws LogInvalidError
 * ('forged').
 */
export function checkInvitedLog(log: LogState | null, inviter: Uint8Array, slotId: string): void {
  if (log === null) throw new LogInvalidError('forged', 0, 'a map joined by invite has a log');
  if (!log.entries.some((entry) => bytesEqual(entry.signerPublicKey, inviter))) {
    throw new LogInvalidError('forged', log.seq, 'the inviting parent signed nothing in this log');
  }
  if (log.members[slotId] === undefined) {
    throw new LogInvalidError('forged', log.seq, 'this slot is not a member in the log');
  }
}
