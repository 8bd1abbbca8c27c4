// The worker's map handlers in Node: make a map, save versions, open it on another device, refuse rollbacks.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../shared/crypto/index.js';
import { createWorkerState } from '../../../../client/crypto/worker/state.js';
import { call, documentWithEntry, expectFailure, parentWithMap, register } from './harness.js';
import { flipByte } from '../../crypto/fixtures.js';

describe('worker: maps', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('makes a map whose first version, key ring and INIT record open again', () => {
    const { parent, store, ownerSlot } = parentWithMap('Netwerk van Sanne');
    expect(parent.state.pendingMaps.size).toBe(0);
    expect(parent.state.session!.keyring.maps.map((map) => map.mapId)).toEqual([store.mapId]);
    const opened = store.open(parent, ownerSlot);
    expect(opened.version).toBe(1);
    expect(opened.document.base.title).toBe('Netwerk van Sanne');
    // the creator's keyring already pins the INIT record and version 1
    expect(opened.pinMoved).toBe(false);
    expect(parent.state.session!.keyring.maps[0]!.pin).toMatchObject({ seq: 1, version: 1 });
    expect(opened.membership?.mySlotId).toBe(ownerSlot);
    expect(opened.membership?.members).toEqual([
      expect.objectContaining({
        slotId: ownerSlot,
        role: 'owner',
        sections: ['base', 'detail', 'private'],
        name: 'Sanne',
      }),
    ]);
  });

  it('seals a new version that opens with every section on the same and on another worker', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const first = store.open(parent, ownerSlot);
    const doc = documentWithEntry(first.document, 'Verloskundige Joke');
    store.save(
      call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }).body,
    );
    const again = store.open(parent, ownerSlot);
    expect(again.version).toBe(2);
    expect(again.document).toEqual(doc);

    // the same person on a second device: only the keyring and identity came along
    const device = createWorkerState();
    device.session = { ...parent.state.session!, loginSecretKey: null };
    const there = store.open({ ...parent, state: device }, ownerSlot);
    expect(Object.values(there.document.detail!.entries)).toEqual([{ name: 'Verloskundige Joke' }]);
  });

  it('refuses a rolled-back version or log, a missing log, a changed body and another key ring', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const doc = store.open(parent, ownerSlot).document;
    const first = store.read(ownerSlot);
    store.save(
      call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }).body,
    );
    expect(store.open(parent, ownerSlot).pinMoved).toBe(true);
    const pin = parent.state.session!.keyring.maps[0]!.pin!;
    expect(pin).toMatchObject({ seq: 1, version: 2 });
    const map = store.read(ownerSlot);
    const args = { map, log: [...store.log] };
    expect(call(parent.state, 'openMap', args)).toMatchObject({ version: 2, pinMoved: false });
    // version 1 again, validly signed, but older than the pinned version 2
    expectFailure(() => call(parent.state, 'openMap', { ...args, map: first }), 'rollback');
    expectFailure(() => call(parent.state, 'openMap', { map }), 'rollback');
    expectFailure(() => call(parent.state, 'openMap', { map, log: [] }), 'rollback');
    const body = flipByte(map.body, map.body.length - 1);
    expectFailure(
      () => call(parent.state, 'openMap', { ...args, map: { ...map, body } }),
      'bad-signature',
    );
    const stranger = register('kees');
    expectFailure(() => call(stranger.state, 'openMap', args), 'decrypt-failure');
    // a refusal leaves the pin where it was
    expect(parent.state.session!.keyring.maps[0]!.pin).toEqual(pin);
  });

  it('needs an opened map to seal, and forgets a map from the keyring', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const doc = store.open(parent, ownerSlot).document;
    const fresh = createWorkerState();
    fresh.session = { ...parent.state.session!, loginSecretKey: null };
    expectFailure(
      () => call(fresh, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }),
      'unknown-map',
    );
    const left = call(parent.state, 'forgetMap', { mapId: store.mapId });
    expect(left.maps).toEqual([]);
    expect(parent.state.openMaps.has(store.mapId)).toBe(false);
    expectFailure(
      () => call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }),
      'unknown-map',
    );
  });
});
