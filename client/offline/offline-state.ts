// Whether a failure means "no connection" (the server was not reached), as opposed to a refusal.
import { ApiError } from '../api/transport.js';

export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'network_error';
}

/**
 * Null while connected; else when the version a map session shows was last confirmed by the server
 * (the app may know the connection is gone before the session's next refresh does).
 */
export function offlineAt(
  session: { offlineSince(appOffline: boolean): number | null } | null,
  app: { readonly offlineAt: number | null },
): number | null {
  return session?.offlineSince(app.offlineAt !== null) ?? null;
}
