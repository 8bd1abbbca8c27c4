// A version names the log head it was written under; a log that hides what came before it is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkVersionHead,
  decryptMapVersion,
  encryptMapVersion,
  loadSodium,
  logHeadOf,
  logRecordHash,
  newSectionKeys,
  NO_LOG_HEAD,
  utf8Encode,
  verifyLog,
  type LogState,
} from '../../../shared/crypto/index.js';
import { expectRolledBack, MAP_ID, sampleLog, type SampleLog } from './log-fixture.js';

describe('versions bound to the membership log', () => {
  let sample: SampleLog;
  let full: LogState;
  const verify = (records: Uint8Array[]): LogState =>
    verifyLog({ mapId: MAP_ID, records, keysByEpoch: { 1: sample.epoch1, 2: sample.epoch2 } });

  beforeAll(async () => {
    await loadSodium();
    sample = sampleLog();
    full = verify(sample.records);
  });

  it('names the head of the log it was written under, and that log or a longer one accepts it', () => {
    const keys = { ...newSectionKeys(), base: sample.epoch2 };
    // written right after the ROTATE (seq 7), before the ROLE change at seq 8
    const atRotate = verify(sample.records.slice(0, 7));
    const body = encryptMapVersion({
      mapId: MAP_ID,
      epoch: 2,
      version: 3,
      sections: { base: utf8Encode('{}') },
      keys,
      signer: sample.sanne.signer,
      logHead: logHeadOf(atRotate),
    });
    const { logHead } = decryptMapVersion({ mapId: MAP_ID, version: 3, body, keys });
    expect(logHead).toEqual({ seq: 7, hash: logRecordHash(sample.records[6]!) });
    expect(() => checkVersionHead(logHead, atRotate)).not.toThrow();
    expect(() => checkVersionHead(logHead, full)).not.toThrow();
    // the same version served with the log cut before the REMOVE and ROTATE
    expectRolledBack(
      () => checkVersionHead(logHead, verify(sample.records.slice(0, 5))),
      'version-head',
    );
  });

  it('refuses a log that ends before the head, forks at it, or is missing', () => {
    const head = logHeadOf(full);
    expectRolledBack(
      () => checkVersionHead(head, verify(sample.records.slice(0, 7))),
      'version-head',
    );
    // same length, another record at the head: a forked log
    const forkedHead = { seq: 6, hash: logRecordHash(sample.records[4]!) };
    expectRolledBack(() => checkVersionHead(forkedHead, full), 'version-head');
    expectRolledBack(() => checkVersionHead(head, null), 'version-head');
    // written without a log, but the map has one
    expectRolledBack(() => checkVersionHead(NO_LOG_HEAD, full), 'version-head');
  });

  it('accepts a map without a log read without one, and a format-2 body (null) as before', () => {
    expect(() => checkVersionHead(NO_LOG_HEAD, null)).not.toThrow();
    expect(() => checkVersionHead(null, full)).not.toThrow();
    expect(() => checkVersionHead(null, null)).not.toThrow();
    expect(logHeadOf(null)).toEqual(NO_LOG_HEAD);
    expect(logHeadOf(full)).toEqual({ seq: 8, hash: full.headHash });
  });
});
