// The pin rules: what is older than the pin is refused, and two devices' pins merge to the newer.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkAgainstPin,
  checkInvitedLog,
  fromBase64Url,
  loadSodium,
  logPinOf,
  newerPin,
  pinOf,
  samePin,
  toBase64Url,
  verifyLog,
  type KeyringPin,
} from '../../../shared/crypto/index.js';
import { expectRefused, expectRolledBack, MAP_ID, sampleLog } from './log-fixture.js';
import { sequence } from './fixtures.js';

describe('pins', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  const pin = (seq: number, version: number, fill = seq): KeyringPin => ({
    seq,
    headHash: toBase64Url(sequence(32, fill)),
    version,
  });

  it('pins the verified head and the version; seq 0 and zero bytes without a log', () => {
    const sample = sampleLog();
    const log = verifyLog({
      mapId: MAP_ID,
      records: sample.records,
      keysByEpoch: { 2: sample.epoch2 },
    });
    const pinned = pinOf(log, 9);
    expect(pinned).toEqual({ seq: 8, headHash: toBase64Url(log.headHash), version: 9 });
    expect(logPinOf(pinned)).toEqual({ seq: 8, headHash: log.headHash });
    expect(pinOf(null, 3)).toEqual({
      seq: 0,
      headHash: toBase64Url(new Uint8Array(32)),
      version: 3,
    });
    expect(logPinOf(pinOf(null, 3))).toBeUndefined();
    expect(logPinOf(undefined)).toBeUndefined();
    expect(fromBase64Url(pinned.headHash)).toEqual(log.headHash);
  });

  it('refuses an older version, and a missing log once a log was pinned', () => {
    expect(() => checkAgainstPin(undefined, { version: 1, logRecords: 0 })).not.toThrow();
    expect(() => checkAgainstPin(pin(4, 7), { version: 7, logRecords: 4 })).not.toThrow();
    expect(() => checkAgainstPin(pin(4, 7), { version: 8, logRecords: 9 })).not.toThrow();
    expectRolledBack(() => checkAgainstPin(pin(4, 7), { version: 6, logRecords: 4 }), 'version');
    expectRolledBack(() => checkAgainstPin(pin(4, 7), { version: 7, logRecords: 0 }), 'log');
    // a map that never had a log may be served without one
    expect(() => checkAgainstPin(pin(0, 2), { version: 2, logRecords: 0 })).not.toThrow();
  });

  it('merges to the higher head and the higher version, and never back', () => {
    expect(newerPin(undefined, undefined)).toBeUndefined();
    expect(newerPin(pin(3, 5), undefined)).toEqual(pin(3, 5));
    expect(newerPin(undefined, pin(3, 5))).toEqual(pin(3, 5));
    expect(newerPin(pin(3, 9), pin(5, 6))).toEqual({ ...pin(5, 6), version: 9 });
    expect(newerPin(pin(5, 6), pin(3, 9))).toEqual({ ...pin(5, 6), version: 9 });
    // the same seq with another hash (a fork seen by two devices): the first one stays
    expect(newerPin(pin(5, 6, 1), pin(5, 6, 2))).toEqual(pin(5, 6, 1));
    expect(samePin(pin(5, 6), pin(5, 6))).toBe(true);
    expect(samePin(pin(5, 6), pin(5, 7))).toBe(false);
    expect(samePin(pin(5, 6, 1), pin(5, 6, 2))).toBe(false);
    expect(samePin(undefined, pin(5, 6))).toBe(false);
    expect(samePin(undefined, undefined)).toBe(true);
  });

  it('keeps signedRings once either side has it, and counts it as a change of pin', () => {
    const signed: KeyringPin = { ...pin(5, 6), signedRings: true };
    expect(pinOf(null, 3, true)).toMatchObject({ seq: 0, version: 3, signedRings: true });
    expect(pinOf(null, 3)).not.toHaveProperty('signedRings');
    // a newer head without the flag (a device that has not seen a signed ring) does not drop it
    expect(newerPin(signed, pin(7, 8))).toEqual({ ...pin(7, 8), signedRings: true });
    expect(newerPin(pin(7, 8), signed)).toEqual({ ...pin(7, 8), signedRings: true });
    expect(newerPin(pin(3, 4), pin(2, 9))).not.toHaveProperty('signedRings');
    expect(samePin(signed, pin(5, 6))).toBe(false);
    expect(samePin(signed, { ...pin(5, 6), signedRings: true })).toBe(true);
  });
});

describe('first open of a map joined by invite', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('needs a record the inviting parent signed and the slot as a member', () => {
    const sample = sampleLog();
    const log = verifyLog({
      mapId: MAP_ID,
      records: sample.records,
      keysByEpoch: { 2: sample.epoch2 },
    });
    // Micha signed the ADD of E.; Fatima is still a member
    expect(() =>
      checkInvitedLog(log, sample.micha.signer.publicKey, sample.fatima.slotId),
    ).not.toThrow();
    // Fatima never signed a record: a log she is "in" proves nothing about who made it
    expectRefused(
      () => checkInvitedLog(log, sample.fatima.signer.publicKey, sample.fatima.slotId),
      'forged',
    );
    // E. was removed: her slot is no member
    expectRefused(
      () => checkInvitedLog(log, sample.sanne.signer.publicKey, sample.els.slotId),
      'forged',
    );
    expectRefused(() => checkInvitedLog(null, sample.sanne.signer.publicKey, 'x'), 'forged');
  });
});
