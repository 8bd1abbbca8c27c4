// Earlier versions of an opened map for the timeline, decrypted here with the keys this slot holds.
import {
  checkVersionHead,
  readVersionEpoch,
  rightsOf,
  versionSigners,
  type EpochKeys,
  type LogState,
  type MemberRole,
} from '../../../shared/crypto/index.js';
import { bytesEqual } from '../../../shared/crypto/sodium.js';
import { decryptMapDocument } from '../../../shared/map/document.js';
import type { HistoryOps, OpenedVersion } from '../protocol.js';
import { requireOpen, requireSession, type Handlers, type OpenMap } from './state.js';

/**
 * The keys for an earlier epoch: the slot's ring first (an owner's holds every section of every
 * epoch, a member's the base keys of older ones). An owner also reaches base keys older than her
 * ring through the verified log's ROTATE entries; a member sees only the epochs her ring holds.
 */
function keysFor(open: OpenMap, epoch: number): EpochKeys | undefined {
  const held = open.ring.epochs[epoch];
  if (held !== undefined) return held;
  const owner = open.log?.members[open.slotId]?.role === 'owner';
  const base = owner ? open.log?.baseKeys[epoch] : undefined;
  return base === undefined ? undefined : { base };
}

/** The members by slot after the log records up to `seq` (all of them without it). */
function membersAt(
  log: LogState,
  seq = Infinity,
  seen?: (member: { key: Uint8Array; role: MemberRole }) => void,
): Map<string, { key: Uint8Array; role: MemberRole }> {
  const roles = new Map<string, { key: Uint8Array; role: MemberRole }>();
  for (const entry of log.entries) {
    if (entry.seq > seq) break;
    if (entry.type === 'INIT' || entry.type === 'ADD') {
      roles.set(entry.data.slotId, { key: entry.data.signPublicKey, role: entry.data.role });
    } else if (entry.type === 'ROLE') {
      const member = roles.get(entry.data.slotId);
      if (member !== undefined) member.role = entry.data.role;
    } else if (entry.type === 'REMOVE') {
      roles.delete(entry.data.slotId);
    }
    for (const member of roles.values()) seen?.(member);
  }
  return roles;
}

/** Who may have written any earlier version: everyone who could write at some point of the log. */
function pastSigners(log: LogState): Uint8Array[] {
  const keys: Uint8Array[] = [...versionSigners(log)];
  membersAt(log, Infinity, (member) => {
    if (rightsOf(member.role) !== 'read' && !keys.some((key) => bytesEqual(key, member.key))) {
      keys.push(member.key);
    }
  });
  return keys;
}

/**
 * Whether `signer` could write at log record `seq` (the version's head): the log replayed up to
 * there, so a writer removed (or made a reader) later signs nothing that claims a later head.
 */
function wroteAt(log: LogState, seq: number, signer: Uint8Array): boolean {
  return [...membersAt(log, seq).values()].some(
    (member) => rightsOf(member.role) !== 'read' && bytesEqual(member.key, signer),
  );
}

export const historyHandlers: Handlers<keyof HistoryOps> = {
  openVersions(state, { mapId, versions }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const trustedSigners =
      open.log === null ? [current.identity.signPublicKey] : pastSigners(open.log);
    return {
      versions: versions.map(({ version, body }): OpenedVersion => {
        try {
          const keys = keysFor(open, readVersionEpoch(body));
          if (keys === undefined) return { version, readable: false };
          const { doc, logHead, signerPublicKey } = decryptMapDocument({
            mapId,
            version,
            body,
            keys,
            trustedSigners,
          });
          // an earlier version must name a head of the log verified when the map opened
          checkVersionHead(logHead, open.log);
          if (
            open.log !== null &&
            logHead !== null &&
            !wroteAt(open.log, logHead.seq, signerPublicKey)
          ) {
            return { version, readable: false };
          }
          return { version, readable: true, document: doc };
        } catch {
          // a version these keys do not open (or that fails a check) is left off the timeline
          return { version, readable: false };
        }
      }),
    };
  },
};
