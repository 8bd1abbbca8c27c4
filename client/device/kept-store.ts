/**
 * What her own device keeps to stay unlocked (decision 0024), in one IndexedDB record: a
 * NON-EXTRACTABLE AES-GCM CryptoKey (stored by structured clone, so its bytes never reach script)
 * and, sealed under it, the account key and the page she last had open. Used by the crypto worker,
 * which alone seals and opens it, and by the page, which only asks whether a record is there.
 */

/** Our database; logout deletes every database of the origin anyway (forget-local-state.ts). */
export const KEPT_DB = 'netwerkkaart-apparaat';
const STORE = 'kept';
const KEY = 'unlock';

/** AES-GCM ciphertext with its nonce. */
export interface Sealed {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

export interface KeptRecord {
  readonly version: 1;
  readonly username: string;
  /** extractable: false; usable for encrypt/decrypt on this device only. */
  readonly key: CryptoKey;
  readonly accountKey: Sealed;
  /** The path she last had open (a map, its members), sealed like the account key. */
  readonly place?: Sealed;
  readonly keptAt: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(KEPT_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // a logout in another tab deletes the database: let it
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open.'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked.'));
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted.'));
    });
  } finally {
    // no connection stays open, so deleting the database on logout is never blocked by us
    db.close();
  }
}

function isRecord(value: unknown): value is KeptRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<KeptRecord>;
  return (
    record.version === 1 &&
    typeof record.username === 'string' &&
    typeof CryptoKey !== 'undefined' &&
    record.key instanceof CryptoKey &&
    typeof record.accountKey === 'object'
  );
}

/** Whether IndexedDB exists here at all (a private window of some browsers has none). */
export function canKeep(): boolean {
  return typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && !!crypto.subtle;
}

/** The kept record, or null when nothing is kept (or storage is blocked). */
export async function readKept(): Promise<KeptRecord | null> {
  if (!canKeep()) return null;
  // a page that never kept anything does not create the database just by looking
  const known = await indexedDB.databases?.().catch(() => undefined);
  if (known !== undefined && !known.some((db) => db.name === KEPT_DB)) return null;
  try {
    const value = await run('readonly', (store) => store.get(KEY) as IDBRequest<unknown>);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

export async function writeKept(record: KeptRecord): Promise<void> {
  await run('readwrite', (store) => store.put(record, KEY));
}

/** Deletes the kept record's database; resolves also when storage is blocked or it was not there. */
export function deleteKept(): Promise<void> {
  if (!canKeep()) return Promise.resolve();
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(KEPT_DB);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // another tab holds it open: it closes on versionchange and the deletion then goes through
    request.onblocked = () => resolve();
  });
}
