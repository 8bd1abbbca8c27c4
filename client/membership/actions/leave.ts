/** A member stops: her slot goes, the map's keys leave this device, and she is back at her maps. */
import { membershipApi } from '../../api/membership.js';
import { paths } from '../../shell/router.js';
import type { MembershipSession } from '../session/membership-session.js';

export async function leave(session: MembershipSession): Promise<void> {
  const store = session.store;
  await membershipApi.leave(session.mapId, session.capability);
  session.close();
  await store.crypto.call('forgetMap', { mapId: session.mapId });
  await store.commitKeyring();
  store.closeMap(session.mapId);
  store.router.navigate(paths.maps);
}
