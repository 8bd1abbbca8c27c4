import { verify as nodeVerify, createPublicKey } from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adSection,
  decryptEnvelope,
  decryptMapVersion,
  encryptEnvelope,
  encryptMapVersion,
  loadSodium,
  newId,
  newSectionKeys,
  readU32,
  toBase64Url,
  utf8Decode,
  utf8Encode,
  type KeyPair,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { assembleVersionBody, parseVersionBody } from '../../../shared/crypto/map-version.js';
import { expectCryptoError, flipByte, hex } from './fixtures.js';

function signKeyPair(): KeyPair {
  const pair = sodium.crypto_sign_keypair();
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

describe('map version body', () => {
  let keys: SectionKeys;
  let author: KeyPair;
  const mapId = 'AAECAwQFBgcICQoLDA0ODw';
  const sections = {
    base: utf8Encode('{"base":true}'),
    detail: utf8Encode('{"detail":"Oma Els, 06-12345678"}'),
    private: utf8Encode('{"wishes":"rust"}'),
  };

  beforeAll(async () => {
    await loadSodium();
    keys = newSectionKeys();
    author = signKeyPair();
  });

  const write = (version = 7, epoch = 3): Uint8Array =>
    encryptMapVersion({ mapId, epoch, version, sections, keys, signer: author });

  it('lays out bytes exactly as documented', () => {
    const body = write(7, 0x01020304);
    expect(body[0]).toBe(0x01);
    expect(hex(body.subarray(1, 33))).toBe(hex(author.publicKey));
    expect([...body.subarray(33, 37)]).toEqual([1, 2, 3, 4]);
    expect(body[37]).toBe(3);
    let offset = 38;
    for (const [id, section] of [
      [1, 'base'],
      [2, 'detail'],
      [3, 'private'],
    ] as const) {
      expect(body[offset]).toBe(id);
      const length = readU32(body, offset + 1);
      const envelope = body.subarray(offset + 5, offset + 5 + length);
      expect(envelope[0]).toBe(0x01);
      const context = adSection(mapId, 0x01020304, 7, section);
      expect(utf8Decode(decryptEnvelope(keys[section], envelope, context))).toBe(
        utf8Decode(sections[section]),
      );
      offset += 5 + length;
    }
    expect(body.length - offset).toBe(64);
    // the signature covers everything before it plus "nk1|version|<mapId>|<version>", checked by Node's Ed25519
    const message = Buffer.concat([body.subarray(0, offset), utf8Encode(`nk1|version|${mapId}|7`)]);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(author.publicKey) },
      format: 'jwk',
    });
    expect(nodeVerify(null, message, publicKey, body.subarray(offset))).toBe(true);
    const layout = parseVersionBody(body);
    expect(layout.sections.map((s) => [s.section, s.offset])).toEqual([
      ['base', 43],
      ['detail', 43 + layout.sections[0]!.length + 5],
      ['private', layout.sections[1]!.offset + layout.sections[1]!.length + 5],
    ]);
  });

  it('round-trips all sections and returns epoch and signer', () => {
    const read = decryptMapVersion({
      mapId,
      version: 7,
      body: write(),
      keys,
      trustedSigners: [author.publicKey],
    });
    expect(read.epoch).toBe(3);
    expect(hex(read.signerPublicKey)).toBe(hex(author.publicKey));
    expect(utf8Decode(read.sections.detail!)).toBe(utf8Decode(sections.detail));
    expect(read.sections.private).toEqual(sections.private);
  });

  it('a reader with only the base key sees base, not detail or private', () => {
    const read = decryptMapVersion({ mapId, version: 7, body: write(), keys: { base: keys.base } });
    expect(read.sections.base).toEqual(sections.base);
    expect(read.sections.detail).toBeUndefined();
    expect(read.sections.private).toBeUndefined();
  });

  it('writes only the sections given; each needs its key', () => {
    const body = encryptMapVersion({
      mapId,
      epoch: 3,
      version: 2,
      sections: { base: sections.base },
      keys: { base: keys.base },
      signer: author,
    });
    expect(body[37]).toBe(1);
    expect(decryptMapVersion({ mapId, version: 2, body, keys }).sections).toEqual({
      base: sections.base,
    });
    expectCryptoError(
      () =>
        encryptMapVersion({
          mapId,
          epoch: 3,
          version: 2,
          sections,
          keys: { base: keys.base },
          signer: author,
        }),
      'malformed',
    );
    expectCryptoError(
      () => encryptMapVersion({ mapId, epoch: 3, version: 2, sections: {}, keys, signer: author }),
      'malformed',
    );
    const mismatched = { publicKey: signKeyPair().publicKey, secretKey: author.secretKey };
    expectCryptoError(
      () => encryptMapVersion({ mapId, epoch: 3, version: 2, sections, keys, signer: mismatched }),
      'malformed',
    );
  });

  it('one changed byte anywhere fails with bad-signature (checked before decrypting)', () => {
    const body = write();
    for (const index of [1, 20, 34, 37, 38, 40, 50, 100, body.length - 64, body.length - 1]) {
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: flipByte(body, index), keys }),
        'bad-signature',
      );
    }
  });

  it('a body presented as another version or map fails with bad-signature', () => {
    const body = write(7);
    expectCryptoError(() => decryptMapVersion({ mapId, version: 8, body, keys }), 'bad-signature');
    expectCryptoError(() => decryptMapVersion({ mapId, version: 6, body, keys }), 'bad-signature');
    expectCryptoError(
      () => decryptMapVersion({ mapId: newId(), version: 7, body, keys }),
      'bad-signature',
    );
  });

  it('an untrusted signer fails with bad-signature', () => {
    const stranger = signKeyPair();
    const body = encryptMapVersion({
      mapId,
      epoch: 3,
      version: 7,
      sections,
      keys,
      signer: stranger,
    });
    expectCryptoError(
      () =>
        decryptMapVersion({ mapId, version: 7, body, keys, trustedSigners: [author.publicKey] }),
      'bad-signature',
    );
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body, keys, trustedSigners: [] }),
      'bad-signature',
    );
    const ok = decryptMapVersion({
      mapId,
      version: 7,
      body,
      keys,
      trustedSigners: [author.publicKey, stranger.publicKey],
    });
    expect(hex(ok.signerPublicKey)).toBe(hex(stranger.publicKey));
  });

  it('envelopes re-signed into another version, epoch or section fail with decrypt-failure', () => {
    // a member who may sign still cannot replay old section ciphertexts into a new place
    const old = parseVersionBody(write(7, 3));
    const [base, detail] = old.sections;
    const resign = (
      version: number,
      epoch: number,
      envelopes: Array<{ section: 'base' | 'detail'; envelope: Uint8Array }>,
    ) => assembleVersionBody({ mapId, epoch, version, envelopes, signer: author });
    const replayed = resign(8, 3, [{ section: 'base', envelope: base!.envelope }]);
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 8, body: replayed, keys }),
      'decrypt-failure',
    );
    const otherEpoch = resign(7, 4, [{ section: 'base', envelope: base!.envelope }]);
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: otherEpoch, keys }),
      'decrypt-failure',
    );
    const moved = resign(7, 3, [{ section: 'detail', envelope: base!.envelope }]);
    expectCryptoError(
      () =>
        decryptMapVersion({ mapId, version: 7, body: moved, keys: { ...keys, detail: keys.base } }),
      'decrypt-failure',
    );
    const fine = resign(7, 3, [
      { section: 'base', envelope: base!.envelope },
      { section: 'detail', envelope: detail!.envelope },
    ]);
    expect(decryptMapVersion({ mapId, version: 7, body: fine, keys }).sections.detail).toEqual(
      sections.detail,
    );
  });

  it('keys of another epoch fail with decrypt-failure', () => {
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: write(), keys: newSectionKeys() }),
      'decrypt-failure',
    );
  });

  it('rejects an unknown format byte and truncation', () => {
    const body = write();
    const changed = body.slice();
    changed[0] = 2;
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: changed, keys }),
      'unsupported-version',
    );
    for (const length of [0, 1, 38, 101]) {
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: body.slice(0, length), keys }),
        'malformed',
      );
    }
    // cut or extended bodies no longer match their signature
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: body.slice(0, -65), keys }),
      'bad-signature',
    );
    const longer = new Uint8Array([...body, 0]);
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: longer, keys }),
      'bad-signature',
    );
  });

  it('rejects bad layouts even when validly signed (a buggy or hostile member)', () => {
    const body = write();
    const signedPart = body.subarray(0, body.length - 64);
    const resigned = (mutate: (bytes: Uint8Array) => void): Uint8Array => {
      const part = signedPart.slice();
      mutate(part);
      const message = new Uint8Array([...part, ...utf8Encode(`nk1|version|${mapId}|7`)]);
      return new Uint8Array([...part, ...sodium.crypto_sign_detached(message, author.secretKey)]);
    };
    expect(
      decryptMapVersion({ mapId, version: 7, body: resigned(() => undefined), keys }).epoch,
    ).toBe(3);
    const badBodies = [
      resigned((b) => (b[37] = 0)), // no sections
      resigned((b) => (b[37] = 4)), // more sections than exist
      resigned((b) => (b[38] = 9)), // unknown section id
      resigned((b) => (b[38] = 2)), // detail twice: out of order
      resigned((b) => b.set([0xff, 0xff, 0xff, 0xff], 39)), // length past the end
      resigned((b) => b.set([0, 0, 0, 1], 39)), // bytes left over
    ];
    for (const bad of badBodies)
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: bad, keys }),
        'malformed',
      );
    expectCryptoError(() => decryptMapVersion({ mapId, version: 0, body, keys }), 'malformed');
    const raw = encryptEnvelope(keys.base, sections.base, adSection(mapId, 3, 7, 'base'));
    expectCryptoError(
      () =>
        assembleVersionBody({
          mapId,
          epoch: 3,
          version: 7,
          envelopes: [
            { section: 'detail', envelope: raw },
            { section: 'base', envelope: raw },
          ],
          signer: author,
        }),
      'malformed',
    );
  });
});
