// Invites and join requests: the parent's side under /api/maps/:mapId, the joiner's under /api/invites.
import { Type, type Static } from 'typebox';
import { PublicKey, Signature, Challenge } from './accounts.js';
import { AccessDay, Bytes, BytesBetween, Id, Timestamp } from './encoding.js';
import { limits } from './limits.js';
import { CapabilityHash, KeyBundle, LogRecord, Rights } from './maps.js';

const closed = { additionalProperties: false } as const;

export const SealedInviteInfo = BytesBetween(limits.inviteInfoMinBytes, limits.inviteInfoMaxBytes);
export const SealedJoinRequest = Bytes(limits.joinRequestBytes);
/** The invite's secret, sealed by the inviting owner for every owner of the map (opaque to the server). */
export const SealedInviteSecret = Bytes(limits.inviteSecretBytes);
export const SealedJoinAnswer = Bytes(limits.joinAnswerBytes);

/** `expiresAt` between now and 7 days ahead. */
export const CreateInviteRequest = Type.Object(
  {
    inviteId: Id,
    verifyPublicKey: PublicKey,
    boxPublicKey: PublicKey,
    sealedInfo: SealedInviteInfo,
    sealedSecret: SealedInviteSecret,
    expiresAt: Timestamp,
  },
  closed,
);
export type CreateInviteRequest = Static<typeof CreateInviteRequest>;

export const CreateInviteResponse = Type.Object({ inviteId: Id, expiresAt: Timestamp }, closed);
export type CreateInviteResponse = Static<typeof CreateInviteResponse>;

export const InviteParams = Type.Object({ inviteId: Id }, closed);
export type InviteParams = Static<typeof InviteParams>;

export const MapInviteParams = Type.Object({ mapId: Id, inviteId: Id }, closed);
export type MapInviteParams = Static<typeof MapInviteParams>;

export const MapRequestParams = Type.Object({ mapId: Id, requestId: Id }, closed);
export type MapRequestParams = Static<typeof MapRequestParams>;

/** `open`: no request yet; `requested`: a request waits for the parent. */
export const OpenInviteStatus = Type.Union([Type.Literal('open'), Type.Literal('requested')]);

export const InviteInfoResponse = Type.Object(
  {
    sealedInfo: SealedInviteInfo,
    boxPublicKey: PublicKey,
    expiresAt: Timestamp,
    status: OpenInviteStatus,
  },
  closed,
);
export type InviteInfoResponse = Static<typeof InviteInfoResponse>;

/** `signature` = signInviteProof(keys, 'join-request', sealedRequest bytes). */
export const JoinRequestRequest = Type.Object(
  { sealedRequest: SealedJoinRequest, signature: Signature },
  closed,
);
export type JoinRequestRequest = Static<typeof JoinRequestRequest>;

export const JoinRequestResponse = Type.Object({ requestId: Id }, closed);
export type JoinRequestResponse = Static<typeof JoinRequestResponse>;

export const InviteChallengeResponse = Type.Object(
  { challengeId: Id, challenge: Challenge },
  closed,
);
export type InviteChallengeResponse = Static<typeof InviteChallengeResponse>;

/** `signature` = signInviteProof(keys, 'collect-answer', challenge bytes). */
export const CollectAnswerRequest = Type.Object({ challengeId: Id, signature: Signature }, closed);
export type CollectAnswerRequest = Static<typeof CollectAnswerRequest>;

/** Most seconds the answer route holds a pending request open (below every proxy's 60 s). */
export const ANSWER_WAIT_MAX_S = 25;

/** `?wait=s`: hold the answer up to s seconds while the parent has not answered (0: answer now). */
export const CollectAnswerQuery = Type.Object(
  { wait: Type.Optional(Type.Integer({ minimum: 0, maximum: ANSWER_WAIT_MAX_S })) },
  closed,
);
export type CollectAnswerQuery = Static<typeof CollectAnswerQuery>;

/** 200 approved with the sealed answer (once); 202 pending. */
export const CollectAnswerResponse = Type.Union([
  Type.Object({ status: Type.Literal('approved'), sealedAnswer: SealedJoinAnswer }, closed),
  Type.Object({ status: Type.Literal('pending') }, closed),
]);
export type CollectAnswerResponse = Static<typeof CollectAnswerResponse>;

export const RequestStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('declined'),
]);

export const InviteStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('requested'),
  Type.Literal('used'),
  Type.Literal('withdrawn'),
  Type.Literal('expired'),
]);
export type InviteStatus = Static<typeof InviteStatus>;

export const InviteSummary = Type.Object(
  {
    inviteId: Id,
    status: InviteStatus,
    expiresAt: Timestamp,
    createdAt: Timestamp,
    /** So another owner's device learns who made the invite (the safety code is made with her key). */
    sealedInfo: SealedInviteInfo,
    /** null for an invite made before secrets were kept for the owners: its request cannot be opened. */
    sealedSecret: Type.Union([SealedInviteSecret, Type.Null()]),
    request: Type.Union([
      Type.Object(
        {
          requestId: Id,
          status: RequestStatus,
          /** Only while pending; the parent opens it with the invite's keys (re-derived from the secret). */
          sealedRequest: Type.Union([SealedJoinRequest, Type.Null()]),
          createdAt: Timestamp,
        },
        closed,
      ),
      Type.Null(),
    ]),
  },
  closed,
);
export type InviteSummary = Static<typeof InviteSummary>;

export const InvitesResponse = Type.Object({ invites: Type.Array(InviteSummary) }, closed);
export type InvitesResponse = Static<typeof InvitesResponse>;

/**
 * The parent's approval, applied in one transaction: a slot `slotId` (client-chosen, named in the ADD
 * record) with `capabilityHash`, `rights` and `keyBundle`; `logRecords` (the ADD, seq = head + 1, …);
 * the sealed answer kept for the joiner; the invite marked used.
 */
export const ApproveRequestRequest = Type.Object(
  {
    slotId: Id,
    capabilityHash: CapabilityHash,
    rights: Rights,
    keyBundle: KeyBundle,
    logRecords: Type.Array(LogRecord, { minItems: 1, maxItems: limits.logRecordsPerRequestMax }),
    sealedAnswer: SealedJoinAnswer,
    /** The last day the new capability works (UTC); absent: open-ended (decision 0030). */
    accessUntil: Type.Optional(AccessDay),
  },
  closed,
);
export type ApproveRequestRequest = Static<typeof ApproveRequestRequest>;

export const ApproveRequestResponse = Type.Object(
  { slotId: Id, headSeq: Type.Integer({ minimum: 1 }) },
  closed,
);
export type ApproveRequestResponse = Static<typeof ApproveRequestResponse>;
