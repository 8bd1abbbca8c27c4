// The worker's openVersions in Node: earlier versions decrypted with the slot's ring, across a rotation,
// for the owner (every section) and a member (base only); anything else is unreadable, never content.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, loadSodium } from '../../../../shared/crypto/index.js';
import { randomBytes } from '../../../../shared/crypto/sodium.js';
import type { MapDocument } from '../../../../shared/map/types.js';
import {
  call,
  documentWithEntry,
  join,
  parentWithMap,
  type MapStore,
  type Person,
} from './harness.js';

/** Seals and stores a new version as the person writes it; returns its number and body. */
function save(
  person: Person,
  store: MapStore,
  document: MapDocument,
): { version: number; body: Uint8Array } {
  const version = store.version + 1;
  const { body } = call(person.state, 'sealVersion', { mapId: store.mapId, document, version });
  store.save(body);
  return { version, body };
}

describe('worker: earlier versions for the timeline', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('opens every stored version across a rotation: the owner all sections, a member base only', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const versions = [{ version: 1, body: fromBase64Url(store.body) }];
    const first = store.open(parent, ownerSlot);
    const one = documentWithEntry(first.document, 'Verloskundige Anouk');
    versions.push(save(parent, store, one));
    const leaving = join(parent, store, ownerSlot, 'joke');
    const staying = join(parent, store, ownerSlot, 'ria');
    const opened = store.open(parent, ownerSlot);
    const two = documentWithEntry(opened.document, 'Kraamzorg');
    const rotated = call(parent.state, 'rotate', {
      mapId: store.mapId,
      removeSlotIds: [leaving.slotId],
      narrow: [],
      document: two,
      version: opened.version,
    });
    store.remove(rotated);
    versions.push({ version: store.version, body: fromBase64Url(store.body) });

    store.open(parent, ownerSlot);
    const own = call(parent.state, 'openVersions', { mapId: store.mapId, versions });
    expect(own.versions.map((item) => item.readable)).toEqual([true, true, true]);
    const [empty, withOne, withTwo] = own.versions;
    if (!empty?.readable || !withOne?.readable || !withTwo?.readable) throw new Error('unreadable');
    expect(empty.document.base.entries).toEqual([]);
    expect(withOne.document.base.entries.map((entry) => entry.id)).toEqual(
      one.base.entries.map((entry) => entry.id),
    );
    // the owner's ring keeps the detail key of the epoch before the rotation
    expect(Object.values(withOne.document.detail?.entries ?? {})).toEqual([
      { name: 'Verloskundige Anouk' },
    ]);
    expect(withTwo.document.base.entries).toHaveLength(2);

    store.open(staying.joiner, staying.slotId);
    const member = call(staying.joiner.state, 'openVersions', { mapId: store.mapId, versions });
    expect(member.versions.map((item) => item.readable)).toEqual([true, true, true]);
    for (const item of member.versions) {
      if (item.readable) expect(item.document.detail).toBeUndefined();
    }
  });

  it('shows a forged, foreign or damaged version as unreadable', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const opened = store.open(parent, ownerSlot);
    // someone not on this map signs a version of it with her own map's keys
    const other = parentWithMap('Een andere kaart');
    other.store.open(other.parent, other.ownerSlot);
    const { body: foreign } = call(other.parent.state, 'sealVersion', {
      mapId: other.store.mapId,
      document: opened.document,
      version: 2,
    });
    const result = call(parent.state, 'openVersions', {
      mapId: store.mapId,
      versions: [
        { version: 1, body: fromBase64Url(store.body) },
        { version: 2, body: foreign },
        { version: 3, body: randomBytes(400) },
        // the right body under the wrong number: versions are bound to theirs
        { version: 4, body: fromBase64Url(store.body) },
      ],
    });
    expect(result.versions).toEqual([
      { version: 1, readable: true, document: opened.document },
      { version: 2, readable: false },
      { version: 3, readable: false },
      { version: 4, readable: false },
    ]);
  });

  it('reads a writer’s versions from while she could write, not one that claims a later head', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const { joiner, slotId } = join(parent, store, ownerSlot, 'ria', { role: 'borger' });
    const mapId = store.mapId;
    const hers = store.open(joiner, slotId);
    // a borger without the detail key writes the base only (the detail section is carried over)
    const { detail: _detail, ...baseOnly } = documentWithEntry(hers.document, 'Buurvrouw');
    const written = save(joiner, store, baseOnly);
    // the parent saves after her, then makes her a reader: one ROLE record, no rotation, so she
    // can still open the map
    save(parent, store, store.open(parent, ownerSlot).document);
    const reader = call(parent.state, 'updateMember', { mapId, slotId, role: 'professional' });
    store.log.push(...reader.logRecords);
    store.slots.get(slotId)!.keyBundle = reader.keyBundle;
    store.slots.get(slotId)!.rights = 'read';
    store.open(joiner, slotId);
    // she signs a version under the newer head, after she stopped being a writer
    const { body: late } = call(joiner.state, 'sealVersion', {
      mapId,
      document: hers.document,
      version: store.version + 1,
    });
    store.open(parent, ownerSlot);
    const result = call(parent.state, 'openVersions', {
      mapId,
      versions: [written, { version: store.version + 1, body: late }],
    });
    expect(result.versions.map((item) => item.readable)).toEqual([true, false]);
  });
});
