// The server as the adversary, at the worker: older logs, versions and a hidden removal, served to a
// fresh device of the account (only the synced keyring) and to a co-owner, are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../shared/crypto/index.js';
import type { MapResponse } from '../../../../client/api/types.js';
import {
  call,
  expectFailure,
  join,
  loginOnNewDevice,
  parentWithMap,
  PROFILE,
  register,
  storeKeyring,
  type MapStore,
  type Person,
} from './harness.js';

/**
 * Opens the map and stores the keyring, as the page's syncPins does whenever a pin moved (here also
 * for the harness's own earlier opens, which store nothing).
 */
function openAndSync(person: Person, store: MapStore, slotId: string, served?: ServedState) {
  const opened = served
    ? call(person.state, 'openMap', { map: served.map, log: served.log })
    : store.open(person, slotId);
  storeKeyring(person, call(person.state, 'sealKeyring', {}));
  return opened;
}

/** What the server answers at one moment: the newest version with the slot's key ring, and the log. */
interface ServedState {
  map: MapResponse;
  log: string[];
}

const snapshot = (store: MapStore, slotId: string): ServedState => ({
  map: store.read(slotId),
  log: [...store.log],
});

const pinOf = (person: Person, mapId: string) =>
  person.state.session!.keyring.maps.find((map) => map.mapId === mapId)?.pin;

describe('worker: pins in the keyring against a rolling-back server', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('a fresh device of the account uses the synced pin: older version, shorter or forked log refused', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const early = snapshot(store, ownerSlot);
    const doc = store.open(parent, ownerSlot).document;
    store.save(
      call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }).body,
    );
    // the other seq-2 record the server could have kept: an approval the parent never sent
    const kees = register('kees');
    const other = call(parent.state, 'approveJoin', {
      mapId: store.mapId,
      inviteId: 'AAAAAAAAAAAAAAAAAAAAAA',
      joiner: {
        signPublicKey: kees.account.signPublicKey,
        boxPublicKey: kees.account.boxPublicKey,
        profile: { ...PROFILE, name: 'Kees' },
      },
      role: 'informal',
      detail: false,
    });
    join(parent, store, ownerSlot, 'joke');
    openAndSync(parent, store, ownerSlot);
    expect(pinOf(parent, store.mapId)).toMatchObject({ seq: 2, version: 2 });

    const phone = loginOnNewDevice(parent);
    expect(pinOf(phone, store.mapId)).toEqual(pinOf(parent, store.mapId));
    const now = snapshot(store, ownerSlot);
    // the whole earlier state, consistent in itself: version 1 with the INIT-only log
    expectFailure(() => call(phone.state, 'openMap', early), 'rollback');
    // today's version with yesterday's log (the ADD dropped)
    expectFailure(() => call(phone.state, 'openMap', { ...now, log: early.log }), 'rollback');
    expectFailure(() => call(phone.state, 'openMap', { map: now.map, log: [] }), 'rollback');
    const forked = [now.log[0]!, ...other.logRecords];
    expectFailure(() => call(phone.state, 'openMap', { ...now, log: forked }), 'rollback');
    // what the account has seen opens, and the refusals left the pin as it was
    expect(call(phone.state, 'openMap', now)).toMatchObject({ version: 2, pinMoved: false });
    expect(pinOf(phone, store.mapId)).toEqual(pinOf(parent, store.mapId));
  });

  it('a hidden removal (old log, version and key ring) is refused on a fresh device and by a co-owner', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const micha = join(parent, store, ownerSlot, 'micha', { role: 'owner' });
    const joke = join(parent, store, ownerSlot, 'joke');
    openAndSync(micha.joiner, store, micha.slotId);
    const beforeParent = snapshot(store, ownerSlot);
    const beforeMicha = snapshot(store, micha.slotId);
    const doc = store.open(parent, ownerSlot).document;
    store.remove(
      call(parent.state, 'rotate', {
        mapId: store.mapId,
        removeSlotIds: [joke.slotId],
        narrow: [],
        document: doc,
        version: store.version,
      }),
    );
    openAndSync(parent, store, ownerSlot);
    openAndSync(micha.joiner, store, micha.slotId);
    expect(pinOf(parent, store.mapId)).toMatchObject({ seq: 5, version: 2 });
    expect(pinOf(micha.joiner, store.mapId)).toMatchObject({ seq: 5, version: 2 });

    // the server serves the map as it was before the REMOVE and ROTATE: version 1, epoch 1, 3 records
    const phone = loginOnNewDevice(parent);
    expectFailure(() => call(phone.state, 'openMap', beforeParent), 'rollback');
    const michaPhone = loginOnNewDevice(micha.joiner);
    expectFailure(() => call(michaPhone.state, 'openMap', beforeMicha), 'rollback');
    // the co-owner's own device refuses it too
    expectFailure(() => call(micha.joiner.state, 'openMap', beforeMicha), 'rollback');
    // the new version with the REMOVE and ROTATE cut from the log
    const after = snapshot(store, micha.slotId);
    const cut = { ...after, log: after.log.slice(0, 3) };
    expectFailure(() => call(michaPhone.state, 'openMap', cut), 'rollback');
  });

  it('without any pin, a version names its log head: a log cut before it is refused', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const micha = join(parent, store, ownerSlot, 'micha', { role: 'owner' });
    const joke = join(parent, store, ownerSlot, 'joke');
    const doc = store.open(parent, ownerSlot).document;
    // a ROLE change needs no rotation: the epoch alone would not show it is missing
    const change = call(parent.state, 'updateMember', {
      mapId: store.mapId,
      slotId: joke.slotId,
      role: 'borger',
    });
    store.log.push(...change.logRecords);
    store.slots.set(joke.slotId, { keyBundle: change.keyBundle, rights: change.rights });
    store.open(parent, ownerSlot);
    store.save(
      call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }).body,
    );
    // micha's account never opened the map: her keyring holds no pin of it
    const fresh = loginOnNewDevice(micha.joiner);
    expect(pinOf(fresh, store.mapId)).toBeUndefined();
    const served = snapshot(store, micha.slotId);
    expect(served.log).toHaveLength(4);
    expectFailure(
      () => call(fresh.state, 'openMap', { ...served, log: served.log.slice(0, 3) }),
      'rollback',
    );
    expect(call(fresh.state, 'openMap', served)).toMatchObject({ version: 2, pinMoved: true });
  });

  it('merging two devices keeps the newer pin of each map', () => {
    const { parent, store, ownerSlot } = parentWithMap();
    const phone = loginOnNewDevice(parent);
    join(parent, store, ownerSlot, 'joke');
    openAndSync(parent, store, ownerSlot);
    const newer = pinOf(parent, store.mapId)!;
    expect(newer.seq).toBe(2);
    // the phone still has the seq-1 pin in memory; the server's keyring has the seq-2 one
    expect(pinOf(phone, store.mapId)!.seq).toBe(1);
    call(phone.state, 'mergeKeyring', { account: parent.account });
    expect(pinOf(phone, store.mapId)).toEqual(newer);
    // an older keyring from the server does not move a newer pin back
    const stale = { ...parent.account };
    const fresher = loginOnNewDevice(parent);
    const doc = store.open(parent, ownerSlot).document;
    store.save(
      call(parent.state, 'sealVersion', { mapId: store.mapId, document: doc, version: 2 }).body,
    );
    openAndSync(fresher, store, ownerSlot);
    call(fresher.state, 'mergeKeyring', { account: stale });
    expect(pinOf(fresher, store.mapId)).toMatchObject({ seq: 2, version: 2 });
  });
});
