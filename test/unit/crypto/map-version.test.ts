import { verify as nodeVerify, createPublicKey, createHash } from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adSectionInEpoch,
  adVersionSignature,
  decryptEnvelope,
  decryptMapVersion,
  encryptMapVersion,
  extractSectionEnvelopes,
  loadSodium,
  readU32,
  readVersionEpoch,
  SIGNATURE_ENVELOPE_BYTES,
  toBase64Url,
  utf8Decode,
  utf8Encode,
  type KeyPair,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { encryptEnvelopeWithNonce } from '../../../shared/crypto/envelope.js';
import { assembleVersionBody, parseVersionBody } from '../../../shared/crypto/map-version.js';
import { expectCryptoError, hex, sequence } from './fixtures.js';
import { head, mapId, sections, signKeyPair, versionWriter } from './version-fixture.js';

/** Index of `needle` in `haystack`, or −1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

describe('map version body (format 3, bound to the log head)', () => {
  let keys: SectionKeys;
  let author: KeyPair;
  let write: ReturnType<typeof versionWriter>['write'];

  beforeAll(async () => {
    await loadSodium();
    ({ keys, author, write } = versionWriter());
  });

  it('still reads the fixed format-2 vector (bodies saved before the log head was bound)', () => {
    const fixed = { base: sequence(32, 0x10), detail: sequence(32, 0x30) };
    const signer = signKeyPair(sequence(32, 0x50));
    const envelopes = (['base', 'detail'] as const).map((section, i) => ({
      section,
      envelope: encryptEnvelopeWithNonce(
        fixed[section],
        sections[section],
        adSectionInEpoch(mapId, 5, section),
        sequence(24, 0x70 + i * 0x20),
      ),
    }));
    const body = assembleVersionBody({
      mapId,
      epoch: 5,
      version: 9,
      envelopes,
      baseKey: fixed.base,
      signer,
      signatureNonce: sequence(24, 0xc0),
      logHead: null,
    });
    expect(hex(body.subarray(0, 7))).toBe('02' + '00000005' + '02' + '01');
    expect(body.length).toBe(6 + (5 + 55) + (5 + 77) + 145);
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      'a27534225e85d2ebceb441396094b10d3caf339bead9383125591d7ed255770e',
    );
    const read = decryptMapVersion({ mapId, version: 9, body, keys: fixed });
    expect(hex(read.signerPublicKey)).toBe(hex(signer.publicKey));
    expect(read.sections).toEqual({ base: sections.base, detail: sections.detail });
    expect(read.logHead).toBeNull();
  });

  it('produces the fixed format-3 vector for fixed keys, nonces, signer and head', () => {
    const fixed = { base: sequence(32, 0x10), detail: sequence(32, 0x30) };
    const signer = signKeyPair(sequence(32, 0x50));
    const envelopes = (['base', 'detail'] as const).map((section, i) => ({
      section,
      envelope: encryptEnvelopeWithNonce(
        fixed[section],
        sections[section],
        adSectionInEpoch(mapId, 5, section),
        sequence(24, 0x70 + i * 0x20),
      ),
    }));
    const body = assembleVersionBody({
      mapId,
      epoch: 5,
      version: 9,
      envelopes,
      baseKey: fixed.base,
      signer,
      signatureNonce: sequence(24, 0xc0),
      logHead: head,
    });
    expect(hex(body.subarray(0, 43))).toBe(
      '03' + '00000005' + '00000004' + hex(head.hash) + '02' + '01',
    );
    expect(body.length).toBe(42 + (5 + 55) + (5 + 77) + 145);
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      '476cf524359f38b1398794d0cd941f897c9936c3d121500ef39580fc20221462',
    );
    const read = decryptMapVersion({ mapId, version: 9, body, keys: fixed });
    expect(hex(read.signerPublicKey)).toBe(hex(signer.publicKey));
    expect(read.sections).toEqual({ base: sections.base, detail: sections.detail });
    expect(read.logHead).toEqual(head);
  });

  it('lays out bytes exactly as documented', () => {
    const body = write(7, 0x01020304);
    expect(body[0]).toBe(0x03);
    expect([...body.subarray(1, 5)]).toEqual([1, 2, 3, 4]);
    expect(readVersionEpoch(body)).toBe(0x01020304);
    // the log head: seq u32 BE, then the 32-byte hash of the record at that seq
    expect(readU32(body, 5)).toBe(4);
    expect(hex(body.subarray(9, 41))).toBe(hex(head.hash));
    expect(body[41]).toBe(3);
    let offset = 42;
    for (const [id, section] of [
      [1, 'base'],
      [2, 'detail'],
      [3, 'private'],
    ] as const) {
      expect(body[offset]).toBe(id);
      const length = readU32(body, offset + 1);
      const envelope = body.subarray(offset + 5, offset + 5 + length);
      expect(envelope[0]).toBe(0x01);
      // bound to map, epoch and section, not to the version
      const context = adSectionInEpoch(mapId, 0x01020304, section);
      expect(context).toBe(`section|${mapId}|16909060|${section}`);
      expect(utf8Decode(decryptEnvelope(keys[section], envelope, context))).toBe(
        utf8Decode(sections[section]),
      );
      offset += 5 + length;
    }
    expect(body.length - offset).toBe(SIGNATURE_ENVELOPE_BYTES);
    expect(SIGNATURE_ENVELOPE_BYTES).toBe(145);
    // signature envelope: base key, context signature|<mapId>|<epoch>|<version>, plaintext pk 32 ‖ sig 64
    const context = adVersionSignature(mapId, 0x01020304, 7);
    expect(context).toBe(`signature|${mapId}|16909060|7`);
    const plain = decryptEnvelope(keys.base, body.subarray(offset), context);
    expect(plain.length).toBe(96);
    expect(hex(plain.subarray(0, 32))).toBe(hex(author.publicKey));
    // the signature covers everything before the envelope plus "nk1|version|<mapId>|<version>" (Node's Ed25519)
    const message = Buffer.concat([body.subarray(0, offset), utf8Encode(`nk1|version|${mapId}|7`)]);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(author.publicKey) },
      format: 'jwk',
    });
    expect(nodeVerify(null, message, publicKey, plain.subarray(32))).toBe(true);
    const layout = parseVersionBody(body);
    expect(layout.logHead).toEqual(head);
    expect(layout.sections.map((s) => [s.section, s.offset])).toEqual([
      ['base', 47],
      ['detail', 47 + layout.sections[0]!.length + 5],
      ['private', layout.sections[1]!.offset + layout.sections[1]!.length + 5],
    ]);
  });

  it("never shows the signer's public key or signature in clear", () => {
    const body = write();
    expect(indexOfBytes(body, author.publicKey)).toBe(-1);
    expect(indexOfBytes(body, author.publicKey.subarray(0, 8))).toBe(-1);
    const signedPart = body.subarray(0, body.length - SIGNATURE_ENVELOPE_BYTES);
    const message = new Uint8Array([...signedPart, ...utf8Encode(`nk1|version|${mapId}|7`)]);
    const signature = sodium.crypto_sign_detached(message, author.secretKey);
    expect(indexOfBytes(body, signature.subarray(0, 8))).toBe(-1);
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
    expect(read.logHead).toEqual(head);
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

  it('a reader or writer without the base key is refused (it hides the signer)', () => {
    const body = write();
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body, keys: { detail: keys.detail } }),
      'malformed',
    );
    expectCryptoError(
      () =>
        encryptMapVersion({
          mapId,
          epoch: 3,
          version: 7,
          sections: { detail: sections.detail },
          keys: { detail: keys.detail },
          signer: author,
          logHead: head,
        }),
      'malformed',
    );
  });

  it('writes only the sections given; each needs its key', () => {
    const body = encryptMapVersion({
      mapId,
      epoch: 3,
      version: 2,
      sections: { base: sections.base },
      keys: { base: keys.base },
      signer: author,
      logHead: head,
    });
    expect(body[41]).toBe(1);
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
          logHead: head,
        }),
      'malformed',
    );
    expectCryptoError(
      () =>
        encryptMapVersion({
          mapId,
          epoch: 3,
          version: 2,
          sections: {},
          keys,
          signer: author,
          logHead: head,
        }),
      'malformed',
    );
    const mismatched = { publicKey: signKeyPair().publicKey, secretKey: author.secretKey };
    expectCryptoError(
      () =>
        encryptMapVersion({
          mapId,
          epoch: 3,
          version: 2,
          sections,
          keys,
          signer: mismatched,
          logHead: head,
        }),
      'malformed',
    );
  });

  it('a writer without the detail and private keys carries them into a new version', () => {
    const previous = write(7);
    const carry = extractSectionEnvelopes(previous);
    expect(Object.keys(carry)).toEqual(['base', 'detail', 'private']);
    const professional = signKeyPair();
    const next = encryptMapVersion({
      mapId,
      epoch: 3,
      version: 8,
      sections: { base: utf8Encode('{"base":"edited"}') },
      keys: { base: keys.base },
      signer: professional,
      carry: { detail: carry.detail!, private: carry.private! },
      logHead: head,
    });
    const read = decryptMapVersion({ mapId, version: 8, body: next, keys });
    expect(utf8Decode(read.sections.base!)).toBe('{"base":"edited"}');
    expect(read.sections.detail).toEqual(sections.detail);
    expect(read.sections.private).toEqual(sections.private);
    expect(hex(read.signerPublicKey)).toBe(hex(professional.publicKey));
    // the new body's signature still binds its own version
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: next, keys }),
      'bad-signature',
    );
    expectCryptoError(
      () =>
        encryptMapVersion({
          mapId,
          epoch: 3,
          version: 8,
          sections: { base: sections.base, detail: sections.detail },
          keys,
          signer: author,
          carry: { detail: carry.detail! },
          logHead: head,
        }),
      'malformed',
    );
  });
});
