/**
 * Her own device stays unlocked (decision 0024): the account key, sealed with AES-GCM under a
 * non-extractable Web Crypto key that lives in IndexedDB. These handlers are asynchronous (Web Crypto,
 * IndexedDB), so worker.ts runs them beside the synchronous ones of handlers.ts.
 */
import { normaliseUsername, openAccount } from '../../../shared/crypto/index.js';
import {
  deleteKept,
  readKept,
  writeKept,
  type KeptRecord,
  type Sealed,
} from '../../device/kept-store.js';
import type { DeviceOp, DeviceOps } from '../device-ops.js';
import { requireSession, summaries, wipeState, WorkerFailure, type WorkerState } from './state.js';

const encoder = new TextEncoder();

/** Binds each sealed value to its purpose and account, so one cannot be swapped for another. */
function aad(purpose: 'account-key' | 'place', username: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`netwerkkaart/kept-${purpose}/v1|${username}`);
}

async function seal(key: CryptoKey, bytes: Uint8Array, ad: BufferSource): Promise<Sealed> {
  // a copy on a plain ArrayBuffer (libsodium's memory may be shared)
  const plain = new Uint8Array(bytes);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ad }, key, plain);
  return { iv, data };
}

async function unseal(key: CryptoKey, sealed: Sealed, ad: BufferSource): Promise<Uint8Array> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: ad },
      key,
      sealed.data,
    );
    return new Uint8Array(plain);
  } catch {
    throw new WorkerFailure('decrypt-failure', 'The kept key does not open.');
  }
}

type DeviceHandlers = {
  [P in DeviceOp]: (
    state: WorkerState,
    args: DeviceOps[P]['args'],
  ) => Promise<DeviceOps[P]['result']>;
};

export const deviceHandlers: DeviceHandlers = {
  async keepOnDevice(state) {
    const current = requireSession(state);
    // extractable: false — script (ours or an attacker's) can use the key here but never read it out
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const accountKey = await seal(key, current.accountKey, aad('account-key', current.username));
    const record: KeptRecord = {
      version: 1,
      username: current.username,
      key,
      accountKey,
      keptAt: Date.now(),
    };
    await writeKept(record);
    return {};
  },

  async resumeFromDevice(state, { account }) {
    wipeState(state);
    const kept = await readKept();
    const name = normaliseUsername(account.username);
    if (kept === null || kept.username !== name) {
      throw new WorkerFailure('locked', 'Nothing is kept on this device for this account.');
    }
    const accountKey = await unseal(kept.key, kept.accountKey, aad('account-key', name));
    const unlocked = openAccount(account, accountKey);
    state.session = { username: name, ...unlocked, loginSecretKey: null };
    let place: string | null = null;
    if (kept.place !== undefined) {
      // a place that does not open is only a lost bookmark: she starts at her maps
      place = await unseal(kept.key, kept.place, aad('place', name))
        .then((bytes) => new TextDecoder().decode(bytes))
        .catch(() => null);
    }
    return { username: name, maps: summaries(unlocked.keyring), place };
  },

  async keepPlace(state, { path }) {
    const current = requireSession(state);
    const kept = await readKept();
    if (kept === null || kept.username !== current.username) return {};
    const place = await seal(kept.key, encoder.encode(path), aad('place', current.username));
    await writeKept({ ...kept, place });
    return {};
  },

  async forgetDevice() {
    await deleteKept();
    return {};
  },
};

export function runDevice<K extends DeviceOp>(
  state: WorkerState,
  op: K,
  args: DeviceOps[K]['args'],
): Promise<DeviceOps[K]['result']> {
  const handler = deviceHandlers[op] as (
    state: WorkerState,
    args: DeviceOps[K]['args'],
  ) => Promise<DeviceOps[K]['result']>;
  return handler(state, args);
}
