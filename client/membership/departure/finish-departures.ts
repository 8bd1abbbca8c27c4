/**
 * A member who left took her slot with her, but the signed log still names her until an owner
 * writes her REMOVE. The next owner's device that opens the map does that, with a re-key (as a
 * removal does), so she drops out of the member list and her marks end. The same for a member
 * whose last day in the signed log has passed on this device's clock (decision 0030), whatever
 * the server still serves her.
 */
import { membershipApi } from '../../api/membership.js';
import type { CryptoOps, MapSummary } from '../../crypto/protocol.js';
import type { MapResponse } from '../../api/types.js';
import type { CryptoClient } from '../../crypto/crypto-client.js';
import { endMarks } from './end-marks.js';
import { endedSlotIds } from '../access/days.js';

type Opened = CryptoOps['openMap']['result'] & { response: MapResponse };

/** True when REMOVE records were written (the caller opens the map again). Never throws. */
export async function finishDepartures(
  crypto: CryptoClient,
  summary: MapSummary,
  opened: Opened,
): Promise<boolean> {
  const membership = opened.membership;
  if (opened.response.rights !== 'admin' || membership === null) return false;
  // a map nobody else joined has nobody who could have left: no need to ask for its slots
  if (membership.members.every((member) => member.slotId === opened.response.slotId)) return false;
  try {
    const { mapId, capability } = summary;
    const { slots } = await membershipApi.slots(mapId, capability);
    const present = new Set(slots.map((slot) => slot.slotId));
    const ended = new Set(endedSlotIds(membership.members));
    const departed = membership.members
      .map((member) => member.slotId)
      .filter((slotId) => !present.has(slotId) || ended.has(slotId));
    if (departed.length === 0) return false;
    const body = await crypto.call('rotate', {
      mapId,
      removeSlotIds: departed,
      narrow: [],
      document: endMarks(opened.document, departed),
      version: opened.version,
    });
    await membershipApi.remove(mapId, capability, body);
    return true;
  } catch {
    // another owner's device was first, or the network failed: the next open tries again
    return false;
  }
}
