// Shared by the version body tests: a map id, the log head written under, sections, and a writer.
import sodium from 'libsodium-wrappers-sumo';
import {
  adVersionSignature,
  encryptEnvelope,
  encryptMapVersion,
  newSectionKeys,
  utf8Encode,
  type KeyPair,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { sequence } from './fixtures.js';

export const mapId = 'AAECAwQFBgcICQoLDA0ODw';
/** The log head the author wrote under: seq 4 and that record's hash. */
export const head = { seq: 4, hash: sequence(32, 0x90) };
export const sections = {
  base: utf8Encode('{"base":true}'),
  detail: utf8Encode('{"detail":"Oma Els, 06-12345678"}'),
  private: utf8Encode('{"wishes":"rust"}'),
};

export function signKeyPair(seed?: Uint8Array): KeyPair {
  const pair =
    seed === undefined ? sodium.crypto_sign_keypair() : sodium.crypto_sign_seed_keypair(seed);
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** Fresh keys and author (after loadSodium), a writer of version bodies, and a re-signer. */
export function versionWriter(): {
  keys: SectionKeys;
  author: KeyPair;
  write: (version?: number, epoch?: number) => Uint8Array;
  resign: (signedPart: Uint8Array, version?: number, epoch?: number) => Uint8Array;
} {
  const keys = newSectionKeys();
  const author = signKeyPair();
  const write = (version = 7, epoch = 3): Uint8Array =>
    encryptMapVersion({ mapId, epoch, version, sections, keys, signer: author, logHead: head });
  /** Re-signs a (mutated) signed part the way a member holding the base key could. */
  const resign = (signedPart: Uint8Array, version = 7, epoch = 3): Uint8Array => {
    const message = new Uint8Array([
      ...signedPart,
      ...utf8Encode(`nk1|version|${mapId}|${version}`),
    ]);
    const plain = new Uint8Array([
      ...author.publicKey,
      ...sodium.crypto_sign_detached(message, author.secretKey),
    ]);
    const envelope = encryptEnvelope(keys.base, plain, adVersionSignature(mapId, epoch, version));
    return new Uint8Array([...signedPart, ...envelope]);
  };
  return { keys, author, write, resign };
}
