// After a removal the owner's screen shows the server's answer from what her worker sealed (commitRotate),
// without opening the map again: the keys, log and pin move exactly as a fresh open would move them.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../shared/crypto/index.js';
import { call, documentWithEntry, expectFailure, join, parentWithMap } from './harness.js';

describe('worker: commitRotate', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  function removal() {
    const { parent, store, ownerSlot } = parentWithMap();
    const leaving = join(parent, store, ownerSlot, 'joke');
    const staying = join(parent, store, ownerSlot, 'ria');
    const opened = store.open(parent, ownerSlot);
    const document = documentWithEntry(opened.document, 'Huisarts Bakker');
    const body = call(parent.state, 'rotate', {
      mapId: store.mapId,
      removeSlotIds: [leaving.slotId],
      narrow: [],
      document,
      version: opened.version,
    });
    store.remove(body);
    return { parent, store, ownerSlot, leaving, staying, document };
  }

  it('shows the removal, moves the pin like a fresh open, and writes the next version in the new epoch', () => {
    const { parent, store, ownerSlot, leaving, staying, document } = removal();
    const mapId = store.mapId;
    const done = call(parent.state, 'commitRotate', {
      mapId,
      version: store.version,
      headSeq: store.log.length,
    });
    expect(done.pinMoved).toBe(true);
    expect(done.version).toBe(store.version);
    expect(done.document).toEqual(document);
    expect(done.membership.epoch).toBe(2);
    expect(done.membership.former.map((m) => m.slotId)).toEqual([leaving.slotId]);
    const pin = parent.state.session!.keyring.maps.find((m) => m.mapId === mapId)!.pin;
    expect(pin).toMatchObject({ seq: store.log.length, version: store.version });

    // the next save is in the new epoch: the member who stayed reads it, and the fresh open agrees
    const next = documentWithEntry(document, 'Buurvrouw Els');
    store.save(
      call(parent.state, 'sealVersion', { mapId, document: next, version: store.version + 1 }).body,
    );
    expect(store.open(staying.joiner, staying.slotId).document.base).toEqual(next.base);
    const fresh = store.open(parent, ownerSlot);
    expect(fresh.document).toEqual(next);
    expect(fresh.membership).toEqual({ ...done.membership });
  });

  it('refuses an answer that names another version or log head, and a second commit', () => {
    const { parent, store } = removal();
    const mapId = store.mapId;
    const answer = { mapId, version: store.version, headSeq: store.log.length };
    expectFailure(
      () => call(parent.state, 'commitRotate', { ...answer, version: answer.version + 1 }),
      'unknown-map',
    );
    expectFailure(
      () => call(parent.state, 'commitRotate', { ...answer, headSeq: answer.headSeq - 1 }),
      'unknown-map',
    );
    call(parent.state, 'commitRotate', answer);
    expectFailure(() => call(parent.state, 'commitRotate', answer), 'unknown-map');
  });
});
