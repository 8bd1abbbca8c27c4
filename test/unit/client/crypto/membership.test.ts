// The worker's invite and membership handlers in Node: join by invite, approve, change grants, remove with rotation.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, loadSodium } from '../../../../shared/crypto/index.js';
import {
  call,
  documentWithEntry,
  expectFailure,
  join,
  parentWithMap,
  PROFILE,
  ringOf,
} from './harness.js';

describe('worker: invite, join and approve', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('lets a professional in by link with base only, read rights and her profile in the log', () => {
    const { parent, store, ownerSlot } = parentWithMap('Netwerk van Sanne');
    const first = store.open(parent, ownerSlot).document;
    const doc = documentWithEntry(first, 'Oma Ria');
    store.save(
      call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }).body,
    );
    const { joiner, slotId, safetyCode, approval } = join(parent, store, ownerSlot, 'joke');
    expect(safetyCode).toMatch(/\d/);
    expect(approval.rights).toBe('read');
    expect(approval.logRecords).toHaveLength(1);
    expect(joiner.state.session!.keyring.maps).toEqual([
      expect.objectContaining({ mapId: store.mapId, title: 'Netwerk van Sanne' }),
    ]);
    expect(ringOf(joiner, store, slotId)).toEqual({ 1: ['base'] });
    const seen = store.open(joiner, slotId);
    expect(seen.document.base).toEqual(doc.base);
    expect(seen.document.detail).toBeUndefined();
    expect(seen.document.private).toBeUndefined();
    expect(seen.membership?.members.find((member) => member.slotId === slotId)).toMatchObject({
      role: 'professional',
      sections: ['base'],
      name: 'joke',
      profession: PROFILE.profession,
    });
  });

  it('gives a borger with detail write rights, and only members who may write author versions', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const borger = join(parent, store, ownerSlot, 'ria', {
      role: 'borger',
      detail: true,
      kind: 'code',
    });
    const reader = join(parent, store, ownerSlot, 'joke');
    expect(borger.approval.rights).toBe('write');
    expect(ringOf(borger.joiner, store, borger.slotId)).toEqual({ 1: ['base', 'detail'] });
    const doc = documentWithEntry(store.open(borger.joiner, borger.slotId).document, 'Buurvrouw');
    const written = call(borger.joiner.state, 'sealVersion', {
      mapId: store.mapId,
      document: doc,
      version: 2,
    });
    store.save(written.body);
    expect(store.open(parent, ownerSlot).document.detail).toEqual(doc.detail);
    // a reader's version is signed by someone the log does not let write
    store.open(reader.joiner, reader.slotId);
    const forged = call(reader.joiner.state, 'sealVersion', {
      mapId: store.mapId,
      document: { base: doc.base },
      version: 3,
    });
    store.save(forged.body);
    expectFailure(() => store.open(parent, ownerSlot), 'bad-signature');
  });

  it('makes a co-parent an owner with every key and admin rights', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const { joiner, slotId, approval } = join(parent, store, ownerSlot, 'kees', { role: 'owner' });
    expect(approval.rights).toBe('admin');
    expect(ringOf(joiner, store, slotId)).toEqual({ 1: ['base', 'detail', 'private'] });
    expect(store.open(joiner, slotId).document.private).toBeDefined();
  });
});

describe('worker: changing and removing members', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('widens a grant and changes a role with one record each, and writes nothing for no change', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const { joiner, slotId } = join(parent, store, ownerSlot, 'joke');
    const mapId = store.mapId;
    const same = call(parent.state, 'updateMember', {
      mapId,
      slotId,
      role: 'professional',
      sections: ['base'],
    });
    expect(same.logRecords).toEqual([]);
    const wider = call(parent.state, 'updateMember', { mapId, slotId, sections: ['detail'] });
    expect(wider.rights).toBe('read');
    expect(wider.logRecords).toHaveLength(1);
    store.log.push(...wider.logRecords);
    store.slots.get(slotId)!.keyBundle = wider.keyBundle;
    expect(ringOf(joiner, store, slotId)).toEqual({ 1: ['base', 'detail'] });
    expect(store.open(joiner, slotId).membership?.history.at(-1)).toMatchObject({
      type: 'GRANT',
      slotId,
      sections: ['base', 'detail'],
    });
    store.open(parent, ownerSlot);
    const borger = call(parent.state, 'updateMember', { mapId, slotId, role: 'borger' });
    expect(borger.rights).toBe('write');
    expect(borger.logRecords).toHaveLength(1);
  });

  it('removes a member and narrows another in one rotation the removed one cannot read', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const leaving = join(parent, store, ownerSlot, 'joke', { detail: true });
    const staying = join(parent, store, ownerSlot, 'ria', { role: 'borger', detail: true });
    const opened = store.open(parent, ownerSlot);
    const doc = documentWithEntry(opened.document, 'Huisarts Bakker');
    const body = call(parent.state, 'rotate', {
      mapId: store.mapId,
      removeSlotIds: [leaving.slotId],
      narrow: [{ slotId: staying.slotId, sections: [] }],
      document: doc,
      version: opened.version,
    });
    // GRANT (narrow), REMOVE, ROTATE
    expect(body.logRecords).toHaveLength(3);
    expect(Object.keys(body.keyBundles).sort()).toEqual([ownerSlot, staying.slotId].sort());
    const leftBundle = store.read(leaving.slotId);
    store.remove(body);
    expect(store.version).toBe(opened.version + 1);

    expect(ringOf(staying.joiner, store, staying.slotId)).toEqual({ 1: ['base'], 2: ['base'] });
    expect(ringOf(parent, store, ownerSlot)).toEqual({
      1: ['base', 'detail', 'private'],
      2: ['base', 'detail', 'private'],
    });
    const seen = store.open(staying.joiner, staying.slotId);
    expect(seen.document.base).toEqual(doc.base);
    expect(seen.document.detail).toBeUndefined();
    expect(seen.membership?.epoch).toBe(2);
    expect(seen.membership?.former.map((member) => member.slotId)).toEqual([leaving.slotId]);
    expect(store.open(parent, ownerSlot).document).toEqual(doc);

    // the removed member's last key ring opens neither the new log records nor the new version
    const stale = { ...leftBundle, version: store.version, body: fromBase64Url(store.body) };
    expectFailure(
      () => call(leaving.joiner.state, 'openMap', { map: stale, log: [...store.log] }),
      'log-invalid',
    );
    // without the log, nothing vouches for the keys at all
    expectFailure(
      () => call(leaving.joiner.state, 'openMap', { map: stale }),
      'untrusted-key-ring',
    );
  });

  it('says unknown-member for a slot that is not, or no longer, on the map', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const { slotId } = join(parent, store, ownerSlot, 'joke');
    const opened = store.open(parent, ownerSlot);
    const mapId = store.mapId;
    const nobody = 'AAECAwQFBgcICQoLDA0ODw';
    expectFailure(
      () => call(parent.state, 'updateMember', { mapId, slotId: nobody, role: 'borger' }),
      'unknown-member',
    );
    const rotate = { mapId, removeSlotIds: [], document: opened.document, version: opened.version };
    expectFailure(
      () => call(parent.state, 'rotate', { ...rotate, narrow: [{ slotId: nobody, sections: [] }] }),
      'unknown-member',
    );
    store.remove(call(parent.state, 'rotate', { ...rotate, removeSlotIds: [slotId], narrow: [] }));
    store.open(parent, ownerSlot);
    expectFailure(
      () => call(parent.state, 'updateMember', { mapId, slotId, sections: ['detail'] }),
      'unknown-member',
    );
  });

  it('needs an opened map with a log for every owner action', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const { slotId } = join(parent, store, ownerSlot, 'joke');
    parent.state.openMaps.clear();
    const mapId = store.mapId;
    expectFailure(
      () => call(parent.state, 'updateMember', { mapId, slotId, role: 'borger' }),
      'unknown-map',
    );
    expectFailure(() => call(parent.state, 'membership', { mapId }), 'unknown-map');
    expectFailure(
      () => call(parent.state, 'newInvite', { mapId, kind: 'link', expiresAt: Date.now() + 1000 }),
      'unknown-map',
    );
  });
});
