// The keyring: an account's identity keys and map capabilities, readable only with the account key.
import { adKeyring } from './ad.js';
import { decryptEnvelope, encryptEnvelope } from './envelope.js';
import { expectBytes, fromBase64Url, toBase64Url, utf8Encode } from './encoding.js';
import {
  expectArray,
  expectBase64Url,
  expectInteger,
  expectObject,
  expectString,
  fail,
  parseJsonBytes,
} from './shape.js';
import { boxPublicKeyOf, bytesEqual, signPublicKeyOf, SIZES } from './sodium.js';

/**
 * The newest state of a map this account has verified, on any of its devices: the membership log's
 * head (`seq`, BLAKE2b-256 `headHash` as base64url; seq 0 for a map without a log) and the highest
 * version number. A device refuses a log or version older than this (see pin.ts). `signedRings`
 * (optional, only ever `true`): a device of the account has seen an owner-signed key ring of this map,
 * or upgraded its rings, so an unsigned (legacy) ring is refused from then on.
 */
export type KeyringPin = { seq: number; headHash: string; version: number; signedRings?: true };

/**
 * One map the account can open: its id, the slot's capability (both base64url), a title, when (ms),
 * and its pin once opened (optional: keyrings written before pins, or a map not opened yet). A map
 * joined by invite keeps `inviter` (the inviting parent's Ed25519 key, base64url) until its first
 * verified open, whose log must hold a record she signed.
 */
export type KeyringMapEntry = {
  mapId: string;
  capability: string;
  title: string;
  addedAt: number;
  pin?: KeyringPin;
  inviter?: string;
  seen?: KeyringSeen;
};

/**
 * What this account saw of a map at its last visit (`at`, ms), so the list can say what changed
 * since: the ids of the people on it, the member cards as `<slotId>:<cardVersion>`, and the slot
 * ids of the agreed borgers. Computed on the device from what it can read; optional.
 */
export type KeyringSeen = { at: number; people: string[]; cards: string[]; borgers: string[] };

/** The account's own words for joining a map (name, profession, …), reused for every family. */
export type KeyringProfile = {
  name: string;
  profession: string;
  organisation: string;
  contact: string;
  availability: string;
};

/**
 * The account's own choices, synced to all its devices: `professional` ("Ik werk als hulpverlener")
 * shows the features only professionals need; `changedAt` (ms) lets the later choice win a merge.
 */
export type KeyringSettings = { professional: boolean; changedAt: number };

/** The decrypted keyring as stored (JSON; keys as base64url strings). */
export type Keyring = {
  v: 1;
  identity: {
    signPublicKey: string;
    signSecretKey: string;
    boxPublicKey: string;
    boxSecretKey: string;
  };
  maps: KeyringMapEntry[];
  /** Absent in keyrings written before settings existed (and until the account chooses). */
  settings?: KeyringSettings;
  profile?: KeyringProfile;
};

/** Identity keys as bytes: Ed25519 (sign, 32/64 bytes) and X25519 (box, 32/32 bytes). */
export type IdentityKeys = {
  signPublicKey: Uint8Array;
  signSecretKey: Uint8Array;
  boxPublicKey: Uint8Array;
  boxSecretKey: Uint8Array;
};

/**
 * Every keyring is padded to at least this many bytes, so its stored size does not count the maps:
 * 64 maps with titles of up to about 200 characters fit (decision 0022).
 */
export const KEYRING_PADDED_BYTES = 32 * 1024;

/** Most maps one keyring may hold; a bound so a hostile keyring cannot exhaust memory. */
export const MAX_KEYRING_MAPS = 1000;
const MAX_TITLE_CHARS = 200;

/** Identity keys → the base64url form kept in a keyring. */
export function identityToKeyring(identity: IdentityKeys): Keyring['identity'] {
  return {
    signPublicKey: toBase64Url(expectBytes(identity.signPublicKey, 'signPublicKey', 32)),
    signSecretKey: toBase64Url(expectBytes(identity.signSecretKey, 'signSecretKey', 64)),
    boxPublicKey: toBase64Url(expectBytes(identity.boxPublicKey, 'boxPublicKey', 32)),
    boxSecretKey: toBase64Url(expectBytes(identity.boxSecretKey, 'boxSecretKey', 32)),
  };
}

/** A keyring's identity as bytes (the keyring must already be validated). */
export function identityFromKeyring(keyring: Keyring): IdentityKeys {
  return {
    signPublicKey: fromBase64Url(keyring.identity.signPublicKey),
    signSecretKey: fromBase64Url(keyring.identity.signSecretKey),
    boxPublicKey: fromBase64Url(keyring.identity.boxPublicKey),
    boxSecretKey: fromBase64Url(keyring.identity.boxSecretKey),
  };
}

function validateIdentity(value: unknown): Keyring['identity'] {
  const keys = ['signPublicKey', 'signSecretKey', 'boxPublicKey', 'boxSecretKey'] as const;
  const o = expectObject(value, 'keyring.identity', keys);
  const identity = {
    signPublicKey: expectBase64Url(o.signPublicKey, 'keyring.identity.signPublicKey', 32),
    signSecretKey: expectBase64Url(o.signSecretKey, 'keyring.identity.signSecretKey', 64),
    boxPublicKey: expectBase64Url(o.boxPublicKey, 'keyring.identity.boxPublicKey', 32),
    boxSecretKey: expectBase64Url(o.boxSecretKey, 'keyring.identity.boxSecretKey', 32),
  };
  // a pair that does not match would sign or receive under a key nobody else knows
  const bytes = identityFromKeyring({ v: 1, identity, maps: [] });
  if (!bytesEqual(signPublicKeyOf(bytes.signSecretKey), bytes.signPublicKey)) {
    fail('keyring.identity', 'sign keys do not match');
  }
  if (!bytesEqual(boxPublicKeyOf(bytes.boxSecretKey), bytes.boxPublicKey)) {
    fail('keyring.identity', 'box keys do not match');
  }
  return identity;
}

/** Checks a pin's exact shape; returns a clean copy. Throws CryptoError 'malformed'. */
export function validatePin(value: unknown, path: string): KeyringPin {
  const o = expectObject(value, path, ['seq', 'headHash', 'version'], ['signedRings']);
  const pin: KeyringPin = {
    seq: expectInteger(o.seq, `${path}.seq`, 0, 0xffff_ffff),
    headHash: expectBase64Url(o.headHash, `${path}.headHash`, SIZES.blake2b256),
    version: expectInteger(o.version, `${path}.version`, 1, Number.MAX_SAFE_INTEGER),
  };
  if (o.signedRings !== undefined) {
    if (o.signedRings !== true) fail(`${path}.signedRings`, 'must be true when present');
    pin.signedRings = true;
  }
  return pin;
}

const SEEN_MAX_ITEMS = 1000;
const SEEN_ID_MAX_CHARS = 64;

function validateSeen(value: unknown, path: string): KeyringSeen {
  const o = expectObject(value, path, ['at', 'people', 'cards', 'borgers']);
  const ids = (list: unknown, name: string) =>
    expectArray(list, `${path}.${name}`, SEEN_MAX_ITEMS).map((id, i) =>
      expectString(id, `${path}.${name}[${i}]`, 1, SEEN_ID_MAX_CHARS),
    );
  return {
    at: expectInteger(o.at, `${path}.at`, 0, Number.MAX_SAFE_INTEGER),
    people: ids(o.people, 'people'),
    cards: ids(o.cards, 'cards'),
    borgers: ids(o.borgers, 'borgers'),
  };
}

const PROFILE_LIMITS = {
  name: 120,
  profession: 120,
  organisation: 120,
  contact: 280,
  availability: 280,
} as const;

function validateProfile(value: unknown): KeyringProfile {
  const fields = ['name', 'profession', 'organisation', 'contact', 'availability'] as const;
  const o = expectObject(value, 'keyring.profile', fields);
  const text = (key: (typeof fields)[number], min: number) =>
    expectString(o[key], `keyring.profile.${key}`, min, PROFILE_LIMITS[key]);
  return {
    name: text('name', 1),
    profession: text('profession', 0),
    organisation: text('organisation', 0),
    contact: text('contact', 0),
    availability: text('availability', 0),
  };
}

function validateMapEntry(value: unknown, path: string): KeyringMapEntry {
  const o = expectObject(
    value,
    path,
    ['mapId', 'capability', 'title', 'addedAt'],
    ['pin', 'inviter', 'seen'],
  );
  const entry: KeyringMapEntry = {
    mapId: expectBase64Url(o.mapId, `${path}.mapId`, 16),
    capability: expectBase64Url(o.capability, `${path}.capability`, SIZES.key),
    title: expectString(o.title, `${path}.title`, 0, MAX_TITLE_CHARS),
    addedAt: expectInteger(o.addedAt, `${path}.addedAt`, 0, Number.MAX_SAFE_INTEGER),
  };
  if (o.pin !== undefined) entry.pin = validatePin(o.pin, `${path}.pin`);
  if (o.inviter !== undefined) {
    entry.inviter = expectBase64Url(o.inviter, `${path}.inviter`, SIZES.signPublicKey);
  }
  if (o.seen !== undefined) entry.seen = validateSeen(o.seen, `${path}.seen`);
  return entry;
}

function validateSettings(value: unknown): KeyringSettings {
  const o = expectObject(value, 'keyring.settings', ['professional', 'changedAt']);
  if (typeof o.professional !== 'boolean')
    fail('keyring.settings.professional', 'must be a boolean');
  return {
    professional: o.professional,
    changedAt: expectInteger(o.changedAt, 'keyring.settings.changedAt', 0, Number.MAX_SAFE_INTEGER),
  };
}

/** Of two devices' settings, the one chosen last (a merge must not undo a newer choice). */
export function newerSettings(
  a: KeyringSettings | undefined,
  b: KeyringSettings | undefined,
): KeyringSettings | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.changedAt > a.changedAt ? b : a;
}

/** Checks a keyring's exact shape and key pairs; returns a clean copy. Throws CryptoError 'malformed'. */
export function validateKeyring(value: unknown): Keyring {
  const o = expectObject(value, 'keyring', ['v', 'identity', 'maps'], ['settings', 'profile']);
  if (o.v !== 1) fail('keyring.v', 'must be 1');
  const maps = expectArray(o.maps, 'keyring.maps', MAX_KEYRING_MAPS);
  const keyring: Keyring = {
    v: 1,
    identity: validateIdentity(o.identity),
    maps: maps.map((entry, i) => validateMapEntry(entry, `keyring.maps[${i}]`)),
  };
  if (o.settings !== undefined) keyring.settings = validateSettings(o.settings);
  if (o.profile !== undefined) keyring.profile = validateProfile(o.profile);
  return keyring;
}

/** Validates and encrypts a keyring under the 32-byte account key (context `keyring|<username>`). */
export function encryptKeyring(
  accountKey: Uint8Array,
  username: string,
  keyring: Keyring,
): Uint8Array {
  const json = JSON.stringify(validateKeyring(keyring));
  return encryptEnvelope(accountKey, utf8Encode(json), adKeyring(username), KEYRING_PADDED_BYTES);
}

/** Decrypts and validates a keyring envelope. Throws CryptoError ('decrypt-failure', 'malformed', …). */
export function decryptKeyring(
  accountKey: Uint8Array,
  username: string,
  envelope: Uint8Array,
): Keyring {
  const plain = decryptEnvelope(accountKey, envelope, adKeyring(username));
  return validateKeyring(parseJsonBytes(plain, 'keyring'));
}
