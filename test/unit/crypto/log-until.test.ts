// UNTIL entries (decision 0030): an owner signs a member's last day into the log; readers apply it.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendLogEntry,
  changeMember,
  createLogEntry,
  loadSodium,
  verifyLog,
} from '../../../shared/crypto/index.js';
import { validatePrivate } from '../../../shared/map/validate.js';
import { expectCryptoError } from './fixtures.js';
import { expectRefused, MAP_ID, sampleLog } from './log-fixture.js';

beforeAll(loadSodium);

describe('UNTIL log entries', () => {
  it('sets, moves and clears a member’s last day, and every reader sees it', () => {
    const s = sampleLog();
    const base = { baseKey: s.epoch2, signer: s.sanne.signer };
    const set = changeMember({
      ...base,
      log: s.head,
      slotId: s.fatima.slotId,
      until: '2027-03-24',
    });
    expect(set.records).toHaveLength(1);
    expect(set.log.members[s.fatima.slotId]?.until).toBe('2027-03-24');
    const same = changeMember({
      ...base,
      log: set.log,
      slotId: s.fatima.slotId,
      until: '2027-03-24',
    });
    expect(same.records).toHaveLength(0);
    const cleared = changeMember({ ...base, log: set.log, slotId: s.fatima.slotId, until: null });
    const records = [...s.records, ...set.records, ...cleared.records];
    const read = verifyLog({ mapId: MAP_ID, records, keysByEpoch: { 2: s.epoch2 } });
    expect(read.members[s.fatima.slotId]?.until).toBeUndefined();
    const readSet = verifyLog({
      mapId: MAP_ID,
      records: [...s.records, ...set.records],
      keysByEpoch: { 2: s.epoch2 },
    });
    expect(readSet.members[s.fatima.slotId]?.until).toBe('2027-03-24');
  });

  it('refuses an end date for an owner and one that is not a day', () => {
    const s = sampleLog();
    const base = { log: s.head, baseKey: s.epoch2, signer: s.sanne.signer };
    const ownerEnd = createLogEntry({
      mapId: MAP_ID,
      seq: s.head.seq + 1,
      epoch: 2,
      prevHash: s.head.headHash,
      at: Date.now(),
      change: { type: 'UNTIL', data: { slotId: s.micha.slotId, until: '2027-03-24' } },
      baseKey: s.epoch2,
      signer: s.sanne.signer,
    });
    expectRefused(
      () =>
        verifyLog({
          mapId: MAP_ID,
          records: [...s.records, ownerEnd],
          keysByEpoch: { 2: s.epoch2 },
        }),
      'invalid-entry',
    );
    expectCryptoError(
      () =>
        appendLogEntry({
          ...base,
          change: { type: 'UNTIL', data: { slotId: s.fatima.slotId, until: '2027-02-30' } },
        }),
      'malformed',
    );
  });

  it('keeps the birth date in the private section only as a real day', () => {
    const birth = { day: '2027-03-10', kind: 'expected' };
    expect(validatePrivate({ v: 1, wishes: '', birth }).birth).toEqual(birth);
    expectCryptoError(
      () => validatePrivate({ v: 1, wishes: '', birth: { day: '2027-13-01', kind: 'actual' } }),
      'malformed',
    );
    expectCryptoError(
      () => validatePrivate({ v: 1, wishes: '', birth: { day: '2027-03-10', kind: 'guess' } }),
      'malformed',
    );
  });
});
