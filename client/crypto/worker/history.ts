// Earlier versions of an opened map for the timeline, decrypted here with the keys this slot holds.
import {
  checkVersionHead,
  fromBase64Url,
  readVersionEpoch,
  rightsOf,
  versionSigners,
  type EpochKeys,
  type LogState,
} from '../../../shared/crypto/index.js';
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

/** Who may have written an earlier version: writers now, and writers who were removed since. */
function pastSigners(log: LogState): Uint8Array[] {
  const former = Object.values(log.former)
    .filter((member) => rightsOf(member.role) !== 'read')
    .map((member) => member.signPublicKey);
  return [...versionSigners(log), ...former];
}

export const historyHandlers: Handlers<keyof HistoryOps> = {
  openVersions(state, { mapId, versions }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const trustedSigners =
      open.log === null ? [current.identity.signPublicKey] : pastSigners(open.log);
    return {
      versions: versions.map(({ version, body: wire }): OpenedVersion => {
        try {
          const body = fromBase64Url(wire);
          const keys = keysFor(open, readVersionEpoch(body));
          if (keys === undefined) return { version, readable: false };
          const { doc, logHead } = decryptMapDocument({
            mapId,
            version,
            body,
            keys,
            trustedSigners,
          });
          // an earlier version must name a head of the log verified when the map opened
          checkVersionHead(logHead, open.log);
          return { version, readable: true, document: doc };
        } catch {
          // a version these keys do not open (or that fails a check) is left off the timeline
          return { version, readable: false };
        }
      }),
    };
  },
};
