// The membership log's rules: every client replays the whole chain and trusts only the table it computes.
import { CryptoError, LogInvalidError, RollbackError } from './errors.js';
import { expectBytes, isU32 } from './encoding.js';
import { sectionsFor } from './grants.js';
import {
  logRecordHash,
  openLogRecord,
  readLogRecordHeader,
  ZERO_HASH,
  type LogEntry,
} from './log-entry.js';
import type { Member, MemberData } from './membership.js';
import { SECTIONS } from './sections.js';
import { bytesEqual, SIZES } from './sodium.js';

/** Most records one log may hold; a bound so a hostile server cannot exhaust a client. */
export const MAX_LOG_RECORDS = 100_000;

/** A head a client remembers between sessions (in its keyring): the highest seq seen and that record's BLAKE2b-256. */
export type LogPin = { seq: number; headHash: Uint8Array };

/** The verified state of a log: who is a member now and what every epoch's base key is. */
export type LogState = {
  mapId: string;
  /** seq of the last record (= number of records). */
  seq: number;
  /** the current epoch: of the INIT or the last ROTATE. */
  epoch: number;
  /** BLAKE2b-256 of the last record; pin it with `seq`. */
  headHash: Uint8Array;
  /** current members by slot id. */
  members: Record<string, Member>;
  /** slot ids of the current owners. */
  owners: string[];
  /** removed members by slot id (to label history; they may no longer sign anything). */
  former: Record<string, Member>;
  /** every entry in order. */
  entries: LogEntry[];
  /** 32-byte base key of every epoch the log reaches back to. */
  baseKeys: Record<number, Uint8Array>;
};

function refuse(reason: LogInvalidError['reason'], seq: number, message: string): never {
  throw new LogInvalidError(reason, seq, message);
}

function ownersOf(members: Record<string, Member>): string[] {
  return Object.values(members)
    .filter((member) => member.role === 'owner')
    .map((member) => member.slotId);
}

function checkOwnerSections(member: MemberData, seq: number): void {
  if (member.role === 'owner' && member.sections.length !== SECTIONS.length) {
    refuse('invalid-entry', seq, 'an owner holds every section');
  }
}

function startState(entry: LogEntry, baseKey: Uint8Array | undefined): LogState {
  if (entry.type !== 'INIT') refuse('invalid-entry', entry.seq, 'the log starts with INIT');
  const member = entry.data;
  // the creator signs INIT with the key it names: nobody can found a map in another's name
  if (!bytesEqual(entry.signerPublicKey, member.signPublicKey)) {
    refuse('forged', entry.seq, 'INIT not signed by its creator');
  }
  if (member.role !== 'owner') refuse('invalid-entry', entry.seq, 'the creator is an owner');
  checkOwnerSections(member, entry.seq);
  return {
    mapId: '',
    seq: 0,
    epoch: entry.epoch,
    headHash: ZERO_HASH,
    members: { [member.slotId]: { ...member, addedAt: entry.at } },
    owners: [],
    former: {},
    entries: [],
    baseKeys: baseKey === undefined ? {} : { [entry.epoch]: baseKey },
  };
}

function memberAt(state: LogState, slotId: string, seq: number): Member {
  const member = state.members[slotId];
  if (member === undefined) refuse('invalid-entry', seq, 'no such member');
  return member;
}

function applyChange(state: LogState, entry: LogEntry): void {
  const { seq } = entry;
  const lastOwner = (slotId: string): boolean =>
    state.members[slotId]?.role === 'owner' && ownersOf(state.members).length === 1;
  switch (entry.type) {
    case 'INIT':
      return refuse('invalid-entry', seq, 'INIT only starts a log');
    case 'ADD': {
      const member = entry.data;
      if (state.members[member.slotId] !== undefined || state.former[member.slotId] !== undefined) {
        refuse('invalid-entry', seq, 'slot id already used');
      }
      const keys = Object.values(state.members).map((m) => m.signPublicKey);
      if (keys.some((key) => bytesEqual(key, member.signPublicKey))) {
        refuse('invalid-entry', seq, 'already a member');
      }
      checkOwnerSections(member, seq);
      state.members[member.slotId] = { ...member, addedAt: entry.at };
      return;
    }
    case 'ROLE': {
      const member = memberAt(state, entry.data.slotId, seq);
      if (entry.data.role !== 'owner' && lastOwner(member.slotId)) {
        refuse('invalid-entry', seq, 'the last owner stays an owner');
      }
      // an owner manages every key, so becoming one grants every section
      const sections = sectionsFor(entry.data.role, member.sections);
      const next: Member = { ...member, role: entry.data.role, sections };
      // nor has her access an end date once she is one
      if (entry.data.role === 'owner') delete next.until;
      state.members[member.slotId] = next;
      return;
    }
    case 'GRANT': {
      const member = memberAt(state, entry.data.slotId, seq);
      const next = { ...member, sections: entry.data.sections };
      checkOwnerSections(next, seq);
      state.members[member.slotId] = next;
      return;
    }
    case 'REMOVE': {
      const member = memberAt(state, entry.data.slotId, seq);
      if (lastOwner(member.slotId))
        refuse('invalid-entry', seq, 'the last owner cannot be removed');
      delete state.members[member.slotId];
      state.former[member.slotId] = member;
      return;
    }
    case 'UNTIL': {
      const member = memberAt(state, entry.data.slotId, seq);
      // an owner holds the map: her access has no end
      if (member.role === 'owner') refuse('invalid-entry', seq, 'an owner has no end date');
      const { until: _previous, ...rest } = member;
      state.members[member.slotId] =
        entry.data.until === null ? rest : { ...rest, until: entry.data.until };
      return;
    }
    case 'ROTATE': {
      const known = state.baseKeys[state.epoch];
      if (known !== undefined && !bytesEqual(known, entry.data.previousBaseKey)) {
        refuse('invalid-entry', seq, 'ROTATE carries a wrong previous base key');
      }
      state.baseKeys[state.epoch] = entry.data.previousBaseKey;
      state.epoch = entry.data.epoch;
      return;
    }
  }
}

/**
 * Applies one opened entry to a state (mutating it; undefined before INIT). Checks seq, prevHash,
 * epoch, signer and the rules; throws LogInvalidError. Internal: shared with log-append.ts.
 */
export function applyEntry(
  current: LogState | undefined,
  entry: LogEntry,
  record: Uint8Array,
  baseKey: Uint8Array | undefined,
  mapId: string,
): LogState {
  const expectedSeq = (current?.seq ?? 0) + 1;
  if (entry.seq !== expectedSeq) refuse('broken-chain', entry.seq, `expected seq ${expectedSeq}`);
  if (!bytesEqual(entry.prevHash, current?.headHash ?? ZERO_HASH)) {
    refuse('broken-chain', entry.seq, 'prevHash does not match the previous record');
  }
  let state: LogState;
  if (current === undefined) {
    state = startState(entry, baseKey);
  } else {
    state = current;
    const signer = Object.values(state.members).find((member) =>
      bytesEqual(member.signPublicKey, entry.signerPublicKey),
    );
    if (signer?.role !== 'owner') refuse('forged', entry.seq, 'signed by a non-owner');
    const expectedEpoch = entry.type === 'ROTATE' ? state.epoch + 1 : state.epoch;
    if (entry.epoch !== expectedEpoch) refuse('invalid-entry', entry.seq, 'wrong epoch');
    applyChange(state, entry);
    if (baseKey !== undefined) state.baseKeys[entry.epoch] = baseKey;
  }
  state.mapId = mapId;
  state.seq = entry.seq;
  state.headHash = logRecordHash(record);
  state.owners = ownersOf(state.members);
  state.entries.push(entry);
  return state;
}

/** Input of verifyLog: every record from INIT on, in seq order; base keys the reader holds by epoch. */
export type VerifyLogInput = {
  mapId: string;
  records: Uint8Array[];
  keysByEpoch: Readonly<Record<number, Uint8Array>>;
  pinned?: LogPin;
};

function openOrRefuse(mapId: string, record: Uint8Array, key: Uint8Array, seq: number): LogEntry {
  try {
    return openLogRecord(mapId, record, key);
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    if (error.code === 'malformed') refuse('invalid-entry', seq, error.message);
    return refuse('forged', seq, `record does not verify: ${error.message}`);
  }
}

/**
 * Replays a whole membership log and returns the member table it yields. Older epochs' base keys are
 * learned from ROTATE entries (walking back from the newest), so a reader needs only the current one.
 * Throws LogInvalidError (code 'log-invalid') with reason 'forged', 'broken-chain', 'invalid-entry' or
 * 'missing-key'; RollbackError (code 'rollback', kind 'log') for a log that does not reach or extend
 * `pinned`; CryptoError 'malformed' for bad input.
 */
export function verifyLog(input: VerifyLogInput): LogState {
  const { mapId, records, pinned } = input;
  if (!Array.isArray(records) || records.length > MAX_LOG_RECORDS) {
    throw new CryptoError('malformed', 'records must be an array of at most 100000');
  }
  if (records.length === 0) {
    if (pinned !== undefined) throw new RollbackError('log', 'empty log, but a head was pinned');
    return refuse('broken-chain', 1, 'empty log');
  }
  const headers = records.map((record, i) => {
    let header: { seq: number; epoch: number };
    try {
      header = readLogRecordHeader(record);
    } catch (error) {
      if (error instanceof CryptoError) refuse('forged', i + 1, error.message);
      throw error;
    }
    // a dropped, inserted or reordered record shows here (seq is bound to the record by its AD)
    if (header.seq !== i + 1)
      refuse('broken-chain', i + 1, `record ${i + 1} has seq ${header.seq}`);
    return header;
  });
  const keys = new Map<number, Uint8Array>();
  for (const [epoch, key] of Object.entries(input.keysByEpoch)) {
    keys.set(Number(epoch), expectBytes(key, `key of epoch ${epoch}`, SIZES.key));
  }
  // walk back: each ROTATE hands over the previous epoch's base key
  const entries: LogEntry[] = new Array<LogEntry>(records.length);
  for (let i = records.length - 1; i >= 0; i--) {
    const { epoch } = headers[i]!;
    const key = keys.get(epoch);
    if (key === undefined) refuse('missing-key', i + 1, `no base key for epoch ${epoch}`);
    const entry = openOrRefuse(mapId, records[i]!, key, i + 1);
    entries[i] = entry;
    if (
      entry.type === 'ROTATE' &&
      entry.data.epoch === epoch &&
      epoch > 0 &&
      !keys.has(epoch - 1)
    ) {
      keys.set(epoch - 1, entry.data.previousBaseKey);
    }
  }
  let state: LogState | undefined;
  for (let i = 0; i < records.length; i++) {
    state = applyEntry(state, entries[i]!, records[i]!, keys.get(headers[i]!.epoch), mapId);
  }
  const verified = state!;
  if (pinned !== undefined) checkPin(verified, records, pinned);
  return verified;
}

function checkPin(state: LogState, records: Uint8Array[], pinned: LogPin): void {
  if (!isU32(pinned.seq) || pinned.seq < 1) throw new CryptoError('malformed', 'bad pinned seq');
  expectBytes(pinned.headHash, 'pinned head hash', SIZES.blake2b256);
  if (state.seq < pinned.seq) {
    throw new RollbackError(
      'log',
      `log ends at seq ${state.seq}, before the pinned seq ${pinned.seq}`,
    );
  }
  if (!bytesEqual(logRecordHash(records[pinned.seq - 1]!), pinned.headHash)) {
    throw new RollbackError('log', `another record at the pinned seq ${pinned.seq}`);
  }
}
