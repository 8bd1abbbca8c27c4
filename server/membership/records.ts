// What the server can check of a log record or card without keys: the clear header (format, seq, version).
import { ApiError } from '../infra/errors.js';
import { decodeBase64Url } from '../infra/encoding.js';

const LOG_RECORD_FORMAT = 0x01;
const CARD_FORMAT = 0x01;
const HEADER_BYTES = 9;

export interface ParsedRecord {
  seq: number;
  record: Buffer;
}

/**
 * Decodes records and checks their headers: format 1 and consecutive seq numbers. The caller compares
 * the first seq with the map's head. Signatures are hidden in envelopes: clients verify those.
 */
export function parseLogRecords(texts: string[], field: string): ParsedRecord[] {
  const parsed = texts.map((text, i) => {
    const record = decodeBase64Url(text, `${field}[${i}]`);
    if (record.length <= HEADER_BYTES || record[0] !== LOG_RECORD_FORMAT) {
      throw new ApiError(
        'log_record_invalid',
        `${field}[${i}] is not a membership log record (format 1).`,
      );
    }
    return { seq: record.readUInt32BE(1), record };
  });
  parsed.forEach((entry, i) => {
    const first = parsed[0]?.seq ?? 0;
    if (entry.seq !== first + i) {
      throw new ApiError(
        'log_record_invalid',
        `${field}[${i}] carries seq ${entry.seq}; records must follow on from ${first} without gaps.`,
      );
    }
  });
  return parsed;
}

/** The conflict answer when records do not start right after the head. */
export function logConflict(head: number): ApiError {
  return new ApiError(
    'log_conflict',
    `The membership log has moved on to seq ${head}; read it, verify and write after it.`,
  );
}

/** The card version in a card body's header (`[0x01][epoch u32][cardVersion u32][envelope]`). */
export function cardVersionOf(body: Buffer): number {
  if (body.length <= HEADER_BYTES || body[0] !== CARD_FORMAT) {
    throw new ApiError('card_invalid', 'The card body is not a member card (format 1).');
  }
  return body.readUInt32BE(5);
}
