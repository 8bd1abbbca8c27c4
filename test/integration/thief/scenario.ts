// Four families and their helpers, interleaved as on a busy day: sign-ups, maps, invites, joins, a
// member who leaves, one who is removed, second devices. It knows the true account↔map pairs.
import { expect } from 'vitest';
import type { App } from '../../../server/app.js';
import { Device, joinByInvite } from '../../helpers/account-device.js';

export interface Truth {
  /** username → the maps the account was ever on (made, joined, left or removed from). */
  maps: Map<string, Set<string>>;
  /** username → how many maps its keyring lists now. */
  keyringMaps: Map<string, number>;
  /** every keyring ciphertext the database held at some step (hex chunks, see blobChunk) */
  seenKeyrings: Set<string>;
  /** every slot's key bundle the database held at some step */
  seenBundles: Set<string>;
}

/** 32 bytes from inside a ciphertext, past its header: found in a file only if the blob is there. */
export function blobChunk(blob: Buffer): string {
  const start = Math.min(64, Math.max(0, blob.length - 32));
  return blob.subarray(start, start + 32).toString('hex');
}

export async function runScenario(app: App): Promise<Truth> {
  const truth: Truth = {
    maps: new Map(),
    keyringMaps: new Map(),
    seenKeyrings: new Set(),
    seenBundles: new Set(),
  };
  const devices = new Map<string, Device>();
  const on = (username: string, mapId: string) => {
    const set = truth.maps.get(username) ?? new Set<string>();
    set.add(mapId);
    truth.maps.set(username, set);
  };
  const snapshot = async () => {
    for (const row of await app.db.selectFrom('accounts').select('keyring').execute()) {
      truth.seenKeyrings.add(blobChunk(row.keyring));
    }
    for (const row of await app.db.selectFrom('map_slots').select('key_bundle').execute()) {
      truth.seenBundles.add(blobChunk(row.key_bundle));
    }
  };
  const signUp = async (username: string) => {
    const device = await Device.register(app, username);
    devices.set(username, device);
    truth.maps.set(username, new Set());
    await snapshot();
    return device;
  };
  const maps = new Map<string, string>();
  const createMap = async (owner: Device, family: string) => {
    const mapId = await owner.createMap(`Kaart van ${family}`);
    maps.set(family, mapId);
    on(owner.username, mapId);
    await snapshot();
  };
  const slots = new Map<string, string>();
  const join = async (
    owner: Device,
    family: string,
    joiner: Device,
    role: 'owner' | 'professional' | 'informal',
  ) => {
    const mapId = maps.get(family)!;
    slots.set(`${joiner.username}@${family}`, await joinByInvite(owner, mapId, joiner, role));
    on(joiner.username, mapId);
    await snapshot();
  };
  const leave = async (member: Device, family: string) => {
    const mapId = maps.get(family)!;
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/maps/${mapId}/slots/mine`,
      headers: { 'nk-capability': member.capability(mapId) },
    });
    expect(response.statusCode, response.body).toBe(204);
    member.call('forgetMap', { mapId });
    await member.saveKeyring();
    await snapshot();
  };

  // as in life: a parent signs up and makes her map; a helper signs up when her first invite comes
  const linda = await signUp('linda');
  await createMap(linda, 'Linda');
  const anouk = await signUp('verloskundige-anouk');
  await join(linda, 'Linda', anouk, 'professional');
  const meriam = await signUp('meriam');
  await createMap(meriam, 'Meriam');
  const fawzia = await signUp('wijkteam-fawzia');
  await join(meriam, 'Meriam', fawzia, 'professional');
  await join(linda, 'Linda', fawzia, 'professional');
  const tiny = await signUp('tiny');
  await createMap(tiny, 'Tiny');
  await join(meriam, 'Meriam', anouk, 'professional');
  const ruben = await signUp('coach-ruben');
  await join(tiny, 'Tiny', ruben, 'professional');
  const inge = await signUp('jgz-inge');
  await join(linda, 'Linda', inge, 'professional');
  const sanne = await signUp('sanne');
  await createMap(sanne, 'Sanne');
  await join(sanne, 'Sanne', inge, 'professional');
  const oma = await signUp('oma-joke');
  await join(tiny, 'Tiny', oma, 'informal');
  // Meriam removes Fawzia; Ruben leaves Tiny's map; second devices sign in in between
  await meriam.remove(maps.get('Meriam')!, [slots.get('wijkteam-fawzia@Meriam')!]);
  await snapshot();
  devices.set('linda', await Device.login(app, 'linda'));
  await leave(ruben, 'Tiny');
  const leo = await signUp('leo');
  await join(tiny, 'Tiny', leo, 'owner');
  const amira = await signUp('amira');
  await createMap(amira, 'Amira');
  await join(sanne, 'Sanne', anouk, 'professional');
  const tante = await signUp('tante-hanan');
  await join(amira, 'Amira', tante, 'informal');
  devices.set('verloskundige-anouk', await Device.login(app, 'verloskundige-anouk'));
  await join(amira, 'Amira', fawzia, 'professional');
  await join(sanne, 'Sanne', ruben, 'professional');
  const bram = await signUp('bram');
  await createMap(bram, 'Bram');
  const kees = await signUp('buurman-kees');
  await join(bram, 'Bram', kees, 'informal');
  await join(bram, 'Bram', inge, 'professional');
  await Device.login(app, 'jgz-inge');
  await join(amira, 'Amira', anouk, 'professional');

  for (const [username, device] of devices) {
    truth.keyringMaps.set(username, device.state.session?.keyring.maps.length ?? 0);
  }
  return truth;
}
