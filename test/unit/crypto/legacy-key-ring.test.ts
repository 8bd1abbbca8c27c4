// Unsigned rings from before rings were signed: opened for the map they name, and narrowed to the keys
// the verified log and the signed version vouch for.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendLogEntry,
  loadSodium,
  newSectionKeys,
  openLegacyKeyRing,
  rotateMap,
  sealKeyBundle,
  sealKeyRing,
  startLog,
  vouchedLegacyRing,
  type KeyRing,
  type LogState,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { legacyRing } from '../../helpers/legacy.js';
import { expectCryptoError } from './fixtures.js';
import { person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';
const OTHER_MAP = 'AQECAwQFBgcICQoLDA0ODw';

describe('legacy key rings', () => {
  let sanne: Person;
  let fatima: Person;
  let keys: SectionKeys;
  let log: LogState;

  beforeAll(async () => {
    await loadSodium();
    sanne = person('Sanne', 'owner');
    fatima = person('Fatima', 'professional');
    keys = newSectionKeys();
    const started = startLog({
      mapId: MAP_ID,
      epoch: 1,
      baseKey: keys.base,
      creator: sanne.member,
      signer: sanne.signer,
    });
    log = appendLogEntry({
      log: started.log,
      change: { type: 'ADD', data: fatima.member },
      baseKey: keys.base,
      signer: sanne.signer,
    }).log;
  });

  it('opens a v1 bundle and a v2 ring as a ring, and says null for a signed one', () => {
    const bundle = sealKeyBundle({ mapId: MAP_ID, epoch: 1, keys }, sanne.box.publicKey);
    expect(openLegacyKeyRing(bundle, sanne.box, MAP_ID)).toEqual({
      mapId: MAP_ID,
      epochs: { 1: keys },
    });
    const ring: KeyRing = { mapId: MAP_ID, epochs: { 1: { base: keys.base }, 2: keys } };
    expect(openLegacyKeyRing(legacyRing(ring, sanne.box.publicKey), sanne.box, MAP_ID)).toEqual(
      ring,
    );
    const signed = sealKeyRing({
      ring,
      slotId: sanne.slotId,
      recipientBoxPublicKey: sanne.box.publicKey,
      signer: sanne.signer,
    });
    expect(openLegacyKeyRing(signed, sanne.box, MAP_ID)).toBeNull();
  });

  it('refuses a legacy ring of another map or for another key', () => {
    const bundle = sealKeyBundle({ mapId: OTHER_MAP, epoch: 1, keys }, sanne.box.publicKey);
    expectCryptoError(() => openLegacyKeyRing(bundle, sanne.box, MAP_ID), 'decrypt-failure');
    const ring = legacyRing({ mapId: OTHER_MAP, epochs: { 1: keys } }, sanne.box.publicKey);
    expectCryptoError(() => openLegacyKeyRing(ring, sanne.box, MAP_ID), 'decrypt-failure');
    const mine = legacyRing({ mapId: MAP_ID, epochs: { 1: keys } }, sanne.box.publicKey);
    expectCryptoError(() => openLegacyKeyRing(mine, fatima.box, MAP_ID), 'decrypt-failure');
  });

  it('keeps only keys the log and the body vouch for', () => {
    const ring: KeyRing = { mapId: MAP_ID, epochs: { 1: keys } };
    const body = { epoch: 1, sections: ['base', 'detail', 'private'] as const };
    expect(vouchedLegacyRing(ring, log, body)).toEqual(ring);
    // a section the body does not have cannot be checked: its key is dropped
    expect(vouchedLegacyRing(ring, log, { epoch: 1, sections: ['base', 'detail'] })).toEqual({
      mapId: MAP_ID,
      epochs: { 1: { base: keys.base, detail: keys.detail } },
    });
    // a base key other than the one the log opened with
    const other = { mapId: MAP_ID, epochs: { 1: { ...keys, base: newSectionKeys().base } } };
    expectCryptoError(() => vouchedLegacyRing(other, log, body), 'untrusted-key-ring');
    // no log: only the version's epoch, whose keys the caller checks against the signed body
    const extra: KeyRing = { mapId: MAP_ID, epochs: { 1: keys, 7: newSectionKeys() } };
    expect(vouchedLegacyRing(extra, null, body)).toEqual(ring);
    expectCryptoError(
      () => vouchedLegacyRing(extra, null, { ...body, epoch: 3 }),
      'untrusted-key-ring',
    );
  });

  it('keeps older epochs as base keys only, and drops epochs the log does not know', () => {
    const rotated = rotateMap({
      log,
      removeSlotIds: [],
      ownerRing: { mapId: MAP_ID, epochs: { 1: keys } },
      signer: sanne.signer,
    });
    const ring: KeyRing = {
      mapId: MAP_ID,
      epochs: { 1: keys, 2: rotated.keys, 9: newSectionKeys() },
    };
    const body = { epoch: 2, sections: ['base', 'detail', 'private'] as const };
    expect(vouchedLegacyRing(ring, rotated.log, body)).toEqual({
      mapId: MAP_ID,
      epochs: { 1: { base: keys.base }, 2: rotated.keys },
    });
  });
});
