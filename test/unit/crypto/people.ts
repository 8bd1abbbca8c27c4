// Test people with real identity keys, slots and member data (the example families of docs/domain.md).
import sodium from 'libsodium-wrappers-sumo';
import {
  newId,
  SECTIONS,
  type KeyPair,
  type MemberData,
  type MemberRole,
  type Section,
} from '../../../shared/crypto/index.js';

/** A person with identity key pairs (Ed25519 and X25519) and a slot on the map. */
export type Person = {
  name: string;
  signer: KeyPair;
  box: KeyPair;
  slotId: string;
  member: MemberData;
};

/** A fresh person; owners get every section, others the given ones (base at least). */
export function person(
  name: string,
  role: MemberRole,
  sections: Section[] = role === 'owner' ? [...SECTIONS] : ['base'],
  profession = '',
): Person {
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  const slotId = newId();
  const signer = { publicKey: sign.publicKey, secretKey: sign.privateKey };
  return {
    name,
    signer,
    box: { publicKey: box.publicKey, secretKey: box.privateKey },
    slotId,
    member: {
      slotId,
      signPublicKey: signer.publicKey,
      boxPublicKey: box.publicKey,
      role,
      sections,
      profile: { name, profession, organisation: '' },
    },
  };
}

/** Index of `needle` in `haystack`, or −1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}
