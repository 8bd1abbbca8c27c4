// Writing the membership log: each new record is checked by the same rules every reader applies.
import { createLogEntry, openLogRecord, ZERO_HASH } from './log-entry.js';
import { applyEntry, type LogState } from './log-verify.js';
import type { LogChange, MemberData } from './membership.js';
import type { KeyPair } from './sodium.js';

function copyState(state: LogState): LogState {
  return {
    ...state,
    members: { ...state.members },
    owners: [...state.owners],
    former: { ...state.former },
    entries: [...state.entries],
    baseKeys: { ...state.baseKeys },
  };
}

/** Input of appendLogEntry: the verified state to extend, the change, and who signs it (an owner). */
export type AppendLogInput = {
  log: LogState;
  change: LogChange;
  /** base key of the record's epoch: the current one, or for ROTATE the new epoch's. */
  baseKey: Uint8Array;
  signer: KeyPair;
  /** ms since the Unix epoch; defaults to Date.now(). */
  at?: number;
};

/**
 * Writes the next record after a verified state and returns it with the state it leads to, checked by
 * the same rules readers apply (so an owner's client cannot write an entry others would refuse).
 * Throws LogInvalidError or CryptoError 'malformed'.
 */
export function appendLogEntry(input: AppendLogInput): { record: Uint8Array; log: LogState } {
  const { log, change } = input;
  const epoch = change.type === 'ROTATE' ? change.data.epoch : log.epoch;
  const record = createLogEntry({
    mapId: log.mapId,
    seq: log.seq + 1,
    epoch,
    prevHash: log.headHash,
    at: input.at ?? Date.now(),
    change,
    baseKey: input.baseKey,
    signer: input.signer,
  });
  const entry = openLogRecord(log.mapId, record, input.baseKey);
  return { record, log: applyEntry(copyState(log), entry, record, input.baseKey, log.mapId) };
}

/** Input of startLog: the new map, its first epoch and base key, and the creator (the first owner). */
export type StartLogInput = {
  mapId: string;
  epoch: number;
  baseKey: Uint8Array;
  creator: MemberData;
  signer: KeyPair;
  at?: number;
};

/** The INIT record of a new map (seq 1, prevHash zero) and the state it yields. */
export function startLog(input: StartLogInput): { record: Uint8Array; log: LogState } {
  const record = createLogEntry({
    mapId: input.mapId,
    seq: 1,
    epoch: input.epoch,
    prevHash: ZERO_HASH,
    at: input.at ?? Date.now(),
    change: { type: 'INIT', data: input.creator },
    baseKey: input.baseKey,
    signer: input.signer,
  });
  const entry = openLogRecord(input.mapId, record, input.baseKey);
  return { record, log: applyEntry(undefined, entry, record, input.baseKey, input.mapId) };
}
