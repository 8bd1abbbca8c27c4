// Whether a failure means "no connection" (the server was not reached), as opposed to a refusal.
import { ApiError } from '../api/transport.js';

export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'network_error';
}
