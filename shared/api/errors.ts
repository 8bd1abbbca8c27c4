import { Type, type Static } from 'typebox';

/** Every error code the API answers with; stable, snake_case. */
export const errorCodes = {
  invalidRequest: 'invalid_request',
  invalidJson: 'invalid_json',
  bodyTooLarge: 'body_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  notFound: 'not_found',
  tooManyRequests: 'too_many_requests',
  internalError: 'internal_error',
  unauthorized: 'unauthorized',
  sessionExpired: 'session_expired',
  usernameTaken: 'username_taken',
  loginFailed: 'login_failed',
  proofFailed: 'proof_failed',
  keyringConflict: 'keyring_conflict',
  mapExists: 'map_exists',
  mapNotFound: 'map_not_found',
  insufficientRights: 'insufficient_rights',
  versionConflict: 'version_conflict',
  versionNotFound: 'version_not_found',
  logConflict: 'log_conflict',
  logRecordInvalid: 'log_record_invalid',
  slotExists: 'slot_exists',
  slotNotFound: 'slot_not_found',
  lastOwner: 'last_owner',
  creatorSlot: 'creator_slot',
  keyBundlesMismatch: 'key_bundles_mismatch',
  cardConflict: 'card_conflict',
  cardInvalid: 'card_invalid',
  inviteExists: 'invite_exists',
  inviteExpiryInvalid: 'invite_expiry_invalid',
  inviteNotFound: 'invite_not_found',
  inviteExpired: 'invite_expired',
  inviteUsed: 'invite_used',
  inviteWithdrawn: 'invite_withdrawn',
  requestNotFound: 'request_not_found',
  requestAnswered: 'request_answered',
  requestDeclined: 'request_declined',
  answerCollected: 'answer_collected',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ pattern: '^[a-z_]+$' }),
        message: Type.String(),
        /** Only with `version_conflict`: the map's current version, to merge onto. */
        latestVersion: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;
