/** A member stops: her slot goes, the map leaves her keyring, and her list says so. */
import { membershipApi } from '../../api/membership.js';
import { paths } from '../../shell/router.js';
import type { MembershipSession } from '../session/membership-session.js';
import { forgetLostMap } from '../departure/lost-maps.js';

export async function leave(session: MembershipSession): Promise<void> {
  const store = session.store;
  await membershipApi.leave(session.mapId, session.capability);
  session.close();
  // her list says, in one sentence, that the map is no longer there
  await forgetLostMap(store, session.mapId);
  store.router.navigate(paths.maps);
}
