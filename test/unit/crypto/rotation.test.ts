import { describe, it, expect, beforeAll } from 'vitest';
import {
  appendLogEntry,
  decryptCard,
  decryptEnvelope,
  decryptMapVersion,
  encryptCard,
  encryptMapVersion,
  extractSectionEnvelopes,
  adSectionInEpoch,
  isLogInvalid,
  loadSodium,
  logHeadOf,
  newSectionKeys,
  openKeyRing,
  openLogRecord,
  rotateMap,
  startLog,
  utf8Encode,
  verifyLog,
  type KeyRing,
  type LogState,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, hex } from './fixtures.js';
import { person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';
const OTHER_MAP = 'AQECAwQFBgcICQoLDA0ODw';

describe('removal and rotation', () => {
  let sanne: Person;
  let micha: Person;
  let fatima: Person;
  let els: Person;
  let epoch1: SectionKeys;
  let before: LogState;
  let beforeRecords: Uint8Array[];
  let sanneRing: KeyRing;

  beforeAll(async () => {
    await loadSodium();
    sanne = person('Sanne', 'owner');
    micha = person('Micha', 'owner');
    fatima = person('Fatima', 'professional', ['base'], 'verloskundige');
    els = person('E.', 'informal', ['base', 'detail']);
    epoch1 = newSectionKeys();
    let step = startLog({
      mapId: MAP_ID,
      epoch: 1,
      baseKey: epoch1.base,
      creator: sanne.member,
      signer: sanne.signer,
    });
    beforeRecords = [step.record];
    for (const someone of [micha, fatima, els]) {
      step = appendLogEntry({
        log: step.log,
        change: { type: 'ADD', data: someone.member },
        baseKey: epoch1.base,
        signer: sanne.signer,
      });
      beforeRecords.push(step.record);
    }
    before = step.log;
    sanneRing = { mapId: MAP_ID, epochs: { 1: epoch1 } };
  });

  const at = (someone: Person) => ({ mapId: MAP_ID, slotId: someone.slotId });

  const removeEls = () =>
    rotateMap({
      log: before,
      removeSlotIds: [els.slotId],
      ownerRing: sanneRing,
      signer: sanne.signer,
      at: 9,
    });

  it('writes REMOVE then ROTATE, new keys, and a ring for each remaining slot', () => {
    const rotated = removeEls();
    expect(rotated.epoch).toBe(2);
    expect(rotated.records).toHaveLength(2);
    expect(Object.keys(rotated.keyRings).sort()).toEqual(
      [sanne.slotId, micha.slotId, fatima.slotId].sort(),
    );
    expect(rotated.log.members[els.slotId]).toBeUndefined();
    expect(rotated.log.epoch).toBe(2);
    expect(hex(rotated.keys.base)).not.toBe(hex(epoch1.base));
    // owners get every key of both epochs; Fatima old base keys and the new base key
    const michaRing = openKeyRing(rotated.keyRings[micha.slotId]!, micha.box, at(micha));
    expect(michaRing.epochs).toEqual({ 1: epoch1, 2: rotated.keys });
    const fatimaRing = openKeyRing(rotated.keyRings[fatima.slotId]!, fatima.box, at(fatima));
    expect(fatimaRing.epochs).toEqual({ 1: { base: epoch1.base }, 2: { base: rotated.keys.base } });
    // every remaining member verifies the whole log with just the newest key from their ring
    const records = [...beforeRecords, ...rotated.records];
    for (const [someone, ring] of [
      [micha, michaRing],
      [fatima, fatimaRing],
    ] as const) {
      const state = verifyLog({ mapId: MAP_ID, records, keysByEpoch: { 2: ring.epochs[2]!.base } });
      expect(hex(state.headHash)).toBe(hex(rotated.log.headHash));
      expect(state.former[els.slotId]).toBeDefined();
      expect(Object.keys(state.members)).toContain(someone.slotId);
    }
    // the REMOVE lives in the old epoch, the ROTATE in the new one
    expect(openLogRecord(MAP_ID, rotated.records[0]!, epoch1.base).type).toBe('REMOVE');
    expect(openLogRecord(MAP_ID, rotated.records[1]!, rotated.keys.base).type).toBe('ROTATE');
  });

  it("leaves a removed member's keys unable to open the new epoch's sections, cards or log", () => {
    const rotated = removeEls();
    const elsKeys = { base: epoch1.base, detail: epoch1.detail };
    const newKeys = rotated.keys;
    // a version of the new epoch
    const body = encryptMapVersion({
      mapId: MAP_ID,
      epoch: 2,
      version: 5,
      sections: { base: utf8Encode('{"b":1}'), detail: utf8Encode('{"d":1}') },
      keys: newKeys,
      signer: sanne.signer,
      logHead: logHeadOf(rotated.log),
    });
    expect(
      decryptMapVersion({ mapId: MAP_ID, version: 5, body, keys: newKeys }).sections.detail,
    ).toBeDefined();
    expectCryptoError(
      () => decryptMapVersion({ mapId: MAP_ID, version: 5, body, keys: elsKeys }),
      'bad-signature',
    );
    const detail = extractSectionEnvelopes(body).detail!;
    expectCryptoError(
      () => decryptEnvelope(elsKeys.detail, detail, adSectionInEpoch(MAP_ID, 2, 'detail')),
      'decrypt-failure',
    );
    // a card of the new epoch
    const card = encryptCard({
      mapId: MAP_ID,
      epoch: 2,
      slotId: fatima.slotId,
      cardVersion: 2,
      card: {
        whatIDo: '',
        howToReach: '',
        when: '',
        role: 'verloskundige',
        name: 'Fatima',
        organisation: '',
      },
      keys: { base: newKeys.base },
      signer: fatima.signer,
    });
    expect(
      decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body: card, log: rotated.log }).card.name,
    ).toBe('Fatima');
    const elsView = { members: before.members, baseKeys: { 1: epoch1.base, 2: epoch1.base } };
    expectCryptoError(
      () => decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body: card, log: elsView }),
      'decrypt-failure',
    );
    // the new epoch's log records
    const records = [...beforeRecords, ...rotated.records];
    let refused: unknown;
    try {
      verifyLog({ mapId: MAP_ID, records, keysByEpoch: { 1: epoch1.base } });
    } catch (error) {
      refused = error;
    }
    expect(isLogInvalid(refused, 'missing-key')).toBe(true);
    expectCryptoError(
      () => verifyLog({ mapId: MAP_ID, records, keysByEpoch: { 2: epoch1.base } }),
      'log-invalid',
    );
    expectCryptoError(
      () => openLogRecord(MAP_ID, rotated.records[1]!, epoch1.base),
      'decrypt-failure',
    );
    // and none of the new rings opens with Els's box key
    for (const ring of Object.values(rotated.keyRings)) {
      expectCryptoError(() => openKeyRing(ring, els.box, at(els)), 'decrypt-failure');
    }
  });

  it('rotates without removal, e.g. after narrowing a grant', () => {
    const narrowed = appendLogEntry({
      log: before,
      change: { type: 'GRANT', data: { slotId: els.slotId, sections: ['base'] } },
      baseKey: epoch1.base,
      signer: micha.signer,
    });
    const rotated = rotateMap({
      log: narrowed.log,
      removeSlotIds: [],
      ownerRing: sanneRing,
      signer: sanne.signer,
    });
    expect(rotated.records).toHaveLength(1);
    const elsRing = openKeyRing(rotated.keyRings[els.slotId]!, els.box, at(els));
    expect(elsRing.epochs[2]).toEqual({ base: rotated.keys.base });
  });

  it('refuses a rotation that could not be verified or would lose keys', () => {
    const rotate = (input: Partial<Parameters<typeof rotateMap>[0]>) => () =>
      rotateMap({
        log: before,
        removeSlotIds: [],
        ownerRing: sanneRing,
        signer: sanne.signer,
        ...input,
      });
    expectCryptoError(
      rotate({ ownerRing: { mapId: OTHER_MAP, epochs: { 1: epoch1 } } }),
      'malformed',
    );
    expectCryptoError(
      rotate({ ownerRing: { mapId: MAP_ID, epochs: { 1: { base: epoch1.base } } } }),
      'malformed',
    );
    expectCryptoError(
      rotate({ ownerRing: { mapId: MAP_ID, epochs: { 1: newSectionKeys() } } }),
      'malformed',
    );
    expectCryptoError(rotate({ signer: fatima.signer }), 'log-invalid');
    expectCryptoError(
      rotate({ removeSlotIds: [person('Nobody', 'informal').slotId] }),
      'log-invalid',
    );
  });
});
