// /api/trusted-recovery: a person she trusts helps her back in after a waiting period (decision 0026).
import { Type, type Static } from 'typebox';
import { Bytes, BytesBetween, Id, Timestamp } from './encoding.js';
import { Username, PublicKey, Signature, WrappedKey } from './accounts.js';

const closed = { additionalProperties: false } as const;
const Sealed = BytesBetween(48, 1024);
const Share = Bytes(32);

export const WaitDays = Type.Union([Type.Literal(3), Type.Literal(7)]);

/** Looking up a helper's public keys by username (her device checks them with the helper code). */
export const HelperLookupRequest = Type.Object({ username: Username }, closed);
export const HelperLookupResponse = Type.Object(
  { username: Type.String(), signPublicKey: PublicKey, boxPublicKey: PublicKey },
  closed,
);
export type HelperLookupResponse = Static<typeof HelperLookupResponse>;

export const AddHelperRequest = Type.Object(
  {
    helperUsername: Username,
    waitDays: WaitDays,
    sealedShare: Sealed,
    serverShare: Share,
    trustLoginPublicKey: PublicKey,
    trustWrappedAccountKey: WrappedKey,
  },
  closed,
);
export type AddHelperRequest = Static<typeof AddHelperRequest>;
export const AddHelperResponse = Type.Object({ helperId: Id }, closed);

/** One of her helpers; `startedAt` is set while a recovery runs (the banner). */
export const MyHelper = Type.Object(
  {
    helperId: Id,
    helperUsername: Type.String(),
    waitDays: WaitDays,
    startedAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
/** Someone who chose this account as her helper. */
export const HelpingEntry = Type.Object(
  {
    helperId: Id,
    username: Type.String(),
    startedAt: Type.Union([Timestamp, Type.Null()]),
    /** When the server will release its share, by its clock. */
    releasesAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export const TrustedOverview = Type.Object(
  { helpers: Type.Array(MyHelper), helping: Type.Array(HelpingEntry) },
  closed,
);
export type TrustedOverview = Static<typeof TrustedOverview>;

export const StartRequest = Type.Object({ startedAt: Timestamp, signature: Signature }, closed);
export type StartRequest = Static<typeof StartRequest>;

/** What the helper's device needs; `serverShare` only once the wait is over, `handover` once she asked. */
export const HelpingDetail = Type.Object(
  {
    helperId: Id,
    username: Type.String(),
    sealedShare: Sealed,
    start: Type.Union([
      Type.Object({ startedAt: Timestamp, signature: Signature }, closed),
      Type.Null(),
    ]),
    serverShare: Type.Optional(Share),
    handover: Type.Union([
      Type.Object({ handoverId: Id, boxPublicKey: PublicKey }, closed),
      Type.Null(),
    ]),
  },
  closed,
);
export type HelpingDetail = Static<typeof HelpingDetail>;

export const HandoverSealRequest = Type.Object({ handoverId: Id, sealed: Sealed }, closed);
export type HandoverSealRequest = Static<typeof HandoverSealRequest>;

/** Her new device (not signed in) asks for a hand-over with a fresh box key. */
export const HandoverStartRequest = Type.Object(
  { username: Username, boxPublicKey: PublicKey },
  closed,
);
export const HandoverStartResponse = Type.Object({ handoverId: Id }, closed);
export const HandoverState = Type.Object(
  {
    sealed: Type.Union([Sealed, Type.Null()]),
    trustWrappedAccountKey: Type.Union([WrappedKey, Type.Null()]),
  },
  closed,
);
export type HandoverState = Static<typeof HandoverState>;
