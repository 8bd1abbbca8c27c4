// An open invite's secret, kept for every owner of the map: under a key derived from the private
// section key, which only owners hold, so the server (which stores it) cannot read or forge it.
import { adInviteSecret } from './ad.js';
import {
  concatBytes,
  expectBytes,
  readU32,
  u32ToBytes,
  utf8Decode,
  utf8Encode,
} from './encoding.js';
import { decryptEnvelope, encryptEnvelope } from './envelope.js';
import { CryptoError } from './errors.js';
import { parseInviteSecret } from './invite-code.js';
import type { KeyRing } from './key-ring.js';
import { padTo, unpad } from './padding.js';
import { kdfDerive, SIZES } from './sodium.js';

/** First byte of a sealed invite secret. */
export const SEALED_SECRET_FORMAT = 0x01;
// [format 1][epoch 4]
const HEADER_BYTES = 1 + 4;
// a link secret is 43 characters, a code 11: padded alike so the length does not tell the kind
const SECRET_PAD_BYTES = 64;
const OWNER_KEY_CONTEXT = 'nkowner1';

/** The owners' key of an epoch: kdf(private section key of that epoch, 1, "nkowner1"). */
function ownerKey(privateKey: Uint8Array): Uint8Array {
  return kdfDerive(expectBytes(privateKey, 'private key', SIZES.key), 1, OWNER_KEY_CONTEXT);
}

/**
 * `[0x01][epoch u32][envelope(ownerKey, pad(secret, 64), "invite-secret|<mapId>|<inviteId>|<epoch>")]`:
 * the secret (link or code text) of invite `inviteId` for every owner of `mapId`, stored by the server
 * with the invite. `privateKey` is the private section key of `epoch` (the writer's current one).
 */
export function sealInviteSecret(input: {
  mapId: string;
  inviteId: string;
  epoch: number;
  privateKey: Uint8Array;
  secret: string;
}): Uint8Array {
  const text = parseInviteSecret(input.secret).text;
  const context = adInviteSecret(input.mapId, input.inviteId, input.epoch);
  const envelope = encryptEnvelope(
    ownerKey(input.privateKey),
    padTo(utf8Encode(text), SECRET_PAD_BYTES),
    context,
  );
  return concatBytes(Uint8Array.of(SEALED_SECRET_FORMAT), u32ToBytes(input.epoch), envelope);
}

/**
 * Opens a sealed invite secret with the private key of its epoch from the reader's key ring. Throws
 * CryptoError: 'decrypt-failure' (no private key of that epoch in the ring — not an owner —, or the
 * envelope was made for another map or invite, or altered), 'unsupported-version', 'malformed'.
 */
export function openInviteSecret(input: {
  mapId: string;
  inviteId: string;
  sealed: Uint8Array;
  ring: KeyRing;
}): string {
  const sealed = expectBytes(input.sealed, 'sealed invite secret');
  if (sealed.length < HEADER_BYTES) throw new CryptoError('malformed', 'sealed secret too short');
  if (sealed[0] !== SEALED_SECRET_FORMAT) {
    throw new CryptoError('unsupported-version', 'unknown sealed secret format');
  }
  const epoch = readU32(sealed, 1);
  const privateKey = input.ring.epochs[epoch]?.private;
  if (privateKey === undefined) {
    throw new CryptoError('decrypt-failure', 'no owner key for the epoch of this invite');
  }
  const context = adInviteSecret(input.mapId, input.inviteId, epoch);
  const plain = decryptEnvelope(ownerKey(privateKey), sealed.subarray(HEADER_BYTES), context);
  return parseInviteSecret(utf8Decode(unpad(plain))).text;
}
