import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adLogRecord,
  appendLogEntry,
  createLogEntry,
  decryptEnvelope,
  loadSodium,
  logRecordHash,
  startLog,
  toBase64Url,
  utf8Decode,
  utf8Encode,
  verifyLog,
  ZERO_HASH,
  type LogChange,
  type LogInvalidReason,
  type LogState,
} from '../../../shared/crypto/index.js';
import { createLogEntryWithNonce } from '../../../shared/crypto/log-entry.js';
import { expectCryptoError, hex, sequence } from './fixtures.js';
import { expectRefused, MAP_ID, sampleLog } from './log-fixture.js';
import { indexOfBytes, person, type Person } from './people.js';

describe('membership log', () => {
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

  it('produces the fixed vector for a fixed INIT record', () => {
    const creator = sodium.crypto_sign_seed_keypair(sequence(32, 0x50));
    const signer = { publicKey: creator.publicKey, secretKey: creator.privateKey };
    const boxPublicKey = sequence(32, 0x90);
    const slotId = 'EBESExQVFhcYGRobHB0eHw'; // bytes 10…1f
    const key = sequence(32, 0x10);
    const change: LogChange = {
      type: 'INIT',
      data: {
        slotId,
        signPublicKey: signer.publicKey,
        boxPublicKey,
        role: 'owner',
        sections: ['base', 'detail', 'private'],
        profile: { name: 'Sanne', profession: '', organisation: '' },
      },
    };
    const input = { mapId: MAP_ID, seq: 1, epoch: 1, prevHash: ZERO_HASH, at: 1_700_000_000_000 };
    const record = createLogEntryWithNonce(
      { ...input, change, baseKey: key, signer },
      sequence(24, 0x40),
    );
    expect(hex(record.subarray(0, 9))).toBe('01' + '00000001' + '00000001');
    expect(record[9]).toBe(0x01); // the envelope's format byte
    expect(hex(record.subarray(10, 34))).toBe(hex(sequence(24, 0x40)));
    expect(createHash('sha256').update(record).digest('hex')).toBe(
      '02627d31407fb3bcf65ffe322c0e346b106db978fb6d49f46aa3878454057fd6',
    );
    const plain = decryptEnvelope(key, record.subarray(9), `log|${MAP_ID}|1|1`);
    expect(hex(plain.subarray(0, 32))).toBe(hex(signer.publicKey));
    const json = plain.subarray(96);
    expect(utf8Decode(json)).toBe(
      `{"v":1,"seq":1,"prevHash":"${'A'.repeat(43)}","type":"INIT","at":1700000000000,` +
        `"data":{"slotId":"${slotId}","signPublicKey":"${toBase64Url(signer.publicKey)}",` +
        `"boxPublicKey":"${toBase64Url(boxPublicKey)}","role":"owner",` +
        `"sections":["base","detail","private"],"profile":{"name":"Sanne","profession":"","organisation":""}}}`,
    );
    // the signature covers the JSON plus "nk1|log|<mapId>|<seq>|<epoch>" (Node's Ed25519)
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(signer.publicKey) },
      format: 'jwk',
    });
    const message = Buffer.concat([json, utf8Encode(`nk1|log|${MAP_ID}|1|1`)]);
    expect(nodeVerify(null, message, publicKey, plain.subarray(32, 96))).toBe(true);
    expect(indexOfBytes(record, signer.publicKey)).toBe(-1);
    expect(hex(logRecordHash(record))).toBe(hex(sodium.crypto_generichash(32, record, null)));
    expect(adLogRecord(MAP_ID, 1, 1)).toBe(`log|${MAP_ID}|1|1`);
  });

  it('replays the chain into the current member table', () => {
    const state = verify();
    expect(state.seq).toBe(8);
    expect(state.epoch).toBe(2);
    expect(hex(state.headHash)).toBe(hex(logRecordHash(records[7]!)));
    expect(hex(state.headHash)).toBe(hex(head.headHash));
    expect(Object.keys(state.members).sort()).toEqual(
      [sanne.slotId, micha.slotId, fatima.slotId].sort(),
    );
    expect(state.owners.sort()).toEqual([sanne.slotId, micha.slotId].sort());
    expect(state.members[fatima.slotId]).toMatchObject({ role: 'borger', sections: ['base'] });
    expect(state.members[fatima.slotId]!.profile.profession).toBe('verloskundige');
    expect(state.members[sanne.slotId]!.addedAt).toBe(1_700_000_000_000);
    expect(state.former[els.slotId]).toMatchObject({ sections: ['base', 'detail'] });
    expect(state.entries.map((e) => e.type)).toEqual([
      'INIT',
      'ADD',
      'ADD',
      'ADD',
      'GRANT',
      'REMOVE',
      'ROTATE',
      'ROLE',
    ]);
    // the reader held only epoch 2's key; ROTATE handed over epoch 1's
    expect(hex(state.baseKeys[1]!)).toBe(hex(epoch1));
    expect(hex(state.baseKeys[2]!)).toBe(hex(epoch2));
    expect(state.mapId).toBe(MAP_ID);
  });

  it('hides the signer: no public key of any member appears in any record', () => {
    for (const record of records) {
      for (const someone of [sanne, micha, fatima, els]) {
        expect(indexOfBytes(record, someone.signer.publicKey)).toBe(-1);
      }
    }
  });

  it('refuses authentic entries that break the rules', () => {
    const refuses = (change: LogChange, reason: LogInvalidReason = 'invalid-entry') =>
      expectRefused(
        () => appendLogEntry({ log: head, change, baseKey: epoch2, signer: sanne.signer }),
        reason,
      );
    refuses({ type: 'ADD', data: { ...person('X', 'informal').member, slotId: fatima.slotId } });
    refuses({ type: 'ADD', data: { ...person('X', 'informal').member, slotId: els.slotId } }); // reuse
    refuses({ type: 'ADD', data: { ...fatima.member, slotId: person('Y', 'informal').slotId } });
    refuses({ type: 'ADD', data: { ...person('Z', 'owner').member, sections: ['base'] } });
    refuses({ type: 'REMOVE', data: { slotId: els.slotId } });
    refuses({ type: 'ROLE', data: { slotId: els.slotId, role: 'owner' } });
    refuses({ type: 'GRANT', data: { slotId: sanne.slotId, sections: ['base'] } });
    refuses({ type: 'INIT', data: sanne.member });
    refuses({ type: 'ROTATE', data: { epoch: 3, previousBaseKey: epoch1 } });
    refuses({ type: 'ROTATE', data: { epoch: 2, previousBaseKey: epoch2 } }); // not a new epoch
    // the last owner can neither leave nor step down
    const solo = startLog({
      mapId: MAP_ID,
      epoch: 1,
      baseKey: epoch1,
      creator: sanne.member,
      signer: sanne.signer,
    });
    for (const change of [
      { type: 'REMOVE', data: { slotId: sanne.slotId } },
      { type: 'ROLE', data: { slotId: sanne.slotId, role: 'borger' } },
    ] as const) {
      expectRefused(
        () => appendLogEntry({ log: solo.log, change, baseKey: epoch1, signer: sanne.signer }),
        'invalid-entry',
      );
    }
    // a wrong epoch, written by hand
    const wrongEpoch = createLogEntry({
      mapId: MAP_ID,
      seq: 9,
      epoch: 1,
      prevHash: head.headHash,
      at: 3,
      change: { type: 'REMOVE', data: { slotId: fatima.slotId } },
      baseKey: epoch1,
      signer: sanne.signer,
    });
    expectRefused(
      () => verify([...records, wrongEpoch], { 1: epoch1, 2: epoch2 }),
      'invalid-entry',
    );
  });

  it('starts only with an INIT signed by the creator it names', () => {
    const byOther = createLogEntry({
      mapId: MAP_ID,
      seq: 1,
      epoch: 1,
      prevHash: ZERO_HASH,
      at: 1,
      change: { type: 'INIT', data: sanne.member },
      baseKey: epoch1,
      signer: micha.signer,
    });
    expectRefused(() => verify([byOther], { 1: epoch1 }), 'forged');
    const notInit = createLogEntry({
      mapId: MAP_ID,
      seq: 1,
      epoch: 1,
      prevHash: ZERO_HASH,
      at: 1,
      change: { type: 'ADD', data: sanne.member },
      baseKey: epoch1,
      signer: sanne.signer,
    });
    expectRefused(() => verify([notInit], { 1: epoch1 }), 'invalid-entry');
    const informalCreator = { ...sanne.member, role: 'informal' as const };
    expectRefused(
      () =>
        startLog({
          mapId: MAP_ID,
          epoch: 1,
          baseKey: epoch1,
          creator: informalCreator,
          signer: sanne.signer,
        }),
      'invalid-entry',
    );
  });

  it('lets a second owner sign, and stops counting an owner who stepped down', () => {
    const stepDown = appendLogEntry({
      log: head,
      change: { type: 'ROLE', data: { slotId: sanne.slotId, role: 'informal' } },
      baseKey: epoch2,
      signer: sanne.signer,
    });
    expect(stepDown.log.owners).toEqual([micha.slotId]);
    expect(stepDown.log.members[sanne.slotId]!.sections).toEqual(['base', 'detail', 'private']);
    expectRefused(
      () =>
        appendLogEntry({
          log: stepDown.log,
          change: { type: 'REMOVE', data: { slotId: micha.slotId } },
          baseKey: epoch2,
          signer: sanne.signer,
        }),
      'forged',
    );
    const promoted = appendLogEntry({
      log: stepDown.log,
      change: { type: 'ROLE', data: { slotId: fatima.slotId, role: 'owner' } },
      baseKey: epoch2,
      signer: micha.signer,
    });
    expect(promoted.log.members[fatima.slotId]!.sections).toEqual(['base', 'detail', 'private']);
    const all = [...records, stepDown.record, promoted.record];
    expect(verify(all).owners.sort()).toEqual([micha.slotId, fatima.slotId].sort());
  });

  it('refuses to write malformed entries', () => {
    const bad = (change: LogChange) =>
      expectCryptoError(
        () => appendLogEntry({ log: head, change, baseKey: epoch2, signer: sanne.signer }),
        'malformed',
      );
    const x = person('X', 'informal');
    bad({ type: 'ADD', data: { ...x.member, slotId: 'not-an-id' } });
    bad({ type: 'ADD', data: { ...x.member, sections: ['detail'] } });
    bad({ type: 'ADD', data: { ...x.member, sections: ['base', 'base'] } });
    bad({ type: 'ADD', data: { ...x.member, role: 'admin' as 'owner' } });
    bad({ type: 'ADD', data: { ...x.member, profile: { ...x.member.profile, name: '' } } });
    bad({ type: 'ADD', data: { ...x.member, boxPublicKey: new Uint8Array(31) } });
    expectCryptoError(
      () =>
        createLogEntry({
          mapId: MAP_ID,
          seq: 0,
          epoch: 1,
          prevHash: ZERO_HASH,
          at: 1,
          change: { type: 'INIT', data: sanne.member },
          baseKey: epoch1,
          signer: sanne.signer,
        }),
      'malformed',
    );
  });
});
