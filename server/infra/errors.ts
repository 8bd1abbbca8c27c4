// The one error type routes and services throw; the error plugin turns it into the API's error body.
import type { ErrorCode } from '../../shared/api/errors.js';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra fields for the error body (only `latestVersion` today). */
    readonly details: { latestVersion?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
