// Version bodies under attack: changed bytes, moved bodies and envelopes, untrusted signers, bad layouts
// and formats, malformed log heads.
import { describe, it, expect, beforeAll } from 'vitest';
import {
  adSectionInEpoch,
  decryptMapVersion,
  encryptEnvelope,
  encryptMapVersion,
  extractSectionEnvelopes,
  loadSodium,
  newId,
  newSectionKeys,
  NO_LOG_HEAD,
  SIGNATURE_ENVELOPE_BYTES,
  type KeyPair,
  type Section,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { assembleVersionBody } from '../../../shared/crypto/map-version.js';
import { expectCryptoError, flipByte, hex, sequence } from './fixtures.js';
import { head, mapId, sections, signKeyPair, versionWriter } from './version-fixture.js';

describe('map version body (format 3) under attack', () => {
  let keys: SectionKeys;
  let author: KeyPair;
  let write: ReturnType<typeof versionWriter>['write'];
  let resign: ReturnType<typeof versionWriter>['resign'];

  beforeAll(async () => {
    await loadSodium();
    ({ keys, author, write, resign } = versionWriter());
  });

  it('one changed byte anywhere fails with bad-signature (checked before decrypting)', () => {
    const body = write();
    const envelopeStart = body.length - SIGNATURE_ENVELOPE_BYTES;
    // the epoch, the log head (seq and hash), the count, the sections, the signature envelope
    for (const index of [1, 4, 5, 8, 9, 40, 41, 42, 50, 100, envelopeStart - 1, envelopeStart]) {
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: flipByte(body, index), keys }),
        'bad-signature',
      );
    }
    for (const index of [envelopeStart + 1, envelopeStart + 30, body.length - 1]) {
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: flipByte(body, index), keys }),
        'bad-signature',
      );
    }
  });

  it('a body presented as another version, map or epoch fails with bad-signature', () => {
    const body = write(7);
    expectCryptoError(() => decryptMapVersion({ mapId, version: 8, body, keys }), 'bad-signature');
    expectCryptoError(() => decryptMapVersion({ mapId, version: 6, body, keys }), 'bad-signature');
    expectCryptoError(
      () => decryptMapVersion({ mapId: newId(), version: 7, body, keys }),
      'bad-signature',
    );
    const otherEpoch = body.slice();
    otherEpoch[4] = 4;
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: otherEpoch, keys }),
      'bad-signature',
    );
    // the base key of another epoch cannot open the signature envelope either
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body, keys: newSectionKeys() }),
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
      logHead: head,
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

  it('envelopes carried into another epoch, map or section fail with decrypt-failure', () => {
    const old = extractSectionEnvelopes(write(7, 3));
    const assemble = (
      epoch: number,
      envelopes: Array<{ section: Section; envelope: Uint8Array }>,
      id = mapId,
    ) =>
      assembleVersionBody({
        mapId: id,
        epoch,
        version: 8,
        envelopes,
        baseKey: keys.base,
        signer: author,
        logHead: head,
      });
    const otherEpoch = assemble(4, [{ section: 'base', envelope: old.base! }]);
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 8, body: otherEpoch, keys }),
      'decrypt-failure',
    );
    const otherMapId = newId();
    const otherMap = assemble(3, [{ section: 'base', envelope: old.base! }], otherMapId);
    expectCryptoError(
      () => decryptMapVersion({ mapId: otherMapId, version: 8, body: otherMap, keys }),
      'decrypt-failure',
    );
    const moved = assemble(3, [
      { section: 'base', envelope: old.base! },
      { section: 'detail', envelope: old.base! },
    ]);
    expectCryptoError(
      () =>
        decryptMapVersion({ mapId, version: 8, body: moved, keys: { ...keys, detail: keys.base } }),
      'decrypt-failure',
    );
  });

  it('rejects an unknown format byte (also the old format 1) and truncation', () => {
    const body = write();
    for (const format of [0x01, 0x04]) {
      const changed = body.slice();
      changed[0] = format;
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: changed, keys }),
        'unsupported-version',
      );
    }
    // a format-3 body relabelled as format 2 (dropping the head from the reader's view) is not signed so
    const relabelled = body.slice();
    relabelled[0] = 0x02;
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: relabelled, keys }),
      'bad-signature',
    );
    for (const length of [0, 1, 6, 150, 42 + 144]) {
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: body.slice(0, length), keys }),
        'malformed',
      );
    }
    // cut or extended bodies no longer open or verify
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: body.slice(0, -1), keys }),
      'bad-signature',
    );
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: body.slice(1), keys }),
      'unsupported-version',
    );
    const longer = new Uint8Array([...body, 0]);
    expectCryptoError(
      () => decryptMapVersion({ mapId, version: 7, body: longer, keys }),
      'bad-signature',
    );
  });

  it('rejects bad layouts even when validly signed (a buggy or hostile member)', () => {
    const body = write();
    const signedPart = body.subarray(0, body.length - SIGNATURE_ENVELOPE_BYTES);
    const mutated = (mutate: (bytes: Uint8Array) => void): Uint8Array => {
      const part = signedPart.slice();
      mutate(part);
      return resign(part);
    };
    expect(
      decryptMapVersion({ mapId, version: 7, body: mutated(() => undefined), keys }).epoch,
    ).toBe(3);
    const badBodies = [
      mutated((b) => (b[41] = 0)), // no sections
      mutated((b) => (b[41] = 4)), // more sections than exist
      mutated((b) => (b[42] = 9)), // unknown section id
      mutated((b) => (b[42] = 2)), // detail twice: out of order
      mutated((b) => b.set([0xff, 0xff, 0xff, 0xff], 43)), // length past the end
      mutated((b) => b.set([0, 0, 0, 1], 43)), // bytes left over
    ];
    for (const bad of badBodies)
      expectCryptoError(
        () => decryptMapVersion({ mapId, version: 7, body: bad, keys }),
        'malformed',
      );
    expectCryptoError(() => decryptMapVersion({ mapId, version: 0, body, keys }), 'malformed');
    const raw = encryptEnvelope(keys.base, sections.base, adSectionInEpoch(mapId, 3, 'base'));
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
          baseKey: keys.base,
          signer: author,
          logHead: head,
        }),
      'malformed',
    );
  });

  it('refuses to write a malformed log head', () => {
    const bad = [
      { seq: 4, hash: sequence(31) },
      { seq: -1, hash: head.hash },
      { seq: 2 ** 32, hash: head.hash },
      // seq 0 is "no log", which has no record to hash
      { seq: 0, hash: head.hash },
    ];
    for (const logHead of bad) {
      expectCryptoError(
        () =>
          encryptMapVersion({
            mapId,
            epoch: 3,
            version: 7,
            sections,
            keys,
            signer: author,
            logHead,
          }),
        'malformed',
      );
    }
    const none = encryptMapVersion({
      mapId,
      epoch: 3,
      version: 7,
      sections,
      keys,
      signer: author,
      logHead: NO_LOG_HEAD,
    });
    expect(decryptMapVersion({ mapId, version: 7, body: none, keys }).logHead).toEqual(NO_LOG_HEAD);
  });
});
