import { describe, it, expect, beforeAll } from 'vitest';
import {
  adLogRecord,
  appendLogEntry,
  createLogEntry,
  decryptEnvelope,
  encryptEnvelope,
  loadSodium,
  logRecordHash,
  newSectionKeys,
  openLogRecord,
  startLog,
  verifyLog,
  type LogState,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, flipByte } from './fixtures.js';
import { expectRefused, expectRolledBack, MAP_ID, sampleLog, withHeader } from './log-fixture.js';
import { person, type Person } from './people.js';

describe('membership log under attack', () => {
  let sanne: Person;
  let micha: Person;
  let fatima: Person;
  let els: Person;
  let epoch1: Uint8Array;
  let epoch2: Uint8Array;
  let records: Uint8Array[];
  let head: LogState;

  beforeAll(async () => {
    await loadSodium();
    ({ sanne, micha, fatima, els, epoch1, epoch2, records, head } = sampleLog());
  });

  const verify = (list = records, keys: Record<number, Uint8Array> = { 2: epoch2 }) =>
    verifyLog({ mapId: MAP_ID, records: list, keysByEpoch: keys });

  it('refuses one changed byte in any record', () => {
    for (const [i, record] of records.entries()) {
      for (const index of [9, 12, 40, record.length - 17, record.length - 1]) {
        const list = records.slice();
        list[i] = flipByte(record, index);
        expectRefused(() => verify(list), 'forged');
      }
    }
    const list = records.slice();
    list[3] = flipByte(records[3]!, 0);
    expectRefused(() => verify(list), 'forged');
  });

  it('refuses a record moved to another map, seq or epoch, or read with a wrong key', () => {
    expectRefused(
      () => verifyLog({ mapId: 'AQECAwQFBgcICQoLDA0ODw', records, keysByEpoch: { 2: epoch2 } }),
      'forged',
    );
    expectRefused(() => verify(records, { 2: newSectionKeys().base }), 'forged');
    // record 3 relabelled as seq 4 in place of the real 4
    const moved = records.slice();
    moved[3] = withHeader(records[2]!, 4, 1);
    expectRefused(() => verify(moved), 'forged');
    // record 8 (epoch 2) relabelled as epoch 1, whose key the reader learns from ROTATE
    const otherEpoch = records.slice();
    otherEpoch[7] = withHeader(records[7]!, 8, 1);
    expectRefused(() => verify(otherEpoch, { 1: epoch1, 2: epoch2 }), 'forged');
    // the same record in another map's log
    const otherMap = startLog({
      mapId: 'AQECAwQFBgcICQoLDA0ODw',
      epoch: 1,
      baseKey: epoch1,
      creator: sanne.member,
      signer: sanne.signer,
    });
    expectRefused(
      () =>
        verifyLog({
          mapId: 'AQECAwQFBgcICQoLDA0ODw',
          records: [otherMap.record, records[1]!],
          keysByEpoch: { 1: epoch1 },
        }),
      'forged',
    );
  });

  it('refuses an entry signed by a member who is not an owner', () => {
    // Fatima holds the base key, so she can write a well-formed, validly signed record
    const rogue = person('Rogue', 'owner');
    const forged = createLogEntry({
      mapId: MAP_ID,
      seq: 9,
      epoch: 2,
      prevHash: head.headHash,
      at: 2,
      change: { type: 'ADD', data: rogue.member },
      baseKey: epoch2,
      signer: fatima.signer,
    });
    expectRefused(() => verify([...records, forged]), 'forged');
    // a removed member's key counts even less
    expectRefused(
      () =>
        appendLogEntry({
          log: head,
          change: { type: 'ADD', data: rogue.member },
          baseKey: epoch2,
          signer: els.signer,
        }),
      'forged',
    );
  });

  it('refuses an entry whose signature does not verify', () => {
    const valid = openLogRecord(MAP_ID, records[7]!, epoch2);
    expect(valid.type).toBe('ROLE');
    const plain = decryptEnvelope(epoch2, records[7]!.subarray(9), adLogRecord(MAP_ID, 8, 2));
    const badSignature = flipByte(plain, 40);
    const envelope = encryptEnvelope(epoch2, badSignature, adLogRecord(MAP_ID, 8, 2));
    const list = [
      ...records.slice(0, 7),
      new Uint8Array([...records[7]!.subarray(0, 9), ...envelope]),
    ];
    expectRefused(() => verify(list), 'forged');
    expectCryptoError(() => openLogRecord(MAP_ID, list[7]!, epoch2), 'bad-signature');
  });

  it('refuses dropped and reordered entries', () => {
    for (const drop of [0, 1, 3, 6]) {
      const list = records.filter((_, i) => i !== drop);
      expectRefused(() => verify(list, { 1: epoch1, 2: epoch2 }), 'broken-chain');
    }
    const swapped = records.slice();
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expectRefused(() => verify(swapped), 'broken-chain');
    const duplicated = [...records.slice(0, 4), records[3]!, ...records.slice(4)];
    expectRefused(() => verify(duplicated), 'broken-chain');
    expectRefused(() => verify([]), 'broken-chain');
  });

  it('refuses an owner-signed entry that does not chain to the previous record', () => {
    const stale = createLogEntry({
      mapId: MAP_ID,
      seq: 9,
      epoch: 2,
      prevHash: logRecordHash(records[6]!),
      at: 3,
      change: { type: 'GRANT', data: { slotId: fatima.slotId, sections: ['base', 'detail'] } },
      baseKey: epoch2,
      signer: sanne.signer,
    });
    expectRefused(() => verify([...records, stale]), 'broken-chain');
  });

  it('refuses a rollback: shorter than pinned, or another record at the pinned seq', () => {
    const pinned = { seq: 8, headHash: logRecordHash(records[7]!) };
    expect(verifyLog({ mapId: MAP_ID, records, keysByEpoch: { 2: epoch2 }, pinned }).seq).toBe(8);
    // the last entry dropped: a valid chain on its own, but behind what this client saw
    const shorter = records.slice(0, 7);
    expect(verify(shorter).seq).toBe(7);
    expectRolledBack(
      () => verifyLog({ mapId: MAP_ID, records: shorter, keysByEpoch: { 2: epoch2 }, pinned }),
      'log',
    );
    expectRolledBack(
      () => verifyLog({ mapId: MAP_ID, records: [], keysByEpoch: { 2: epoch2 }, pinned }),
      'log',
    );
    // a fork: an owner's other seq-8 entry, served to a client that pinned the first
    const fork = appendLogEntry({
      log: verify(shorter),
      change: { type: 'GRANT', data: { slotId: fatima.slotId, sections: ['base', 'detail'] } },
      baseKey: epoch2,
      signer: sanne.signer,
    });
    const forked = [...shorter, fork.record];
    expect(verify(forked).seq).toBe(8);
    expectRolledBack(
      () => verifyLog({ mapId: MAP_ID, records: forked, keysByEpoch: { 2: epoch2 }, pinned }),
      'log',
    );
    // a longer log that extends the pinned head is fine
    const next = appendLogEntry({
      log: head,
      change: { type: 'REMOVE', data: { slotId: fatima.slotId } },
      baseKey: epoch2,
      signer: micha.signer,
    });
    const longer = [...records, next.record];
    expect(
      verifyLog({ mapId: MAP_ID, records: longer, keysByEpoch: { 2: epoch2 }, pinned }).seq,
    ).toBe(9);
  });

  it('needs a base key for every epoch it cannot learn from a ROTATE', () => {
    expectRefused(() => verify(records, { 1: epoch1 }), 'missing-key');
    expectRefused(() => verify(records, {}), 'missing-key');
    expect(verify(records.slice(0, 6), { 1: epoch1 }).seq).toBe(6);
  });
});
