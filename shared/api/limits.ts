/** Size and range limits of the HTTP API; the server enforces them, the client may check them early. */
export const limits = {
  /** Bytes of an id (account, map, slot, session, challenge). */
  idBytes: 16,
  publicKeyBytes: 32,
  signatureBytes: 64,
  saltBytes: 16,
  challengeBytes: 32,
  capabilityBytes: 32,
  capabilityHashBytes: 32,
  /** Wrapped account key: an envelope around 32 bytes, padded. */
  wrappedKeyMinBytes: 41,
  wrappedKeyMaxBytes: 1024,
  keyringMinBytes: 41,
  /** Room for the crypto side's 1000 maps with 200-character titles. */
  keyringMaxBytes: 1024 * 1024,
  keyBundleMinBytes: 48,
  keyBundleMaxBytes: 64 * 1024,
  /** A map version body: at least a header, at most 1 MiB. */
  mapBodyMinBytes: 1,
  mapBodyMaxBytes: 1024 * 1024,
  usernameMinChars: 3,
  usernameMaxChars: 64,
  opsLimitMin: 1,
  opsLimitMax: 10,
  /** Argon2id memory in bytes: 8 MiB to 1 GiB. */
  memLimitMin: 8 * 1024 * 1024,
  memLimitMax: 1024 * 1024 * 1024,
  versionsPageDefault: 50,
  versionsPageMax: 200,
  /** A membership log record: 9-byte header plus an envelope (entry JSON of about 1 KB, padded). */
  logRecordMinBytes: 50,
  logRecordMaxBytes: 8 * 1024,
  /** Records in one append or removal request (REMOVE per slot plus ROTATE). */
  logRecordsPerRequestMax: 257,
  logPageMax: 1000,
  /** Sealed invite info: an envelope around JSON with a greeting of at most 200 characters. */
  inviteInfoMinBytes: 41,
  inviteInfoMaxBytes: 2048,
  /** An invite's secret sealed for the owners has a fixed size (shared/crypto/invite-secret.ts). */
  inviteSecretBytes: 118,
  /** Join request and answer have a fixed size (shared/crypto/join.ts). */
  joinRequestBytes: 2096,
  joinAnswerBytes: 1072,
  /** Invites live at most 7 days. */
  inviteMaxLifetimeMs: 7 * 24 * 60 * 60 * 1000,
  /** A member card: 9-byte header plus an envelope. */
  cardMinBytes: 50,
  cardMaxBytes: 8 * 1024,
  /** Slots of one map (removal re-seals a key ring for each). */
  slotsPerMapMax: 256,
} as const;

/** Characters of unpadded base64url for `bytes` bytes. */
export function base64UrlLength(bytes: number): number {
  return Math.floor(bytes / 3) * 4 + (bytes % 3 === 0 ? 0 : (bytes % 3) + 1);
}
