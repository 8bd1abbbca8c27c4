// A version names the log head it was written under; a reader checks that head against the log it verified.
import { RollbackError } from './errors.js';
import type { LogState } from './log-verify.js';
import { NO_LOG_HEAD, type LogHead } from './map-version.js';
import { bytesEqual } from './sodium.js';

/** The head to write a version under: the verified log's last record, or NO_LOG_HEAD without a log. */
export function logHeadOf(log: LogState | null): LogHead {
  return log === null ? NO_LOG_HEAD : { seq: log.seq, hash: log.headHash };
}

/** BLAKE2b-256 of the record at `seq` (1 … log.seq) of a verified log: the next entry's prevHash. */
function recordHashAt(log: LogState, seq: number): Uint8Array {
  return seq === log.seq ? log.headHash : log.entries[seq]!.prevHash;
}

/**
 * Checks that a version (its `logHead` from decryptMapVersion) was written under a head of this
 * verified log, so the log served with it cannot hide a record that came before the version (a REMOVE,
 * a ROLE change). `null` is a format-2 body (written before heads were bound): accepted here, the
 * pinned version number guards it. Throws RollbackError (kind 'version-head').
 */
export function checkVersionHead(head: LogHead | null, log: LogState | null): void {
  if (head === null) return;
  if (log === null) {
    if (head.seq !== 0) throw new RollbackError('version-head', 'the version names a missing log');
    return;
  }
  if (head.seq === 0) throw new RollbackError('version-head', 'the version names no log head');
  if (head.seq > log.seq) {
    throw new RollbackError(
      'version-head',
      `the log ends at seq ${log.seq}, before the version's head ${head.seq}`,
    );
  }
  if (!bytesEqual(recordHashAt(log, head.seq), head.hash)) {
    throw new RollbackError('version-head', `another record at the version's head ${head.seq}`);
  }
}
