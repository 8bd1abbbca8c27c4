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
