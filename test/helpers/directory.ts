// Shared by the directory integration tests: an administrator token and an import through the API.
import { expect } from 'vitest';
import type { ImportReport } from '../../shared/api/directory.js';
import { createAdmin } from '../../server/admin/service.js';
import type { App } from '../../server/app.js';
import { countRows } from '../../server/directory/repository.js';
import { directoryDb } from '../../server/directory/schema.js';

let admins = 0;
export async function adminToken(app: App): Promise<string> {
  admins += 1;
  return createAdmin(directoryDb(app.db), `test-admin-${admins}`, Date.now());
}

export function adminHeaders(token: string): Record<string, string> {
  return { authorization: `Admin ${token}` };
}

export async function importThroughApi(
  app: App,
  token: string,
  body: { format: 'hsds' | 'csv'; source: string; data: unknown; dryRun?: boolean },
): Promise<ImportReport> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/admin/directory/import',
    headers: adminHeaders(token),
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImportReport>();
}

export function rowCounts(app: App): Promise<Record<string, number>> {
  return countRows(directoryDb(app.db));
}

/** Every service row of a source, without ids and times, ordered: to compare before and after. */
export async function serviceSnapshot(app: App, source: string): Promise<unknown[]> {
  const db = directoryDb(app.db);
  return db
    .selectFrom('directory_services')
    .select([
      'source_id',
      'name',
      'description',
      'category',
      'roles',
      'phone',
      'content_hash',
      'updated_at',
    ])
    .where('source', '=', source)
    .orderBy('source_id')
    .execute();
}
