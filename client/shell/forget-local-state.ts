import { LOCALE_STORAGE_KEY } from '../localization.js';
import { KEPT_DB } from '../device/kept-store.js';

/**
 * Removes what older versions of the app kept in this browser: pinned log heads and invite secrets
 * now live in the encrypted keyring and sealed for the owners, so the copies here are only a risk.
 */
const OLD_PREFIXES = ['nk-pin:', 'nk-invites:'] as const;

export function forgetOldLocalState(): void {
  try {
    const old: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && OLD_PREFIXES.some((prefix) => key.startsWith(prefix))) old.push(key);
    }
    for (const key of old) localStorage.removeItem(key);
  } catch {
    // Storage blocked: then nothing was kept there either.
  }
}

/** Deletes one database; resolves also when it is blocked (it goes once other tabs close it). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/**
 * Logout: removes every trace of her from this browser (decision 0024). Generic on purpose: every
 * IndexedDB database and Cache Storage cache of the origin goes, whichever feature made it (the kept
 * account key, an offline map cache, a service worker's caches), and localStorage and sessionStorage
 * (all but the language choice).
 */
export async function forgetLocalState(): Promise<void> {
  try {
    // the language is the device's, not hers: the next person must be able to read the login screen
    const language = localStorage.getItem(LOCALE_STORAGE_KEY);
    localStorage.clear();
    sessionStorage.clear();
    if (language !== null) localStorage.setItem(LOCALE_STORAGE_KEY, language);
  } catch {
    // Storage blocked: then nothing was kept there either.
  }
  try {
    if (typeof caches !== 'undefined') {
      await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
    }
  } catch {
    // Cache Storage is missing on plain http in some browsers: nothing there.
  }
  try {
    if (typeof indexedDB !== 'undefined') {
      // ours by name too, for a browser without indexedDB.databases()
      const names = new Set([KEPT_DB]);
      const listed = await indexedDB.databases?.().catch(() => []);
      for (const db of listed ?? []) if (db.name !== undefined) names.add(db.name);
      await Promise.all([...names].map(deleteDatabase));
    }
  } catch {
    // IndexedDB blocked (some private windows): nothing was kept there.
  }
}
