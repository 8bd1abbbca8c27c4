// Opening a map as a member's device does: key bundle → verified log → verified, decrypted
// version → verified cards. Used by the seed to check its own work and by its test.
import type { ReadMapResponse } from '../../shared/api/maps.js';
import type { CardsResponse, LogResponse } from '../../shared/api/membership.js';
import {
  decryptCard,
  fromBase64Url,
  openKeyRing,
  trustKeyRing,
  verifyLog,
  type DecryptedCard,
  type EpochKeys,
  type KeyringMapEntry,
  type LogState,
  type Member,
} from '../../shared/crypto/index.js';
import { decryptMapDocument, type MapDocument } from '../../shared/map/document.js';
import { boxOf, type DemoAccount } from './accounts.js';
import type { DemoApi } from './api.js';

export interface OpenedMap {
  mapId: string;
  slotId: string;
  version: number;
  rights: ReadMapResponse['rights'];
  /** The section keys this member holds for the current epoch. */
  keys: EpochKeys;
  log: LogState;
  doc: MapDocument;
  /** Verified member cards, with the member each belongs to. */
  cards: { slotId: string; member: Member; card: DecryptedCard }[];
  /** How many log records the server holds (for checks that nothing was added twice). */
  logRecords: number;
}

/** Reads, verifies and decrypts one map of `account`'s keyring. Throws on anything that does not verify. */
export async function openMap(
  api: DemoApi,
  account: DemoAccount,
  entry: KeyringMapEntry,
): Promise<OpenedMap> {
  const auth = { capability: entry.capability };
  const read = await api.readMap(entry.mapId, entry.capability);
  const ring = openKeyRing(read.keyBundle, boxOf(account), {
    mapId: entry.mapId,
    slotId: read.slotId,
  });
  const epochs = Object.keys(ring.epochs).map(Number);
  const epoch = Math.max(...epochs);
  const keys = ring.epochs[epoch];
  if (keys === undefined) throw new Error('no keys in the key bundle');

  const records: Uint8Array[] = [];
  let after = 0;
  for (;;) {
    const page = await api.json<LogResponse>('GET', `/maps/${entry.mapId}/log?after=${after}`, {
      auth,
    });
    records.push(...page.records.map((r) => fromBase64Url(r.record)));
    const last = page.records.at(-1);
    if (last === undefined || last.seq >= page.headSeq) break;
    after = last.seq;
  }
  const log = verifyLog({ mapId: entry.mapId, records, keysByEpoch: { [epoch]: keys.base } });
  if (log.members[read.slotId] === undefined) throw new Error('this slot is not a member');
  trustKeyRing(ring, log);

  // only an owner writes versions in the demo; the signature must be one of theirs
  const owners = log.owners.flatMap((slotId) => {
    const owner = log.members[slotId];
    return owner ? [owner.signPublicKey] : [];
  });
  const { doc } = decryptMapDocument({
    mapId: entry.mapId,
    version: read.version,
    body: read.body,
    keys,
    trustedSigners: owners,
  });

  const list = await api.json<CardsResponse>('GET', `/maps/${entry.mapId}/cards`, { auth });
  const cards = list.cards.map((summary) => {
    const member = log.members[summary.slotId];
    if (member === undefined) throw new Error('a card of a slot that is not a member');
    const card = decryptCard({
      mapId: entry.mapId,
      slotId: summary.slotId,
      body: fromBase64Url(summary.body),
      log,
    });
    return { slotId: summary.slotId, member, card };
  });
  return {
    mapId: entry.mapId,
    slotId: read.slotId,
    version: read.version,
    rights: read.rights,
    keys,
    log,
    doc,
    cards,
    logRecords: records.length,
  };
}
