// The public face of the protocol: import from here; the files behind it may change.
export { loadSodium, isSodiumLoaded, type KeyPair } from './sodium.js';
export { CryptoError, isCryptoError, CRYPTO_ERROR_CODES, type CryptoErrorCode } from './errors.js';
export {
  toBase64Url,
  fromBase64Url,
  isBase64Url,
  utf8Encode,
  utf8Decode,
  concatBytes,
  u32ToBytes,
  readU32,
} from './encoding.js';
export { padmeLength } from './padding.js';
export {
  normaliseUsername,
  adAccountKey,
  adKeyring,
  adSection,
  adSectionInEpoch,
  adVersionSignature,
  versionSignatureContext,
  loginProofMessage,
  LOGIN_PURPOSES,
  UNLOCK_METHODS,
  type LoginPurpose,
  type UnlockMethod,
} from './ad.js';
export { encryptEnvelope, decryptEnvelope, ENVELOPE_VERSION } from './envelope.js';
export {
  DEFAULT_KDF,
  TEST_KDF,
  KDF_BOUNDS,
  kdfMeetsFloor,
  deriveAccountSecrets,
  deriveRecoverySecrets,
  newRecoveryKey,
  formatRecoveryCode,
  parseRecoveryCode,
  RECOVERY_CODE_LENGTH,
  createAccount,
  unlockAccount,
  openAccount,
  rewrapForNewPassphrase,
  rewrapForNewRecovery,
  signLoginProof,
  verifyLoginProof,
  encryptKeyring,
  decryptKeyring,
  validateKeyring,
  identityFromKeyring,
  type KdfCost,
  type KdfParams,
  type WireKdfParams,
  type AccountSecrets,
  type AccountRegistration,
  type NewAccount,
  type UnlockedAccount,
  type WrappedAccount,
  type UnlockSecret,
  type PassphraseUpdate,
  type RecoveryUpdate,
  type Keyring,
  type KeyringMapEntry,
  type IdentityKeys,
} from './account.js';
export {
  KEYRING_PADDED_BYTES,
  newerSettings,
  validatePin,
  type KeyringPin,
  type KeyringProfile,
  type KeyringSeen,
  type KeyringSettings,
} from './keyring.js';
export { checkAgainstPin, checkInvitedLog, logPinOf, newerPin, pinOf, samePin } from './pin.js';
export { newId, newCapability, capabilityHash, ID_BYTES, CAPABILITY_BYTES } from './capability.js';
export {
  SECTIONS,
  isSection,
  newSectionKeys,
  sealKeyBundle,
  openKeyBundle,
  type Section,
  type SectionKeys,
  type KeyBundle,
} from './map-keys.js';
export {
  encryptMapVersion,
  decryptMapVersion,
  extractSectionEnvelopes,
  readVersionEpoch,
  VERSION_BODY_FORMAT,
  LEGACY_VERSION_BODY_FORMAT,
  SIGNATURE_ENVELOPE_BYTES,
  NO_LOG_HEAD,
  type LogHead,
  type MapVersionInput,
  type MapVersionRead,
  type DecryptedMapVersion,
} from './map-version.js';
export { checkVersionHead, logHeadOf } from './version-head.js';
export {
  LOG_INVALID_REASONS,
  LogInvalidError,
  isLogInvalid,
  type LogInvalidReason,
  ROLLBACK_KINDS,
  RollbackError,
  isRollback,
  type RollbackKind,
} from './errors.js';
export { adLogRecord, adCard, adInviteInfo, adInviteSecret } from './ad.js';
export {
  MEMBER_ROLES,
  LOG_ENTRY_TYPES,
  PROFILE_LIMITS,
  type MemberRole,
  type LogEntryType,
  type MemberProfile,
  type MemberData,
  type LogChange,
  type Member,
} from './membership.js';
export {
  createLogEntry,
  openLogRecord,
  readLogRecordHeader,
  logRecordHash,
  LOG_RECORD_FORMAT,
  ZERO_HASH,
  type LogEntry,
  type LogEntryInput,
} from './log-entry.js';
export {
  verifyLog,
  MAX_LOG_RECORDS,
  type LogState,
  type LogPin,
  type VerifyLogInput,
} from './log-verify.js';
export { appendLogEntry, startLog, type AppendLogInput, type StartLogInput } from './log-append.js';
export {
  INVITE_KINDS,
  INVITE_CODE_LENGTH,
  parseInviteSecret,
  type InviteKind,
} from './invite-code.js';
export {
  INVITE_CODE_KDF,
  INVITE_PURPOSES,
  GREETING_MAX_CHARS,
  createInvite,
  deriveInviteKeys,
  openInvite,
  openInviteInfo,
  signInviteProof,
  verifyInviteProof,
  type InvitePurpose,
  type InviteKeys,
  type InviteInfo,
  type NewInvite,
} from './invite.js';
export {
  JOIN_PROFILE_LIMITS,
  JOIN_REQUEST_VERSION,
  SLOT_RIGHTS,
  sealJoinRequest,
  openJoinRequest,
  sealJoinAnswer,
  openJoinAnswer,
  type JoinProfile,
  type JoinRequest,
  type JoinInviteKeys,
  type JoinAnswer,
  type OpenedJoinAnswer,
  type SlotRights,
} from './join.js';
export { safetyCode, SAFETY_CODE_KDF } from './safety-code.js';
export { joinProof, type JoinProofFields } from './join-proof.js';
export { openInviteSecret, sealInviteSecret, SEALED_SECRET_FORMAT } from './invite-secret.js';
export {
  BORGER_ANSWERS,
  CARD_FORMAT,
  CARD_JSON_VERSION,
  CARD_LIMITS,
  encryptCard,
  decryptCard,
  type BorgerAnswer,
  type MemberCard,
  type DecryptedCard,
  type CardInput,
} from './card.js';
export {
  sealKeyRing,
  openKeyRing,
  trustKeyRing,
  KEY_RING_VERSION,
  MAX_RING_EPOCHS,
  type KeyRing,
  type SignedKeyRing,
  type EpochKeys,
} from './key-ring.js';
export { openLegacyKeyRing, vouchedLegacyRing } from './legacy-key-ring.js';
export { rotateMap, type RotateMapInput, type RotatedMap } from './rotation.js';
export { rightsOf, versionSigners, grantOf, sectionsFor, memberRing } from './grants.js';
export {
  admitMember,
  changeMember,
  memberOf,
  narrowGrants,
  type ChangeBase,
  type ChangeResult,
  type AdmitInput,
  type MemberUpdate,
} from './member-change.js';
export * from './trusted-recovery.js';
