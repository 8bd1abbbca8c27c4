// A removed or departed member's views stay in the parent's history (former_slot_access), and the
// table that keeps them names a map and a slot, never an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogResponse } from '../../../shared/api/maps.js';
import { loadSodium } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import {
  addMember,
  capabilityRequest,
  createParentMap,
  readMap,
} from '../../helpers/membership.js';
import { removalRequest } from '../../helpers/removal.js';

const databases = testDatabases();

describe.each(databases)('former members’ views on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  async function accessOf(parent: { mapId: string; capability: string }) {
    const response = await capabilityRequest(
      app,
      'GET',
      `/api/maps/${parent.mapId}/access`,
      parent.capability,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AccessLogResponse>();
  }

  it('keeps the views of a removed member, marked by her former slot', async () => {
    const parent = await createParentMap(app);
    const member = await addMember(app, parent, 'read');
    await readMap(app, parent.mapId, member.capability);
    await readMap(app, parent.mapId, member.capability);
    await app.accessRecorder.flush();
    const before = await accessOf(parent);
    const seen = before.slots.find((slot) => slot.slotId === member.slotId)?.accesses;
    expect(seen?.reduce((sum, a) => sum + a.count, 0)).toBe(2);

    const { payload } = removalRequest(parent, [member.slotId], 1);
    const removed = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/remove`,
      parent.capability,
      payload,
    );
    expect(removed.statusCode, removed.body).toBe(200);

    const after = await accessOf(parent);
    expect(after.slots.map((slot) => slot.slotId)).not.toContain(member.slotId);
    const former = after.formerSlots.find((slot) => slot.slotId === member.slotId);
    expect(former?.accesses).toEqual(seen);
    expect(former?.events.map((event) => event.type)).toEqual(['joined', 'removed']);
  });

  it('keeps the views of a member who left, and drops them with the map', async () => {
    const parent = await createParentMap(app);
    const member = await addMember(app, parent, 'read');
    await readMap(app, parent.mapId, member.capability);
    await app.accessRecorder.flush();
    const left = await capabilityRequest(
      app,
      'DELETE',
      `/api/maps/${parent.mapId}/slots/mine`,
      member.capability,
    );
    expect(left.statusCode, left.body).toBe(204);
    const former = (await accessOf(parent)).formerSlots.find((s) => s.slotId === member.slotId);
    expect(former?.accesses.map((a) => a.count)).toEqual([1]);
    expect(former?.events.map((event) => event.type)).toEqual(['joined', 'left']);

    const rows = () =>
      app.db
        .selectFrom('former_slot_access')
        .selectAll()
        .where('map_id', '=', parent.mapId)
        .execute();
    const kept = await rows();
    expect(kept).toHaveLength(1);
    // a map and a slot, nothing that names an account
    expect(Object.keys(kept[0] ?? {}).sort()).toEqual(['count', 'map_id', 'minute', 'slot_id']);
    const deleted = await capabilityRequest(
      app,
      'DELETE',
      `/api/maps/${parent.mapId}`,
      parent.capability,
    );
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await rows()).toEqual([]);
  });
});
