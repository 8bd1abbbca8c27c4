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
  rewrapForNewPassphrase,
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
  type Keyring,
  type KeyringMapEntry,
  type IdentityKeys,
} from './account.js';
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
  VERSION_BODY_FORMAT,
  type MapVersionInput,
  type MapVersionRead,
  type DecryptedMapVersion,
} from './map-version.js';
