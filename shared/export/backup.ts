// Encrypted backup file: Argon2id(passphrase) → key; crypto_secretstream_xchacha20poly1305 over the
// map export JSON in 64 KiB chunks. Made and opened on the device; the server never sees it.
//
// Layout: "NKBACKUP1" (9 ASCII bytes) | opsLimit u32 BE | memLimit u32 BE | salt 16 | key check 16 |
// length of the chunks u32 BE | secretstream header 24 | chunks (each 64 KiB of plaintext + 17 bytes;
// the last tagged FINAL).
// Every chunk's associated data is everything before the chunks, so altered parameters fail to open.
import sodium from 'libsodium-wrappers-sumo';
import { DEFAULT_KDF, KDF_BOUNDS, type KdfCost } from '../crypto/account.js';
import { concatBytes, readU32, u32ToBytes, utf8Decode, utf8Encode } from '../crypto/encoding.js';
import { argon2id, randomBytes, wipe } from '../crypto/sodium.js';
import type { MapDocument } from '../map/types.js';
import { exportMapJson, importMapJson } from './map-json.js';

export const BACKUP_MAGIC = 'NKBACKUP1';
const MAGIC_BYTES = utf8Encode(BACKUP_MAGIC);
const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const STREAM_HEADER_BYTES = 24;
const ABYTES = 17;
const HEADER_BYTES =
  MAGIC_BYTES.length + 4 + 4 + SALT_BYTES + CHECK_BYTES + 4 + STREAM_HEADER_BYTES;
const CHUNK = 64 * 1024;

/** Why a backup did not open. */
export const BACKUP_ERROR_CODES = [
  'not-a-backup',
  'wrong-passphrase',
  'truncated',
  'tampered',
  'malformed',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  kdf: KdfCost,
): { key: Uint8Array; check: Uint8Array } {
  if (passphrase === '') throw new BackupError('malformed', 'empty passphrase');
  const password = utf8Encode(passphrase.normalize('NFC'));
  const key = argon2id(32, password, salt, kdf.opsLimit, kdf.memLimit);
  wipe(password);
  // a keyed hash, so a wrong passphrase is told apart from a damaged file
  const check = sodium.crypto_generichash(CHECK_BYTES, utf8Encode('nk1|backup-check'), key);
  return { key, check };
}

/**
 * Encrypts the map (as exportMapJson) under the passphrase. `kdf` defaults to DEFAULT_KDF (tests pass
 * TEST_KDF). Await loadSodium() first.
 */
export function exportBackup(
  doc: MapDocument,
  passphrase: string,
  options: { kdf?: KdfCost; now?: Date } = {},
): Uint8Array {
  const kdf = options.kdf ?? DEFAULT_KDF;
  const salt = randomBytes(SALT_BYTES);
  const { key, check } = deriveKey(passphrase, salt, kdf);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  wipe(key);
  const plaintext = utf8Encode(exportMapJson(doc, options.now));
  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  const head = concatBytes(
    MAGIC_BYTES,
    u32ToBytes(kdf.opsLimit),
    u32ToBytes(kdf.memLimit),
    salt,
    check,
    u32ToBytes(plaintext.length + chunks * ABYTES),
    header,
  );
  const parts: Uint8Array[] = [head];
  for (let offset = 0; ; offset += CHUNK) {
    const chunk = plaintext.subarray(offset, offset + CHUNK);
    const last = offset + CHUNK >= plaintext.length;
    const tag = last
      ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    parts.push(sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, head, tag));
    if (last) break;
  }
  return concatBytes(...parts);
}

/**
 * Opens a backup and returns the validated map document. Throws BackupError: 'not-a-backup' (no
 * magic), 'wrong-passphrase', 'truncated' (the final chunk is missing), 'tampered' (a chunk does not
 * authenticate, or bytes follow the final chunk), 'malformed' (cost out of bounds, content not a map).
 */
export function importBackup(file: Uint8Array, passphrase: string): MapDocument {
  if (
    file.length < MAGIC_BYTES.length ||
    utf8Decode(file.subarray(0, MAGIC_BYTES.length)) !== BACKUP_MAGIC
  ) {
    throw new BackupError('not-a-backup', 'this is not a netwerkkaart backup file');
  }
  if (file.length < HEADER_BYTES) throw new BackupError('truncated', 'the file ends in its header');
  let at = MAGIC_BYTES.length;
  const opsLimit = readU32(file, at);
  const memLimit = readU32(file, at + 4);
  at += 8;
  // a hostile file could ask for absurd memory or time
  if (
    opsLimit < KDF_BOUNDS.minOps ||
    opsLimit > KDF_BOUNDS.maxOps ||
    memLimit < KDF_BOUNDS.minMem ||
    memLimit > KDF_BOUNDS.maxMem
  ) {
    throw new BackupError('malformed', 'key derivation cost out of bounds');
  }
  const salt = file.subarray(at, at + SALT_BYTES);
  at += SALT_BYTES;
  const storedCheck = file.subarray(at, at + CHECK_BYTES);
  at += CHECK_BYTES;
  const bodyLength = readU32(file, at);
  at += 4;
  const header = file.subarray(at, at + STREAM_HEADER_BYTES);
  at += STREAM_HEADER_BYTES;
  const head = file.subarray(0, HEADER_BYTES);

  const { key, check } = deriveKey(passphrase, salt, { opsLimit, memLimit });
  if (!sodium.memcmp(check, storedCheck)) {
    wipe(key);
    throw new BackupError('wrong-passphrase', 'the passphrase does not open this backup');
  }
  // the length is authenticated with every chunk; a shorter file lost its end
  if (file.length < HEADER_BYTES + bodyLength) {
    wipe(key);
    throw new BackupError('truncated', 'the backup is cut off');
  }
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  wipe(key);
  const parts: Uint8Array[] = [];
  let finished = false;
  while (at < file.length) {
    if (finished) throw new BackupError('tampered', 'data after the end of the backup');
    const chunk = file.subarray(at, at + CHUNK + ABYTES);
    at += chunk.length;
    let result: { message: Uint8Array; tag: number } | false;
    try {
      result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, chunk, head);
    } catch {
      result = false;
    }
    if (!result) throw new BackupError('tampered', 'the backup has been changed or damaged');
    parts.push(result.message);
    finished = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  }
  // all declared bytes were there and authentic, yet no final chunk: chunks were cut and relabelled
  if (!finished) throw new BackupError('tampered', 'the backup has no end');
  if (file.length !== HEADER_BYTES + bodyLength) {
    throw new BackupError('tampered', 'the backup length does not match its header');
  }
  try {
    return importMapJson(utf8Decode(concatBytes(...parts)));
  } catch {
    throw new BackupError('malformed', 'the backup does not hold a valid map');
  }
}
