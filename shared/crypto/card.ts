// Member cards: each member writes their own card, signed (signer hidden) and readable by every member.
import { adCard, cardSignatureContext } from './ad.js';
import { decryptEnvelope, encryptEnvelopeWithNonce } from './envelope.js';
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, readU32, u32ToBytes, utf8Encode } from './encoding.js';
import { openSignedPlaintext, signedPlaintext } from './hidden-signer.js';
import type { LogState } from './log-verify.js';
import type { MemberRole } from './membership.js';
import {
  expectArray,
  expectObject,
  expectOneOf,
  expectPlainObject,
  expectString,
  fail,
  parseJsonBytes,
} from './shape.js';
import { bytesEqual, randomBytes, SIZES, type KeyPair } from './sodium.js';

/** First byte of every card body. */
export const CARD_FORMAT = 0x01;
// [format 1][epoch 4][cardVersion 4]
const HEADER_BYTES = 1 + 4 + 4;

/** Limits of a card's fields, in Unicode code points. */
export const CARD_LIMITS = {
  whatIDo: 500,
  howToReach: 280,
  when: 280,
  role: 120,
  name: 120,
  organisation: 120,
} as const;

/** Limits of a warm-handover suggestion (who could help next), in Unicode code points. */
export const SUGGESTION_LIMITS = {
  count: 5,
  name: 80,
  role: 80,
  organisation: 80,
  note: 280,
} as const;

/** Warm handover: a member suggests the next person; only the parent can invite them. */
export type CardSuggestion = {
  name: string;
  role: string;
  organisation?: string;
  note?: string;
};

/** Format of a card's JSON: 2 adds the structured borger answer; 1 is still read (no answer). */
export const CARD_JSON_VERSION = 2;

/** A member's own answer to being the borger; a card without one has not answered. */
export const BORGER_ANSWERS = ['yes', 'no'] as const;
export type BorgerAnswer = (typeof BORGER_ANSWERS)[number];

/** What a member says about themselves: role is their own words (e.g. "verloskundige"). */
export type MemberCard = {
  whatIDo: string;
  howToReach: string;
  when: string;
  role: string;
  name: string;
  organisation: string;
  /** Optional (cards written before it existed have none): at most SUGGESTION_LIMITS.count. */
  suggestions?: CardSuggestion[];
  /** Her yes or no to being the borger (never read from her free text); absent: not answered. */
  borger?: BorgerAnswer;
};

/** A verified card: its epoch and version (from 1), the card, and the slot's member role from the log. */
export type DecryptedCard = {
  epoch: number;
  cardVersion: number;
  card: MemberCard;
  signerPublicKey: Uint8Array;
  memberRole: MemberRole;
};

function validateSuggestion(value: unknown, path: string): CardSuggestion {
  const o = expectObject(value, path, ['name', 'role'], ['organisation', 'note']);
  const L = SUGGESTION_LIMITS;
  const suggestion: CardSuggestion = {
    name: expectString(o.name, `${path}.name`, 1, L.name),
    role: expectString(o.role, `${path}.role`, 1, L.role),
  };
  if (o.organisation !== undefined) {
    suggestion.organisation = expectString(
      o.organisation,
      `${path}.organisation`,
      0,
      L.organisation,
    );
  }
  if (o.note !== undefined) suggestion.note = expectString(o.note, `${path}.note`, 0, L.note);
  return suggestion;
}

function validateCard(value: unknown): MemberCard {
  const raw = expectPlainObject(value, 'card');
  // version 1 had no borger answer: its cards read as "not answered"
  const optional = raw.v === 1 ? ['suggestions'] : ['suggestions', 'borger'];
  const o = expectObject(raw, 'card', ['v', ...Object.keys(CARD_LIMITS)], optional);
  if (o.v !== 1 && o.v !== CARD_JSON_VERSION) fail('card.v', 'must be 1 or 2');
  const L = CARD_LIMITS;
  const suggestions =
    o.suggestions === undefined
      ? undefined
      : expectArray(o.suggestions, 'card.suggestions', SUGGESTION_LIMITS.count).map((item, i) =>
          validateSuggestion(item, `card.suggestions[${i}]`),
        );
  return {
    whatIDo: expectString(o.whatIDo, 'card.whatIDo', 0, L.whatIDo),
    howToReach: expectString(o.howToReach, 'card.howToReach', 0, L.howToReach),
    when: expectString(o.when, 'card.when', 0, L.when),
    role: expectString(o.role, 'card.role', 0, L.role),
    name: expectString(o.name, 'card.name', 0, L.name),
    organisation: expectString(o.organisation, 'card.organisation', 0, L.organisation),
    ...(suggestions === undefined ? {} : { suggestions }),
    ...(o.borger === undefined
      ? {}
      : { borger: expectOneOf(o.borger, 'card.borger', BORGER_ANSWERS) }),
  };
}

/** Input of encryptCard: the card's place, the epoch's base key, and the member's own identity pair. */
export type CardInput = {
  mapId: string;
  epoch: number;
  slotId: string;
  cardVersion: number;
  card: MemberCard;
  keys: { base: Uint8Array };
  signer: KeyPair;
};

/** Test seam for fixed vectors (not exported from index.ts); production code calls encryptCard. */
export function encryptCardWithNonce(input: CardInput, nonce: Uint8Array): Uint8Array {
  const { mapId, epoch, slotId, cardVersion } = input;
  const context = adCard(mapId, slotId, epoch, cardVersion);
  const card = validateCard({ v: CARD_JSON_VERSION, ...input.card });
  const json = utf8Encode(JSON.stringify({ v: CARD_JSON_VERSION, ...card }));
  const message = concatBytes(json, cardSignatureContext(mapId, slotId, epoch, cardVersion));
  const envelope = encryptEnvelopeWithNonce(
    expectBytes(input.keys.base, 'base key', SIZES.key),
    signedPlaintext(input.signer, message, json),
    context,
    nonce,
  );
  const header = concatBytes(
    Uint8Array.of(CARD_FORMAT),
    u32ToBytes(epoch),
    u32ToBytes(cardVersion),
  );
  return concatBytes(header, envelope);
}

/**
 * A card body: `[0x01][epoch u32 BE][cardVersion u32 BE][envelope]`, the envelope under the epoch's base
 * key with context `card|<mapId>|<slotId>|<epoch>|<cardVersion>` holding `[signerPk 32][sig 64][JSON]`,
 * the signature over JSON ‖ `nk1|card|<mapId>|<slotId>|<epoch>|<cardVersion>`; JSON v2 (optional `borger`:
 * "yes" | "no"). Throws 'malformed'.
 */
export function encryptCard(input: CardInput): Uint8Array {
  return encryptCardWithNonce(input, randomBytes(SIZES.nonce));
}

/**
 * Opens a card of `slotId` with the base key of its epoch (from the verified log) and checks that the
 * slot's member, as the log records it now, signed it. Throws CryptoError: 'bad-signature' (another
 * signer, or no such member), 'decrypt-failure' (no key, wrong place, tampered), 'malformed',
 * 'unsupported-version'.
 */
export function decryptCard(input: {
  mapId: string;
  slotId: string;
  body: Uint8Array;
  log: Pick<LogState, 'members' | 'baseKeys'>;
}): DecryptedCard {
  const body = expectBytes(input.body, 'card');
  if (body.length === 0) throw new CryptoError('malformed', 'empty card');
  if (body[0] !== CARD_FORMAT) throw new CryptoError('unsupported-version', 'unknown card format');
  if (body.length <= HEADER_BYTES) throw new CryptoError('malformed', 'card too short');
  const epoch = readU32(body, 1);
  const cardVersion = readU32(body, 5);
  const key = input.log.baseKeys[epoch];
  if (key === undefined) throw new CryptoError('decrypt-failure', `no base key for epoch ${epoch}`);
  const { mapId, slotId } = input;
  const plain = decryptEnvelope(
    key,
    body.subarray(HEADER_BYTES),
    adCard(mapId, slotId, epoch, cardVersion),
  );
  const context = cardSignatureContext(mapId, slotId, epoch, cardVersion);
  const { signerPublicKey, payload } = openSignedPlaintext(plain, (json) =>
    concatBytes(json, context),
  );
  const member = input.log.members[slotId];
  // only the slot's own member writes its card: not an owner, not another member
  if (member === undefined || !bytesEqual(member.signPublicKey, signerPublicKey)) {
    throw new CryptoError('bad-signature', 'card not signed by the member of its slot');
  }
  const card = validateCard(parseJsonBytes(payload, 'card'));
  return { epoch, cardVersion, card, signerPublicKey, memberRole: member.role };
}
