import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  loadSodium,
  newId,
  newSectionKeys,
  NO_LOG_HEAD,
  utf8Encode,
  type KeyPair,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import {
  CATEGORIES,
  decodeBase,
  decodeDetail,
  decodePrivate,
  decryptMapDocument,
  emptyMapDocument,
  encodeSection,
  encryptMapDocument,
  PHASES,
  SUPPORT_KINDS,
  type BaseEntry,
  type MapDocument,
} from '../../../shared/map/document.js';
import { expectCryptoError } from '../crypto/fixtures.js';

function entry(i: number): BaseEntry {
  return {
    id: newId(),
    label: `Persoon ${i} – ${'ÉÖ👶'.repeat(i % 3)}`,
    category: CATEGORIES[i % CATEGORIES.length]!,
    ring: ((i % 3) + 1) as 1 | 2 | 3,
    support: SUPPORT_KINDS.slice(0, i % SUPPORT_KINDS.length),
    supportNote: i % 2 === 0 ? '' : 'Haalt boodschappen op dinsdag.',
    phases: PHASES.slice(i % PHASES.length),
    active: i % 5 !== 0,
    trusted: i % 7 === 0,
  };
}

function bigDocument(count: number): MapDocument {
  const doc = emptyMapDocument('Netwerk van Sanne');
  doc.base.centre = { parents: ['S.', 'M.'], children: ['Noor'] };
  doc.base.entries = Array.from({ length: count }, (_, i) => entry(i));
  doc.detail = {
    v: 1,
    entries: Object.fromEntries(
      doc.base.entries
        .filter((_, i) => i % 2 === 0)
        .map((e, i) => [
          e.id,
          i % 3 === 0 ? { name: `Naam ${i}`, contact: '06-12345678', note: 'Kan ’s avonds.' } : {},
        ]),
    ),
  };
  doc.private = { v: 1, wishes: 'Rust in de kraamweek; geen bezoek voor 11 uur.' };
  return doc;
}

describe('map document', () => {
  let keys: SectionKeys;
  let author: KeyPair;
  const mapId = 'AAECAwQFBgcICQoLDA0ODw';

  beforeAll(async () => {
    await loadSodium();
    keys = newSectionKeys();
    const pair = sodium.crypto_sign_keypair();
    author = { publicKey: pair.publicKey, secretKey: pair.privateKey };
  });

  it('an empty document is valid and encodes deterministically', () => {
    const doc = emptyMapDocument('Ons netwerk');
    expect(doc.base).toEqual({
      v: 1,
      title: 'Ons netwerk',
      centre: { parents: [], children: [] },
      entries: [],
    });
    expect(decodeBase(encodeSection(doc.base))).toEqual(doc.base);
    expect(decodeDetail(encodeSection(doc.detail!))).toEqual(doc.detail);
    expect(decodePrivate(encodeSection(doc.private!))).toEqual(doc.private);
    expectCryptoError(() => emptyMapDocument(''), 'malformed');
  });

  it('round-trips a document with 60 entries through encryption', () => {
    const doc = bigDocument(60);
    const body = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 5,
      doc,
      keys,
      signer: author,
      logHead: NO_LOG_HEAD,
    });
    const read = decryptMapDocument({
      mapId,
      version: 5,
      body,
      keys,
      trustedSigners: [author.publicKey],
    });
    expect(read.epoch).toBe(2);
    expect(read.doc).toEqual(doc);
    expect(read.doc.base.entries).toHaveLength(60);
  });

  it('a reader with only the base key sees base but not detail or private', () => {
    const body = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 5,
      doc: bigDocument(60),
      keys,
      signer: author,
      logHead: NO_LOG_HEAD,
    });
    const read = decryptMapDocument({ mapId, version: 5, body, keys: { base: keys.base } });
    expect(read.doc.base.entries).toHaveLength(60);
    expect(read.doc.detail).toBeUndefined();
    expect(read.doc.private).toBeUndefined();
    expectCryptoError(
      () => decryptMapDocument({ mapId, version: 5, body, keys: { detail: keys.detail } }),
      'malformed',
    );
  });

  it('a writer without the private key cannot include the private section', () => {
    const doc = bigDocument(3);
    const writerKeys = { base: keys.base, detail: keys.detail };
    expectCryptoError(
      () =>
        encryptMapDocument({
          mapId,
          epoch: 2,
          version: 6,
          doc,
          keys: writerKeys,
          signer: author,
          logHead: NO_LOG_HEAD,
        }),
      'malformed',
    );
    const withoutPrivate = { base: doc.base, detail: doc.detail };
    const body = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 6,
      doc: withoutPrivate,
      keys: writerKeys,
      signer: author,
      logHead: NO_LOG_HEAD,
    });
    expect(decryptMapDocument({ mapId, version: 6, body, keys }).doc).toEqual(withoutPrivate);
  });

  it('a writer without detail and private keys carries them from the previous body', () => {
    const doc = bigDocument(4);
    const previousBody = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 6,
      doc,
      keys,
      signer: author,
      logHead: NO_LOG_HEAD,
    });
    const pair = sodium.crypto_sign_keypair();
    const professional = { publicKey: pair.publicKey, secretKey: pair.privateKey };
    const mine = decryptMapDocument({
      mapId,
      version: 6,
      body: previousBody,
      keys: { base: keys.base },
    });
    mine.doc.base.entries[0]!.supportNote = 'Komt elke dinsdag.';
    const body = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 7,
      doc: mine.doc,
      keys: { base: keys.base },
      signer: professional,
      previousBody,
      logHead: NO_LOG_HEAD,
    });
    const read = decryptMapDocument({ mapId, version: 7, body, keys });
    expect(read.doc.base.entries[0]!.supportNote).toBe('Komt elke dinsdag.');
    expect(read.doc.detail).toEqual(doc.detail);
    expect(read.doc.private).toEqual(doc.private);
    expect(read.signerPublicKey).toEqual(professional.publicKey);
    // without previousBody the sections are simply left out
    const dropped = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 7,
      doc: mine.doc,
      keys: { base: keys.base },
      signer: professional,
      logHead: NO_LOG_HEAD,
    });
    expect(
      decryptMapDocument({ mapId, version: 7, body: dropped, keys }).doc.detail,
    ).toBeUndefined();
    // a writer with the detail key writes its own detail, carrying only private
    const withDetail = encryptMapDocument({
      mapId,
      epoch: 2,
      version: 7,
      doc: { base: doc.base, detail: { v: 1, entries: {} } },
      keys: { base: keys.base, detail: keys.detail },
      signer: author,
      previousBody,
      logHead: NO_LOG_HEAD,
    });
    const both = decryptMapDocument({ mapId, version: 7, body: withDetail, keys }).doc;
    expect(both.detail).toEqual({ v: 1, entries: {} });
    expect(both.private).toEqual(doc.private);
    // section envelopes are bound to their epoch: carrying across a rotation is refused
    expectCryptoError(
      () =>
        encryptMapDocument({
          mapId,
          epoch: 3,
          version: 7,
          doc: mine.doc,
          keys: { base: keys.base },
          signer: professional,
          previousBody,
          logHead: NO_LOG_HEAD,
        }),
      'malformed',
    );
  });

  it('refuses to encrypt an invalid document', () => {
    const doc = bigDocument(2);
    doc.base.entries[1]!.ring = 4 as 1;
    expectCryptoError(
      () =>
        encryptMapDocument({
          mapId,
          epoch: 2,
          version: 5,
          doc,
          keys,
          signer: author,
          logHead: NO_LOG_HEAD,
        }),
      'malformed',
    );
  });

  it('rejects base sections with a bad shape as malformed', () => {
    const good = bigDocument(2).base;
    const e = good.entries[0]!;
    const variants: unknown[] = [
      { ...good, v: 2 },
      { ...good, extra: 1 },
      { ...good, title: '' },
      { ...good, title: 'x'.repeat(81) },
      { ...good, centre: { parents: [] } },
      { ...good, centre: { parents: [''], children: [] } },
      { ...good, entries: {} },
      { ...good, entries: [e, e] }, // duplicate id
      { ...good, entries: Array.from({ length: 501 }, () => ({ ...e, id: newId() })) },
      { ...good, entries: [{ ...e, id: 'oma' }] },
      { ...good, entries: [{ ...e, label: '' }] },
      { ...good, entries: [{ ...e, label: '   ' }] },
      { ...good, entries: [{ ...e, label: 'x'.repeat(81) }] },
      { ...good, entries: [{ ...e, label: 'bad \uD800 half' }] },
      { ...good, entries: [{ ...e, category: 'neighbours' }] },
      { ...good, entries: [{ ...e, ring: 0 }] },
      { ...good, entries: [{ ...e, ring: '1' }] },
      { ...good, entries: [{ ...e, support: ['talk', 'talk'] }] },
      { ...good, entries: [{ ...e, support: ['gossip'] }] },
      { ...good, entries: [{ ...e, supportNote: 'x'.repeat(281) }] },
      { ...good, entries: [{ ...e, phases: ['puberteit'] }] },
      { ...good, entries: [{ ...e, active: 'yes' }] },
      { ...good, entries: [{ ...e, trusted: undefined }] },
      { ...good, entries: [{ ...e, name: 'Oma Els' }] }, // a name must never land in base
    ];
    for (const variant of variants) {
      expectCryptoError(() => decodeBase(utf8Encode(JSON.stringify(variant))), 'malformed');
    }
    const label80 = { ...good, entries: [{ ...e, label: '👶'.repeat(80) }] }; // 80 code points is fine
    expect(decodeBase(utf8Encode(JSON.stringify(label80))).entries[0]!.label).toHaveLength(160);
    expectCryptoError(() => decodeBase(utf8Encode('{"v":1')), 'malformed');
    expectCryptoError(() => decodeBase(Uint8Array.of(0xff)), 'malformed');
  });

  it('rejects detail and private sections with a bad shape as malformed', () => {
    const id = newId();
    const details: unknown[] = [
      { v: 1 },
      { v: 1, entries: [] },
      { v: 1, entries: { oma: {} } },
      { v: 1, entries: { [id]: { name: 5 } } },
      { v: 1, entries: { [id]: { phone: '06' } } },
      { v: 1, entries: { [id]: { note: 'x'.repeat(2001) } } },
      { v: 1, entries: { [id]: null } },
    ];
    for (const detail of details) {
      expectCryptoError(() => decodeDetail(utf8Encode(JSON.stringify(detail))), 'malformed');
    }
    expect(
      decodeDetail(utf8Encode(JSON.stringify({ v: 1, entries: { [id]: { name: 'Els' } } })))
        .entries[id],
    ).toEqual({
      name: 'Els',
    });
    // the parent's place is optional, so maps written before it still open
    expect(decodePrivate(utf8Encode(JSON.stringify({ v: 1, wishes: '', place: 'Delft' })))).toEqual(
      {
        v: 1,
        wishes: '',
        place: 'Delft',
      },
    );
    expect(decodePrivate(utf8Encode(JSON.stringify({ v: 1, wishes: '' })))).toEqual({
      v: 1,
      wishes: '',
    });
    for (const privateSection of [
      { v: 1 },
      { v: 1, wishes: 3 },
      { v: 1, wishes: 'x'.repeat(5001) },
      { wishes: '' },
      { v: 1, wishes: '', place: 3 },
      { v: 1, wishes: '', place: 'x'.repeat(81) },
      { v: 1, wishes: '', city: 'Delft' },
    ]) {
      expectCryptoError(
        () => decodePrivate(utf8Encode(JSON.stringify(privateSection))),
        'malformed',
      );
    }
  });
});
