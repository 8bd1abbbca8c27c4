/**
 * An owner's device upgrades a map made before key rings were signed: the worker re-signs every
 * member's ring and her own (and starts the log of a map that had none); each goes back through
 * PUT /slots/:slotId guarded by the verified log head, hers last; then the pin says the rings are
 * signed, so no device of the account takes an unsigned ring of this map again.
 */
import type { SlotsResponse, UpdateSlotRequest } from '../../shared/api/membership.js';
import type { CryptoOps } from '../crypto/protocol.js';

type UpgradeOp = 'upgradeRings' | 'commitRingUpgrade';

/** The worker and the two slot routes, so the page and the device tests run the same steps. */
export interface RingUpgrader {
  call<K extends UpgradeOp>(
    op: K,
    args: CryptoOps[K]['args'],
  ): Promise<CryptoOps[K]['result']> | CryptoOps[K]['result'];
  listSlots(mapId: string): Promise<SlotsResponse>;
  updateSlot(mapId: string, slotId: string, body: UpdateSlotRequest): Promise<unknown>;
}

/**
 * Runs the upgrade; true when the server took every ring (then the pin moved: store the keyring).
 * Throws what the server answers, e.g. 409 log_conflict when the log moved on: nothing newer is
 * overwritten, and the next open, with the newer log, upgrades again.
 */
export async function upgradeRings(upgrader: RingUpgrader, mapId: string): Promise<boolean> {
  const { slots } = await upgrader.listSlots(mapId);
  const { updates } = await upgrader.call('upgradeRings', { mapId, slots });
  for (const { slotId, body } of updates) await upgrader.updateSlot(mapId, slotId, body);
  return (await upgrader.call('commitRingUpgrade', { mapId })).pinMoved;
}
