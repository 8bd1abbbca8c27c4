// The one error type routes and services throw; the error plugin turns it into the API's error body.
import { errorStatus, type ErrorCode } from '../../shared/api/errors.js';

export class ApiError extends Error {
  /** Taken from the shared table, so every code always answers with the same status. */
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields for the error body: `latestVersion`, `accessUntil`. */
    readonly details: { latestVersion?: number; accessUntil?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = errorStatus[code];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
