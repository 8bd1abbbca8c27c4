// A sample membership log for the log tests (the example family of docs/domain.md), and log assertions.
import { expect } from 'vitest';
import {
  appendLogEntry,
  isCryptoError,
  isLogInvalid,
  isRollback,
  newSectionKeys,
  startLog,
  type LogChange,
  type LogInvalidReason,
  type LogState,
  type RollbackKind,
} from '../../../shared/crypto/index.js';
import { person, type Person } from './people.js';

export const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';

/** Asserts that `run` refuses older state: a RollbackError of this kind (code 'rollback'). */
export function expectRolledBack(run: () => unknown, kind: RollbackKind): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isRollback(caught, kind), `expected rollback '${kind}', got ${String(caught)}`).toBe(true);
  expect(isCryptoError(caught, 'rollback')).toBe(true);
}

/** Asserts that `run` throws a LogInvalidError with this reason. */
export function expectRefused(run: () => unknown, reason: LogInvalidReason): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isLogInvalid(caught), `expected log-invalid '${reason}', got ${String(caught)}`).toBe(
    true,
  );
  if (isLogInvalid(caught)) {
    expect(caught.code).toBe('log-invalid');
    expect(caught.reason).toBe(reason);
  }
}

/** Rewrites a record's clear header (what a hostile server can do). */
export function withHeader(record: Uint8Array, seq: number, epoch: number): Uint8Array {
  const copy = record.slice();
  new DataView(copy.buffer).setUint32(1, seq);
  new DataView(copy.buffer).setUint32(5, epoch);
  return copy;
}

/** The sample: its people, the base keys of epochs 1 and 2, its 8 records and the state they yield. */
export type SampleLog = {
  sanne: Person;
  micha: Person;
  fatima: Person;
  els: Person;
  epoch1: Uint8Array;
  epoch2: Uint8Array;
  records: Uint8Array[];
  head: LogState;
};

/**
 * Sanne (creator) and Micha (co-parent) own the map; Fatima is the verloskundige, E. (oma) informal.
 * INIT, ADD micha (owner), ADD fatima, ADD els, GRANT els detail, REMOVE els, ROTATE 2, ROLE fatima borger.
 * Call after loadSodium().
 */
export function sampleLog(): SampleLog {
  const sanne = person('Sanne', 'owner');
  const micha = person('Micha', 'owner');
  const fatima = person('Fatima', 'professional', ['base'], 'verloskundige');
  const els = person('E.', 'informal');
  const epoch1 = newSectionKeys().base;
  const epoch2 = newSectionKeys().base;
  let step = startLog({
    mapId: MAP_ID,
    epoch: 1,
    baseKey: epoch1,
    creator: sanne.member,
    signer: sanne.signer,
    at: 1_700_000_000_000,
  });
  const records = [step.record];
  const changes: Array<[LogChange, Uint8Array, Person]> = [
    [{ type: 'ADD', data: micha.member }, epoch1, sanne],
    [{ type: 'ADD', data: fatima.member }, epoch1, sanne],
    [{ type: 'ADD', data: els.member }, epoch1, micha],
    [{ type: 'GRANT', data: { slotId: els.slotId, sections: ['detail', 'base'] } }, epoch1, sanne],
    [{ type: 'REMOVE', data: { slotId: els.slotId } }, epoch1, sanne],
    [{ type: 'ROTATE', data: { epoch: 2, previousBaseKey: epoch1 } }, epoch2, sanne],
    [{ type: 'ROLE', data: { slotId: fatima.slotId, role: 'borger' } }, epoch2, micha],
  ];
  for (const [change, baseKey, signer] of changes) {
    step = appendLogEntry({ log: step.log, change, baseKey, signer: signer.signer, at: 1 });
    records.push(step.record);
  }
  return { sanne, micha, fatima, els, epoch1, epoch2, records, head: step.log };
}
