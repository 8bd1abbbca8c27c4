// Capabilities: random secrets that open a map slot; the server keeps only their hash.
import { expectBytes, toBase64Url } from './encoding.js';
import { randomBytes, sha256 } from './sodium.js';

/** Bytes in an id (account, map, slot, entry …): 16, i.e. 22 base64url characters. */
export const ID_BYTES = 16;
/** Bytes in a capability secret. */
export const CAPABILITY_BYTES = 32;

/** A fresh random id: 16 bytes as base64url (22 characters). */
export function newId(): string {
  return toBase64Url(randomBytes(ID_BYTES));
}

/** A fresh 32-byte capability secret (sent as base64url in the Nk-Capability header). */
export function newCapability(): Uint8Array {
  return randomBytes(CAPABILITY_BYTES);
}

/** SHA-256 (32 bytes) of a 32-byte capability; what the server stores and looks up. 'malformed' on other lengths. */
export function capabilityHash(capability: Uint8Array): Uint8Array {
  expectBytes(capability, 'capability', CAPABILITY_BYTES);
  return sha256(capability);
}
