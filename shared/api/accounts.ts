import { Type, type Static } from 'typebox';
import { Bytes, BytesBetween, Id } from './encoding.js';
import { limits } from './limits.js';

const closed = { additionalProperties: false } as const;

/** Usernames as typed; the server normalises (trim, NFC, lower case) and then requires 3–64 letters, digits, `.`, `-`, `_`. */
export const Username = Type.String({ minLength: 1, maxLength: 256 });

export const Kdf = Type.Object(
  {
    salt: Bytes(limits.saltBytes),
    opsLimit: Type.Integer({ minimum: limits.opsLimitMin, maximum: limits.opsLimitMax }),
    memLimit: Type.Integer({ minimum: limits.memLimitMin, maximum: limits.memLimitMax }),
  },
  closed,
);
export type Kdf = Static<typeof Kdf>;

export const PublicKey = Bytes(limits.publicKeyBytes);
export const WrappedKey = BytesBetween(limits.wrappedKeyMinBytes, limits.wrappedKeyMaxBytes);
export const Keyring = BytesBetween(limits.keyringMinBytes, limits.keyringMaxBytes);
export const Signature = Bytes(limits.signatureBytes);
export const Challenge = Bytes(limits.challengeBytes);
export const KeyringRevision = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 2 });

export const LoginMethod = Type.Union([
  Type.Literal('passphrase'),
  Type.Literal('recovery'),
  Type.Literal('trusted'),
]);
export type LoginMethod = Static<typeof LoginMethod>;

export const RegisterRequest = Type.Object(
  {
    username: Username,
    kdf: Kdf,
    loginPublicKey: PublicKey,
    recoveryPublicKey: PublicKey,
    signPublicKey: PublicKey,
    boxPublicKey: PublicKey,
    wrappedAccountKey: WrappedKey,
    recoveryWrappedAccountKey: WrappedKey,
    keyring: Keyring,
  },
  closed,
);
export type RegisterRequest = Static<typeof RegisterRequest>;

export const RegisterResponse = Type.Object({ accountId: Id }, closed);
export type RegisterResponse = Static<typeof RegisterResponse>;

export const PreloginRequest = Type.Object({ username: Username }, closed);
export type PreloginRequest = Static<typeof PreloginRequest>;

export const PreloginResponse = Type.Object(
  { kdf: Kdf, challengeId: Id, challenge: Challenge },
  closed,
);
export type PreloginResponse = Static<typeof PreloginResponse>;

export const LoginRequest = Type.Object(
  {
    username: Username,
    challengeId: Id,
    method: LoginMethod,
    signature: Signature,
    /** false on someone else's device (a parent at the professional's laptop): no refresh cookie. */
    remember: Type.Optional(Type.Boolean()),
    /**
     * false when she did not tick "Dit is mijn eigen telefoon of computer" (decision 0024): the refresh
     * cookie lasts while the browser is open, not 30 days. Absent: 30 days.
     */
    stay: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type LoginRequest = Static<typeof LoginRequest>;

export const Account = Type.Object(
  {
    accountId: Id,
    username: Type.String(),
    kdf: Kdf,
    wrappedAccountKey: WrappedKey,
    recoveryWrappedAccountKey: WrappedKey,
    keyring: Keyring,
    keyringRevision: KeyringRevision,
    signPublicKey: PublicKey,
    boxPublicKey: PublicKey,
  },
  closed,
);
export type Account = Static<typeof Account>;

/** `expiresIn` is in seconds. */
export const TokenResponse = Type.Object(
  { accessToken: Type.String(), expiresIn: Type.Integer({ minimum: 1 }) },
  closed,
);
export type TokenResponse = Static<typeof TokenResponse>;

export const LoginResponse = Type.Object(
  { accessToken: Type.String(), expiresIn: Type.Integer({ minimum: 1 }), account: Account },
  closed,
);
export type LoginResponse = Static<typeof LoginResponse>;

export const KeyringUpdateRequest = Type.Object(
  { baseRevision: KeyringRevision, keyring: Keyring },
  closed,
);
export type KeyringUpdateRequest = Static<typeof KeyringUpdateRequest>;

export const KeyringUpdateResponse = Type.Object({ keyringRevision: KeyringRevision }, closed);
export type KeyringUpdateResponse = Static<typeof KeyringUpdateResponse>;

export const ChallengeResponse = Type.Object({ challengeId: Id, challenge: Challenge }, closed);
export type ChallengeResponse = Static<typeof ChallengeResponse>;

/** A signature over a challenge from POST /api/account/challenge, with purpose `passphrase-change` or `delete-account`. */
export const Proof = Type.Object(
  { challengeId: Id, method: LoginMethod, signature: Signature },
  closed,
);
export type Proof = Static<typeof Proof>;

/** A new recovery key: the old recovery code stops working once this is stored. */
export const RecoveryUpdate = Type.Object(
  { recoveryPublicKey: PublicKey, recoveryWrappedAccountKey: WrappedKey },
  closed,
);
export type RecoveryUpdate = Static<typeof RecoveryUpdate>;

/**
 * A new passphrase. `recovery` (optional) also replaces the recovery key; a proof signed with the
 * recovery key must bring one, so a recovery code that was used is spent (400 recovery_required).
 */
export const PassphraseChangeRequest = Type.Object(
  {
    proof: Proof,
    kdf: Kdf,
    loginPublicKey: PublicKey,
    wrappedAccountKey: WrappedKey,
    recovery: Type.Optional(RecoveryUpdate),
  },
  closed,
);
export type PassphraseChangeRequest = Static<typeof PassphraseChangeRequest>;

export const DeleteAccountRequest = Type.Object({ proof: Proof }, closed);
export type DeleteAccountRequest = Static<typeof DeleteAccountRequest>;
