// The proof inside a join request that the joiner holds the invite secret, checked on the parent's device.
import { concatBytes, u32ToBytes, utf8Encode } from './encoding.js';
import { blake2bKeyed, bytesEqual, SIZES } from './sodium.js';

/** What the proof binds: the map and invite, the joiner's identity keys, her profile and time. */
export type JoinProofFields = {
  mapId: string;
  inviteId: string;
  signPublicKey: Uint8Array;
  boxPublicKey: Uint8Array;
  profile: {
    name: string;
    profession: string;
    organisation: string;
    contact: string;
    availability: string;
  };
  at: number;
};

const PROOF_LABEL = utf8Encode('nk1|join-proof|2');

function field(text: string): Uint8Array {
  const bytes = utf8Encode(text);
  return concatBytes(u32ToBytes(bytes.length), bytes);
}

// length-prefixed fields, so no two different requests share a transcript
function transcript(f: JoinProofFields): Uint8Array {
  const p = f.profile;
  return concatBytes(
    PROOF_LABEL,
    field(f.mapId),
    field(f.inviteId),
    f.signPublicKey,
    f.boxPublicKey,
    field(p.name),
    field(p.profession),
    field(p.organisation),
    field(p.contact),
    field(p.availability),
    field(String(f.at)),
  );
}

/**
 * 32 bytes: BLAKE2b-256 keyed by the invite's `joinKey` (kdf(root, 1, "nkjoin02")) over
 * `"nk1|join-proof|2"` ‖ u32-length-prefixed mapId, inviteId ‖ signPk 32 ‖ boxPk 32 ‖ the five profile
 * fields ‖ decimal `at`, each prefixed the same way. The server holds no key under that context.
 */
export function joinProof(joinKey: Uint8Array, fields: JoinProofFields): Uint8Array {
  return blake2bKeyed(transcript(fields), joinKey, SIZES.blake2b256);
}

/** Constant-time check of a join proof; false for any other length. */
export function isJoinProof(
  joinKey: Uint8Array,
  fields: JoinProofFields,
  proof: Uint8Array,
): boolean {
  return bytesEqual(joinProof(joinKey, fields), proof);
}
