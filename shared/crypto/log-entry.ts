// One membership log record: a signed JSON entry in an envelope under the epoch's base key, hash-chained.
import { adLogRecord, logSignatureContext } from './ad.js';
import { decryptEnvelope, encryptEnvelopeWithNonce } from './envelope.js';
import { CryptoError } from './errors.js';
import {
  concatBytes,
  expectBytes,
  fromBase64Url,
  readU32,
  toBase64Url,
  u32ToBytes,
  utf8Encode,
} from './encoding.js';
import { openSignedPlaintext, signedPlaintext } from './hidden-signer.js';
import { changeDataToJson, validateChange, type LogChange } from './membership.js';
import { expectBase64Url, expectInteger, expectObject, fail, parseJsonBytes } from './shape.js';
import { blake2b, randomBytes, SIZES, type KeyPair } from './sodium.js';

/** First byte of every log record. */
export const LOG_RECORD_FORMAT = 0x01;
// [format 1][seq 4][epoch 4]
const HEADER_BYTES = 1 + 4 + 4;
/** prevHash of the INIT entry: 32 zero bytes. */
export const ZERO_HASH: Uint8Array = new Uint8Array(SIZES.blake2b256);

/** A decrypted, signature-checked entry (rules NOT yet checked: verifyLog does that). */
export type LogEntry = LogChange & {
  seq: number;
  epoch: number;
  prevHash: Uint8Array;
  at: number;
  signerPublicKey: Uint8Array;
};

/** Input of createLogEntry: the record's place (1-based seq, epoch, 32-byte prevHash), time (ms), change. */
export type LogEntryInput = {
  mapId: string;
  seq: number;
  epoch: number;
  prevHash: Uint8Array;
  at: number;
  change: LogChange;
  baseKey: Uint8Array;
  signer: KeyPair;
};

/** BLAKE2b-256 of a stored record's bytes: the next entry's prevHash and a log's head hash. */
export function logRecordHash(record: Uint8Array): Uint8Array {
  return blake2b(expectBytes(record, 'log record'));
}

/** The clear header of a record: `[0x01][seq u32 BE][epoch u32 BE]`, then the envelope. NOT verified. */
export function readLogRecordHeader(record: Uint8Array): {
  seq: number;
  epoch: number;
  envelope: Uint8Array;
} {
  expectBytes(record, 'log record');
  if (record.length === 0) throw new CryptoError('malformed', 'empty log record');
  if (record[0] !== LOG_RECORD_FORMAT) {
    throw new CryptoError('unsupported-version', 'unknown log record format');
  }
  if (record.length <= HEADER_BYTES) throw new CryptoError('malformed', 'log record too short');
  return {
    seq: readU32(record, 1),
    epoch: readU32(record, 5),
    envelope: record.subarray(HEADER_BYTES),
  };
}

function entryJson(input: LogEntryInput): Uint8Array {
  expectBytes(input.prevHash, 'prevHash', SIZES.blake2b256);
  expectInteger(input.at, 'at', 0, Number.MAX_SAFE_INTEGER);
  const data = changeDataToJson(input.change);
  // round-trip through the reader's validator, so a writer cannot sign what readers would refuse
  validateChange(input.change.type, JSON.parse(JSON.stringify(data)));
  if (input.change.type === 'ROTATE' && input.change.data.epoch !== input.epoch) {
    throw new CryptoError('malformed', 'a ROTATE record lives in the epoch it starts');
  }
  const json = {
    v: 1,
    seq: input.seq,
    prevHash: toBase64Url(input.prevHash),
    type: input.change.type,
    at: input.at,
    data,
  };
  return utf8Encode(JSON.stringify(json));
}

/**
 * Test seam for fixed vectors (not exported from index.ts); production code calls createLogEntry.
 */
export function createLogEntryWithNonce(input: LogEntryInput, nonce: Uint8Array): Uint8Array {
  expectBytes(input.baseKey, 'base key', SIZES.key);
  const context = adLogRecord(input.mapId, input.seq, input.epoch);
  const json = entryJson(input);
  const message = concatBytes(json, logSignatureContext(input.mapId, input.seq, input.epoch));
  const envelope = encryptEnvelopeWithNonce(
    input.baseKey,
    signedPlaintext(input.signer, message, json),
    context,
    nonce,
  );
  const header = concatBytes(
    Uint8Array.of(LOG_RECORD_FORMAT),
    u32ToBytes(input.seq),
    u32ToBytes(input.epoch),
  );
  return concatBytes(header, envelope);
}

/**
 * A stored log record: `[0x01][seq u32 BE][epoch u32 BE][envelope]`, the envelope under the epoch's base
 * key with context `log|<mapId>|<seq>|<epoch>` holding `[signerPk 32][Ed25519 sig 64][entry JSON]`, the
 * signature over the JSON ‖ `nk1|log|<mapId>|<seq>|<epoch>`. JSON: `{v:1, seq, prevHash, type, at, data}`.
 * Throws CryptoError 'malformed' for an invalid change or input.
 */
export function createLogEntry(input: LogEntryInput): Uint8Array {
  return createLogEntryWithNonce(input, randomBytes(SIZES.nonce));
}

/**
 * Opens one record with its epoch's base key, verifies the hidden signature and parses the entry.
 * Checks only the record itself (not the chain or who signed): verifyLog does that. Throws CryptoError
 * 'decrypt-failure' (wrong key, moved to another map, seq or epoch, tampered), 'bad-signature', 'malformed'.
 */
export function openLogRecord(mapId: string, record: Uint8Array, baseKey: Uint8Array): LogEntry {
  const { seq, epoch, envelope } = readLogRecordHeader(record);
  if (seq < 1) throw new CryptoError('malformed', 'seq starts at 1');
  const plain = decryptEnvelope(baseKey, envelope, adLogRecord(mapId, seq, epoch));
  const context = logSignatureContext(mapId, seq, epoch);
  const { signerPublicKey, payload } = openSignedPlaintext(plain, (json) =>
    concatBytes(json, context),
  );
  const o = expectObject(parseJsonBytes(payload, 'entry'), 'entry', [
    'v',
    'seq',
    'prevHash',
    'type',
    'at',
    'data',
  ]);
  if (o.v !== 1) fail('entry.v', 'must be 1');
  if (expectInteger(o.seq, 'entry.seq', 1, 0xffffffff) !== seq)
    fail('entry.seq', 'not the record’s');
  const prevHash = fromBase64Url(expectBase64Url(o.prevHash, 'entry.prevHash', SIZES.blake2b256));
  const at = expectInteger(o.at, 'entry.at', 0, Number.MAX_SAFE_INTEGER);
  const change = validateChange(o.type, o.data);
  return { ...change, seq, epoch, prevHash, at, signerPublicKey };
}
