// Key rings: sealed to one member, signed by the owner who sealed them, checked against the verified log
// before any key is used. A ring anyone else made (the server, another member) is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  appendLogEntry,
  concatBytes,
  loadSodium,
  newSectionKeys,
  openKeyRing,
  rotateMap,
  sealKeyBundle,
  sealKeyRing,
  startLog,
  trustKeyRing,
  utf8Encode,
  type KeyRing,
  type LogState,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { signedPlaintext } from '../../../shared/crypto/hidden-signer.js';
import { padTo } from '../../../shared/crypto/padding.js';
import { expectCryptoError, flipByte } from './fixtures.js';
import { indexOfBytes, person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';
const OTHER_MAP = 'AQECAwQFBgcICQoLDA0ODw';

describe('key rings', () => {
  let sanne: Person;
  let micha: Person;
  let fatima: Person;
  let keys: SectionKeys;
  let log: LogState;

  beforeAll(async () => {
    await loadSodium();
    sanne = person('Sanne', 'owner');
    micha = person('Micha', 'owner');
    fatima = person('Fatima', 'professional');
    keys = newSectionKeys();
    let step = startLog({
      mapId: MAP_ID,
      epoch: 1,
      baseKey: keys.base,
      creator: sanne.member,
      signer: sanne.signer,
    });
    for (const someone of [micha, fatima]) {
      step = appendLogEntry({
        log: step.log,
        change: { type: 'ADD', data: someone.member },
        baseKey: keys.base,
        signer: sanne.signer,
      });
    }
    log = step.log;
  });

  const seal = (ring: KeyRing, to: Person, signer: Person = sanne, slotId = to.slotId) =>
    sealKeyRing({ ring, slotId, recipientBoxPublicKey: to.box.publicKey, signer: signer.signer });
  const place = (someone: Person) => ({ mapId: MAP_ID, slotId: someone.slotId });

  it('round-trips several epochs, signed; the size depends only on how many', () => {
    const k2 = newSectionKeys();
    const ring: KeyRing = { mapId: MAP_ID, epochs: { 1: keys, 2: { base: k2.base } } };
    const sealed = seal(ring, fatima);
    expect(sealed).toHaveLength(224 + 2 * 192 + 48);
    // the signer stays hidden from the server, which stores the sealed bytes
    expect(indexOfBytes(sealed, sanne.signer.publicKey)).toBe(-1);
    const opened = openKeyRing(sealed, fatima.box, place(fatima));
    expect(opened).toEqual({
      ...ring,
      slotId: fatima.slotId,
      signerPublicKey: sanne.signer.publicKey,
    });
    const other = seal({ mapId: MAP_ID, epochs: { 4_000_000_000: keys, 7: k2 } }, fatima);
    expect(other).toHaveLength(sealed.length);
    // the plaintext is [signer 32][sig 64][JSON] as documented
    const plain = sodium.crypto_box_seal_open(sealed, fatima.box.publicKey, fatima.box.secretKey);
    expect(indexOfBytes(plain, sanne.signer.publicKey)).toBe(0);
    const text = new TextDecoder().decode(plain.subarray(96, plain.lastIndexOf(0x80)));
    expect(text.startsWith(`{"v":3,"mapId":"${MAP_ID}","slotId":"${fatima.slotId}",`)).toBe(true);
  });

  it('trusts a ring signed by an owner of the log, and refuses any other signer', () => {
    const ring: KeyRing = { mapId: MAP_ID, epochs: { 1: { base: keys.base } } };
    for (const owner of [sanne, micha]) {
      trustKeyRing(openKeyRing(seal(ring, fatima, owner), fatima.box, place(fatima)), log);
    }
    // a member who holds the base key (Fatima herself) makes a ring with a detail key of her own
    const byMember = seal(
      { mapId: MAP_ID, epochs: { 1: { base: keys.base, detail: newSectionKeys().detail } } },
      micha,
      fatima,
    );
    const opened = openKeyRing(byMember, micha.box, place(micha));
    expectCryptoError(() => trustKeyRing(opened, log), 'untrusted-key-ring');
    // the server: fresh keys, its own signing key, sealed to Micha's published box key
    const server = person('Server', 'owner');
    const byServer = seal({ mapId: MAP_ID, epochs: { 1: newSectionKeys() } }, micha, server);
    const forged = openKeyRing(byServer, micha.box, place(micha));
    expectCryptoError(() => trustKeyRing(forged, log), 'untrusted-key-ring');
    expectCryptoError(
      () =>
        trustKeyRing({ ...forged, signerPublicKey: sanne.signer.publicKey, mapId: OTHER_MAP }, log),
      'untrusted-key-ring',
    );
  });

  it('keeps an owner who stepped back trusted in her epoch, and only the rotating owner after', () => {
    const ring: KeyRing = { mapId: MAP_ID, epochs: { 1: { base: keys.base } } };
    const byMicha = openKeyRing(seal(ring, fatima, micha), fatima.box, place(fatima));
    const stepped = appendLogEntry({
      log,
      change: { type: 'ROLE', data: { slotId: micha.slotId, role: 'informal' } },
      baseKey: keys.base,
      signer: sanne.signer,
    }).log;
    trustKeyRing(byMicha, stepped);
    const rotated = rotateMap({
      log: stepped,
      removeSlotIds: [],
      ownerRing: { mapId: MAP_ID, epochs: { 1: keys } },
      signer: sanne.signer,
    });
    trustKeyRing(
      openKeyRing(rotated.keyRings[fatima.slotId]!, fatima.box, place(fatima)),
      rotated.log,
    );
    const next: KeyRing = { mapId: MAP_ID, epochs: { 2: { base: rotated.keys.base } } };
    const lateMicha = openKeyRing(seal(next, fatima, micha), fatima.box, place(fatima));
    expectCryptoError(() => trustKeyRing(lateMicha, rotated.log), 'untrusted-key-ring');
  });

  it('refuses unsigned rings (formats 1 and 2), another slot or map, another key and tampering', () => {
    const oldBundle = sealKeyBundle({ mapId: MAP_ID, epoch: 1, keys }, fatima.box.publicKey);
    expectCryptoError(
      () => openKeyRing(oldBundle, fatima.box, place(fatima)),
      'untrusted-key-ring',
    );
    const key = 'A'.repeat(43);
    const sealJson = (value: unknown) =>
      sodium.crypto_box_seal(padTo(utf8Encode(JSON.stringify(value)), 512), fatima.box.publicKey);
    const v2 = sealJson({ v: 2, mapId: MAP_ID, epochs: { 1: { base: key } } });
    expectCryptoError(() => openKeyRing(v2, fatima.box, place(fatima)), 'untrusted-key-ring');

    // signed by an owner, but not a ring as documented
    const slotId = fatima.slotId;
    const signedJson = (value: unknown) => {
      const json = utf8Encode(JSON.stringify(value));
      const context = utf8Encode(`nk1|key-ring|${MAP_ID}|${slotId}`);
      const plain = signedPlaintext(sanne.signer, concatBytes(json, context), json);
      return sodium.crypto_box_seal(padTo(plain, 512), fatima.box.publicKey);
    };
    for (const hostile of [
      { v: 4, mapId: MAP_ID, slotId, epochs: { 1: { base: key } } },
      { v: 3, mapId: MAP_ID, slotId, epochs: {} },
      { v: 3, mapId: MAP_ID, slotId, epochs: { '01': { base: key } } },
      { v: 3, mapId: MAP_ID, slotId, epochs: { '-1': { base: key } } },
      { v: 3, mapId: MAP_ID, slotId, epochs: { 1: { detail: key } } },
      { v: 3, mapId: MAP_ID, slotId, epochs: { 1: { base: key, notes: key } } },
      { v: 3, mapId: MAP_ID, slotId, epochs: [] },
      { v: 3, mapId: MAP_ID, slotId },
    ]) {
      expectCryptoError(
        () => openKeyRing(signedJson(hostile), fatima.box, place(fatima)),
        'malformed',
      );
    }

    const sealed = seal({ mapId: MAP_ID, epochs: { 1: newSectionKeys() } }, fatima);
    // signed for Fatima's slot: served for another slot or map, the signature's context differs
    expectCryptoError(
      () => openKeyRing(sealed, fatima.box, { mapId: MAP_ID, slotId: micha.slotId }),
      'untrusted-key-ring',
    );
    expectCryptoError(
      () => openKeyRing(sealed, fatima.box, { mapId: OTHER_MAP, slotId: fatima.slotId }),
      'untrusted-key-ring',
    );
    expectCryptoError(() => openKeyRing(sealed, micha.box, place(fatima)), 'decrypt-failure');
    expectCryptoError(
      () => openKeyRing(flipByte(sealed, 100), fatima.box, place(fatima)),
      'decrypt-failure',
    );
    expectCryptoError(
      () => openKeyRing(sealed.subarray(0, 48), fatima.box, place(fatima)),
      'malformed',
    );
    expectCryptoError(() => seal({ mapId: MAP_ID, epochs: {} }, fatima), 'malformed');
    const noBase = { mapId: MAP_ID, epochs: { 1: { detail: keys.detail } } } as unknown as KeyRing;
    expectCryptoError(() => seal(noBase, fatima), 'malformed');
    const many: KeyRing = { mapId: MAP_ID, epochs: {} };
    for (let e = 0; e <= 256; e++) many.epochs[e] = { base: keys.base };
    expectCryptoError(() => seal(many, fatima), 'malformed');
    expectCryptoError(
      () => seal({ mapId: MAP_ID, epochs: { 1: keys } }, fatima, sanne, 'x'),
      'malformed',
    );
  });
});
