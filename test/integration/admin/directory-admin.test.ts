// Administrators (token auth, action log) and professionals' opt-in profiles, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminLogResponse,
  ProfessionalSearchResponse,
  PublishedProfessional,
} from '../../../shared/api/directory.js';
import type { App } from '../../../server/app.js';
import { bearer, logIn, signUp } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import { generateHsds } from '../../../scripts/demo-data/generate-hsds.js';
import { adminHeaders, adminToken } from '../../helpers/directory.js';

const databases = testDatabases();

describe.each(databases)('directory administration and professionals on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const importRequest = (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/directory/import',
      headers,
      payload: { format: 'hsds', source: 'adm', data: generateHsds(3, 'adm') },
    });

  it('needs an administrator token: none, wrong or an account token give 401', async () => {
    expectError(await importRequest({}), 401, 'unauthorized');
    expectError(await importRequest(adminHeaders('A'.repeat(43))), 401, 'unauthorized');
    expectError(await importRequest(adminHeaders('short')), 401, 'unauthorized');
    expectError(await importRequest({ authorization: 'Bearer a.b.c' }), 401, 'unauthorized');
    const user = await signUp(app);
    const session = await logIn(app, user.username);
    expectError(await importRequest(bearer(session.accessToken)), 401, 'unauthorized');
    expectError(await app.inject({ method: 'GET', url: '/api/admin/log' }), 401, 'unauthorized');
    const token = await adminToken(app);
    expect((await importRequest(adminHeaders(token))).statusCode).toBe(200);
  });

  it('logs every administrator action with who, what, when and counts', async () => {
    const token = await adminToken(app);
    const before = Date.now();
    expect((await importRequest(adminHeaders(token))).statusCode).toBe(200);
    const response = await app.inject({
      method: 'GET',
      url: '/api/admin/log?limit=5',
      headers: adminHeaders(token),
    });
    expect(response.statusCode).toBe(200);
    const { entries } = response.json<AdminLogResponse>();
    const [latest] = entries;
    expect(latest).toMatchObject({
      action: 'directory.import',
      details: { source: 'adm', format: 'hsds', received: 3, unchanged: 3, rejected: 0 },
    });
    expect(latest?.admin).toMatch(/^test-admin-/);
    expect(latest?.at).toBeGreaterThanOrEqual(before);
    expect(entries.some((e) => e.action === 'admin.create')).toBe(true);
    const older = await app.inject({
      method: 'GET',
      url: `/api/admin/log?before=${latest?.id ?? 0}&limit=200`,
      headers: adminHeaders(token),
    });
    expect(older.json<AdminLogResponse>().entries.every((e) => e.id < (latest?.id ?? 0))).toBe(
      true,
    );
    expectError(
      await app.inject({
        method: 'GET',
        url: '/api/admin/log?limit=0',
        headers: adminHeaders(token),
      }),
      400,
      'invalid_request',
    );
  });

  it('publishes, finds, updates and unpublishes a professional profile', async () => {
    const user = await signUp(app);
    const { accessToken } = await logIn(app, user.username);
    const profile = {
      name: 'Fawzia Fictief',
      profession: 'Wijkteammedewerker',
      organisation: 'Fictief Wijkteam Delft',
      area: 'Delft, Rijswijk, 2611-2629',
      howToReach: 'Bel het wijkteam: 015 000 0000',
    };
    expectError(
      await app.inject({ method: 'PUT', url: '/api/directory/me', payload: profile }),
      401,
      'unauthorized',
    );
    expectError(
      await app.inject({ method: 'GET', url: '/api/directory/me', headers: bearer(accessToken) }),
      404,
      'not_found',
    );
    const put = await app.inject({
      method: 'PUT',
      url: '/api/directory/me',
      headers: bearer(accessToken),
      payload: profile,
    });
    expect(put.statusCode, put.body).toBe(200);
    const published = put.json<PublishedProfessional>();
    expect(published).toMatchObject(profile);
    // the public profile has its own id: nothing links it to the account (or to any map)
    expect(published.profileId).not.toBe(user.accountId);
    expect(JSON.stringify(published)).not.toContain(user.accountId);
    expect(JSON.stringify(published)).not.toContain(user.username);

    const find = async (query: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/directory/professionals?${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<ProfessionalSearchResponse>();
    };
    expect((await find('place=rijswijk')).results.map((p) => p.profileId)).toEqual([
      published.profileId,
    ]);
    expect((await find('place=2612%20XY&q=wijkteam')).total).toBe(1);
    expect((await find('q=fawz')).total).toBe(1);
    expect((await find('place=Utrecht')).total).toBe(0);
    expect((await find('q=huisarts')).total).toBe(0);

    const updated = await app.inject({
      method: 'PUT',
      url: '/api/directory/me',
      headers: bearer(accessToken),
      payload: { ...profile, area: 'Utrecht' },
    });
    expect(updated.json<PublishedProfessional>().profileId).toBe(published.profileId);
    expect((await find('place=Delft')).total).toBe(0);
    expect((await find('place=utrecht')).total).toBe(1);

    const del = await app.inject({
      method: 'DELETE',
      url: '/api/directory/me',
      headers: bearer(accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect((await find('place=utrecht')).total).toBe(0);
    expectError(
      await app.inject({
        method: 'DELETE',
        url: '/api/directory/me',
        headers: bearer(accessToken),
      }),
      404,
      'not_found',
    );
  });

  it('refuses malformed profiles with 400 and stable codes', async () => {
    const user = await signUp(app);
    const { accessToken } = await logIn(app, user.username);
    const base = {
      name: 'N. Fictief',
      profession: 'Verloskundige',
      organisation: '',
      area: 'Delft',
      howToReach: 'Via de praktijk',
    };
    for (const payload of [
      { ...base, name: '' },
      { ...base, name: '   ' },
      { ...base, area: '99999' },
      { ...base, howToReach: 'x'.repeat(281) },
      { ...base, mapId: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { name: 'only' },
    ]) {
      const response = await app.inject({
        method: 'PUT',
        url: '/api/directory/me',
        headers: bearer(accessToken),
        payload,
      });
      expectError(response, 400, 'invalid_request');
    }
    const notJson = await app.inject({
      method: 'PUT',
      url: '/api/directory/me',
      headers: { ...bearer(accessToken), 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expectError(notJson, 415, 'unsupported_media_type');
  });
});
