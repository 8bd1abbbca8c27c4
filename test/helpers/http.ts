// Assertions shared by the integration tests.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** Asserts the API's error body with a stable code and a human message. */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): { code: string; message: string; latestVersion?: number } {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<{
    error: { code: string; message: string; latestVersion?: number };
  }>();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return body.error;
}
