/**
 * The joiner's place in the flow, kept in this tab's sessionStorage so it survives registering or
 * logging in on the way (nk-join). Cleared once she is in, declined, or the invite failed.
 */
/** A join in progress on this device: the secret, and what is known of the invite and request so far. */
export interface PendingJoin {
  secret: string;
  inviteId?: string;
  sealedInfo?: string;
  requestId?: string;
  safetyCode?: string;
}

const STORAGE_KEY = 'nk-join';

export function loadPending(): PendingJoin | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as PendingJoin;
    return typeof value.secret === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function savePending(pending: PendingJoin | null): void {
  try {
    if (pending === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
  } catch {
    // Storage blocked: the join lasts for this page.
  }
}
