import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adCard,
  appendLogEntry,
  concatBytes,
  decryptCard,
  decryptEnvelope,
  encryptCard,
  encryptEnvelope,
  loadSodium,
  newId,
  newSectionKeys,
  startLog,
  toBase64Url,
  utf8Decode,
  utf8Encode,
  type LogState,
  type MemberCard,
} from '../../../shared/crypto/index.js';
import { cardSignatureContext } from '../../../shared/crypto/ad.js';
import { encryptCardWithNonce } from '../../../shared/crypto/card.js';
import { signedPlaintext } from '../../../shared/crypto/hidden-signer.js';
import { expectCryptoError, flipByte, hex, sequence } from './fixtures.js';
import { indexOfBytes, person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';

const CARD: MemberCard = {
  whatIDo: 'Controles in de zwangerschap en de kraamweek.',
  howToReach: 'Praktijk: 020-1234567, spoed 24/7',
  when: 'ma–vr 8–17 uur',
  role: 'verloskundige',
  name: 'Fatima Yilmaz',
  organisation: 'Verloskundigenpraktijk De Wieg',
};

describe('member cards', () => {
  let sanne: Person;
  let fatima: Person;
  let els: Person;
  let base: Uint8Array;
  let log: LogState;

  beforeAll(async () => {
    await loadSodium();
    sanne = person('Sanne', 'owner');
    fatima = person('Fatima', 'professional', ['base'], 'verloskundige');
    els = person('E.', 'informal');
    base = newSectionKeys().base;
    let step = startLog({
      mapId: MAP_ID,
      epoch: 2,
      baseKey: base,
      creator: sanne.member,
      signer: sanne.signer,
    });
    for (const someone of [fatima, els]) {
      step = appendLogEntry({
        log: step.log,
        change: { type: 'ADD', data: someone.member },
        baseKey: base,
        signer: sanne.signer,
      });
    }
    log = step.log;
  });

  const write = (by: Person, slotId = by.slotId, cardVersion = 1) =>
    encryptCard({
      mapId: MAP_ID,
      epoch: 2,
      slotId,
      cardVersion,
      card: CARD,
      keys: { base },
      signer: by.signer,
    });

  it('produces the fixed vector for a fixed card', () => {
    const pair = sodium.crypto_sign_seed_keypair(sequence(32, 0x50));
    const signer = { publicKey: pair.publicKey, secretKey: pair.privateKey };
    const slotId = 'EBESExQVFhcYGRobHB0eHw';
    const key = sequence(32, 0x10);
    const body = encryptCardWithNonce(
      { mapId: MAP_ID, epoch: 2, slotId, cardVersion: 3, card: CARD, keys: { base: key }, signer },
      sequence(24, 0x40),
    );
    expect(hex(body.subarray(0, 9))).toBe('01' + '00000002' + '00000003');
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      '564ef63462e1304d257ee8bbdae2c1345d904fd32dbc7838e129f1751ed4eabe',
    );
    const context = `card|${MAP_ID}|${slotId}|2|3`;
    expect(adCard(MAP_ID, slotId, 2, 3)).toBe(context);
    const plain = decryptEnvelope(key, body.subarray(9), context);
    expect(hex(plain.subarray(0, 32))).toBe(hex(signer.publicKey));
    const json = plain.subarray(96);
    expect(JSON.parse(utf8Decode(json))).toEqual({ v: 2, ...CARD });
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(signer.publicKey) },
      format: 'jwk',
    });
    const message = Buffer.concat([json, utf8Encode(`nk1|${context}`)]);
    expect(nodeVerify(null, message, publicKey, plain.subarray(32, 96))).toBe(true);
    expect(indexOfBytes(body, signer.publicKey)).toBe(-1);
  });

  it("round-trips a member's own card, checked against the log", () => {
    const body = write(fatima);
    expect(indexOfBytes(body, fatima.signer.publicKey)).toBe(-1);
    const read = decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body, log });
    expect(read).toMatchObject({
      epoch: 2,
      cardVersion: 1,
      card: CARD,
      memberRole: 'professional',
    });
    expect(hex(read.signerPublicKey)).toBe(hex(fatima.signer.publicKey));
  });

  it('refuses a card signed by another member than the slot’s, even an owner', () => {
    for (const writer of [els, sanne]) {
      const body = write(writer, fatima.slotId);
      expectCryptoError(
        () => decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body, log }),
        'bad-signature',
      );
    }
    const removed = appendLogEntry({
      log,
      change: { type: 'REMOVE', data: { slotId: fatima.slotId } },
      baseKey: base,
      signer: sanne.signer,
    }).log;
    expectCryptoError(
      () =>
        decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body: write(fatima), log: removed }),
      'bad-signature',
    );
  });

  it('refuses tampering, another place, and a missing or wrong key', () => {
    const body = write(fatima, fatima.slotId, 4);
    const read = (b: Uint8Array, slotId = fatima.slotId, mapId = MAP_ID, state = log) =>
      decryptCard({ mapId, slotId, body: b, log: state });
    for (const index of [5, 8, 12, 40, body.length - 1]) {
      expectCryptoError(() => read(flipByte(body, index)), 'decrypt-failure');
    }
    // epoch byte: no key for epoch 3
    expectCryptoError(() => read(flipByte(body, 4)), 'decrypt-failure');
    expectCryptoError(() => read(body, els.slotId), 'decrypt-failure');
    expectCryptoError(() => read(body, fatima.slotId, newId()), 'decrypt-failure');
    const wrongKey = { ...log, baseKeys: { 2: newSectionKeys().base } };
    expectCryptoError(() => read(body, fatima.slotId, MAP_ID, wrongKey), 'decrypt-failure');
    const format = body.slice();
    format[0] = 2;
    expectCryptoError(() => read(format), 'unsupported-version');
    expectCryptoError(() => read(body.subarray(0, 9)), 'malformed');
    expectCryptoError(() => read(new Uint8Array(0)), 'malformed');
  });

  it('refuses to write a card with a bad shape or place', () => {
    const bad = (card: MemberCard, cardVersion = 1) =>
      expectCryptoError(
        () =>
          encryptCard({
            mapId: MAP_ID,
            epoch: 2,
            slotId: fatima.slotId,
            cardVersion,
            card,
            keys: { base },
            signer: fatima.signer,
          }),
        'malformed',
      );
    bad({ ...CARD, whatIDo: 'x'.repeat(501) });
    bad({ ...CARD, diagnosis: 'nee' } as MemberCard);
    bad({ ...CARD, name: 5 as unknown as string });
    bad(CARD, 0);
  });

  describe('warm handover suggestions', () => {
    const SUGGESTIONS = [
      { name: 'Anouk de Vries', role: 'lactatiekundige', organisation: 'Borstvoeding Oost' },
      { name: 'Mo', role: 'taalcoach', note: 'Spreekt Arabisch; via het buurthuis.' },
    ];
    const seal = (card: MemberCard) =>
      encryptCard({
        mapId: MAP_ID,
        epoch: 2,
        slotId: fatima.slotId,
        cardVersion: 1,
        card,
        keys: { base },
        signer: fatima.signer,
      });
    const bad = (suggestions: unknown) =>
      expectCryptoError(() => seal({ ...CARD, suggestions } as MemberCard), 'malformed');

    it('round-trips up to five suggestions; a card without them stays valid', () => {
      const card: MemberCard = { ...CARD, suggestions: SUGGESTIONS };
      const read = decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body: seal(card), log });
      expect(read.card).toEqual(card);
      const five = Array.from({ length: 5 }, (_, i) => ({ name: `N${i}`, role: 'buurvrouw' }));
      const readFive = decryptCard({
        mapId: MAP_ID,
        slotId: fatima.slotId,
        body: seal({ ...CARD, suggestions: five }),
        log,
      });
      expect(readFive.card.suggestions).toEqual(five);
      const old = decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body: seal(CARD), log });
      expect(old.card).toEqual(CARD);
      expect('suggestions' in old.card).toBe(false);
    });

    it('refuses too many, too long, empty or unknown fields in a suggestion', () => {
      const one = { name: 'Anouk', role: 'lactatiekundige' };
      bad(Array.from({ length: 6 }, () => one));
      bad([{ ...one, name: 'x'.repeat(81) }]);
      bad([{ ...one, role: 'x'.repeat(81) }]);
      bad([{ ...one, organisation: 'x'.repeat(81) }]);
      bad([{ ...one, note: 'x'.repeat(281) }]);
      bad([{ ...one, name: '' }]);
      bad([{ ...one, role: '' }]);
      bad([{ name: 'Anouk' }]);
      bad([{ ...one, phone: '0612345678' }]);
      bad([{ ...one, note: 5 }]);
      bad([one, 'Anouk']);
      bad(one);
      // exactly at the limits is fine
      const edge = {
        name: 'x'.repeat(80),
        role: 'y'.repeat(80),
        organisation: 'z'.repeat(80),
        note: 'n'.repeat(280),
      };
      expect(() => seal({ ...CARD, suggestions: [edge] })).not.toThrow();
    });
  });

  describe('borger answer', () => {
    const seal = (card: MemberCard) =>
      encryptCard({
        mapId: MAP_ID,
        epoch: 2,
        slotId: fatima.slotId,
        cardVersion: 1,
        card,
        keys: { base },
        signer: fatima.signer,
      });
    const read = (body: Uint8Array) =>
      decryptCard({ mapId: MAP_ID, slotId: fatima.slotId, body, log }).card;

    /** A card as a client before format 2 wrote it: JSON v1, the role in her own words. */
    const writeV1 = (card: Record<string, unknown>) => {
      const context = adCard(MAP_ID, fatima.slotId, 2, 1);
      const json = utf8Encode(JSON.stringify({ v: 1, ...card }));
      const message = concatBytes(json, cardSignatureContext(MAP_ID, fatima.slotId, 2, 1));
      const envelope = encryptEnvelope(
        base,
        signedPlaintext(fatima.signer, message, json),
        context,
      );
      return concatBytes(new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0, 1]), envelope);
    };

    it('carries yes or no as a field; a card without it has not answered', () => {
      expect(read(seal({ ...CARD, borger: 'yes' })).borger).toBe('yes');
      expect(read(seal({ ...CARD, borger: 'no' })).borger).toBe('no');
      expect('borger' in read(seal(CARD))).toBe(false);
      expectCryptoError(
        () => seal({ ...CARD, borger: 'ja' } as unknown as MemberCard),
        'malformed',
      );
      expectCryptoError(
        () => seal({ ...CARD, borger: true } as unknown as MemberCard),
        'malformed',
      );
    });

    it('reads a version 1 card as not answered, whatever her free text says', () => {
      for (const role of ['borger', 'geen borger', 'Borger (verloskundige)']) {
        const card = read(writeV1({ ...CARD, role }));
        expect(card.role).toBe(role);
        expect(card.borger).toBeUndefined();
      }
      // version 1 never had the field, so a v1 card that claims it is not a real one
      expectCryptoError(() => read(writeV1({ ...CARD, borger: 'yes' })), 'malformed');
    });
  });
});
