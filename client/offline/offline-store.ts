/**
 * What this device keeps to open her maps without a connection: ciphertext only, exactly as the
 * server sent it (decision 0025). Per map the last version she opened and its membership log; per
 * account its wrapped account key and sealed keyring, so the passphrase opens them offline too.
 * Nothing decrypted and no key is ever written here. Logout removes the database with all others.
 */
import type { AccountResponse, MapResponse } from '../api/types.js';
import { normaliseUsername } from '../../shared/crypto/ad.js';

/** Starts with "netwerkkaart-", so logout's sweep of this app's databases finds it. */
export const OFFLINE_DATABASE = 'netwerkkaart-offline';
const VERSION = 1;
const MAPS = 'maps';
const ACCOUNTS = 'accounts';

/** The last-seen version of a map: the server's answer and log, ciphertext, and when it came. */
export interface CachedMap {
  readonly mapId: string;
  readonly response: MapResponse;
  readonly log: readonly string[];
  readonly savedAt: number;
}

/** An account as the server answers it at login: the key wrapped by the passphrase, the sealed keyring. */
export interface CachedAccount {
  readonly username: string;
  readonly account: AccountResponse;
  readonly savedAt: number;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(OFFLINE_DATABASE, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(MAPS)) db.createObjectStore(MAPS, { keyPath: 'mapId' });
      if (!db.objectStoreNames.contains(ACCOUNTS))
        db.createObjectStore(ACCOUNTS, { keyPath: 'username' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // logout deletes the database: let it, and open afresh next time
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('indexedDB'));
    request.onblocked = () => reject(new Error('indexedDB blocked'));
  });
  opening.catch(() => (opening = null));
  return opening;
}

async function run<T>(
  store: string,
  mode: IDBTransactionMode,
  act: (objects: IDBObjectStore) => IDBRequest,
): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const transaction = db.transaction(store, mode);
    const request = act(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(request.result as T | undefined);
    transaction.onerror = () => reject(transaction.error ?? new Error('indexedDB'));
    transaction.onabort = () => reject(transaction.error ?? new Error('indexedDB'));
  });
}

/** Never fails the caller: a device without storage (private mode) only works online. */
async function quietly<T>(task: () => Promise<T>): Promise<T | undefined> {
  try {
    return await task();
  } catch {
    return undefined;
  }
}

export function keepMap(response: MapResponse, log: readonly string[]): Promise<void> {
  const record: CachedMap = { mapId: response.mapId, response, log: [...log], savedAt: Date.now() };
  return quietly(() => run(MAPS, 'readwrite', (maps) => maps.put(record))).then(() => undefined);
}

/** Her own save: the kept copy (if any) takes the version she wrote, so offline she sees her change. */
export async function keepSaved(mapId: string, version: number, body: Uint8Array): Promise<void> {
  const kept = await cachedMap(mapId);
  if (kept === undefined || kept.response.version >= version) return;
  const record: CachedMap = {
    ...kept,
    response: { ...kept.response, version, body },
    savedAt: Date.now(),
  };
  await quietly(() => run(MAPS, 'readwrite', (maps) => maps.put(record)));
}

export function cachedMap(mapId: string): Promise<CachedMap | undefined> {
  return quietly(() => run<CachedMap>(MAPS, 'readonly', (maps) => maps.get(mapId)));
}

export function forgetCachedMap(mapId: string): Promise<void> {
  return quietly(() => run(MAPS, 'readwrite', (maps) => maps.delete(mapId))).then(() => undefined);
}

export function keepAccount(account: AccountResponse): Promise<void> {
  const record: CachedAccount = {
    username: normaliseUsername(account.username),
    account,
    savedAt: Date.now(),
  };
  return quietly(() => run(ACCOUNTS, 'readwrite', (accounts) => accounts.put(record))).then(
    () => undefined,
  );
}

/** The sealed keyring changed on the server: the copy here follows, so maps added since open offline. */
export async function keepKeyring(
  username: string,
  keyring: string,
  keyringRevision: number,
): Promise<void> {
  const kept = await cachedAccount(username);
  if (kept === undefined) return;
  await keepAccount({ ...kept.account, keyring, keyringRevision });
}

export function cachedAccount(username: string): Promise<CachedAccount | undefined> {
  const key = normaliseUsername(username);
  return quietly(() => run<CachedAccount>(ACCOUNTS, 'readonly', (accounts) => accounts.get(key)));
}
