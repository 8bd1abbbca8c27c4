// Directory import on both engines: 1000 services, broken records, idempotent re-import, CSV, dry run.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceSearchResponse } from '../../../shared/api/directory.js';
import type { App } from '../../../server/app.js';
import { importDirectory } from '../../../server/directory/import.js';
import { directoryDb } from '../../../server/directory/schema.js';
import { generateHsds } from '../../../scripts/demo-data/generate-hsds.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import {
  adminHeaders,
  adminToken,
  importThroughApi,
  rowCounts,
  serviceSnapshot,
} from '../../helpers/directory.js';

const databases = testDatabases();

describe.each(databases)('directory import on $engine', (database) => {
  let app: App;
  let token: string;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
    token = await adminToken(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('imports 1000 services in one go, and importing them again changes nothing', async () => {
    const data = generateHsds(1000, 'big');
    const started = performance.now();
    const first = await importThroughApi(app, token, { format: 'hsds', source: 'big', data });
    const elapsed = performance.now() - started;
    console.log(
      `[directory] ${database.engine}: imported 1000 services in ${elapsed.toFixed(0)} ms`,
    );
    expect(first.received).toBe(1000);
    expect(first.rejected).toEqual([]);
    expect(first.services).toEqual({ created: 1000, updated: 0, unchanged: 0 });
    expect(first.organisations).toEqual({ created: 100, updated: 0, unchanged: 0 });
    const countsAfterFirst = await rowCounts(app);
    expect(countsAfterFirst.directory_services).toBeGreaterThanOrEqual(1000);
    const snapshot = await serviceSnapshot(app, 'big');

    const second = await importThroughApi(app, token, { format: 'hsds', source: 'big', data });
    expect(second.services).toEqual({ created: 0, updated: 0, unchanged: 1000 });
    expect(second.organisations).toEqual({ created: 0, updated: 0, unchanged: 100 });
    expect(await rowCounts(app)).toEqual(countsAfterFirst);
    expect(await serviceSnapshot(app, 'big')).toEqual(snapshot);

    // a rough latency figure on 1000+ services (reported, not asserted: timings are no test)
    const queries = [
      'place=Rotterdam&category=childcare-school',
      'q=fictieve%20hulp&place=3012',
      'language=ar&q=zonnebloem',
      'place=Utrecht&page=3&pageSize=20',
    ];
    const t0 = performance.now();
    for (let i = 0; i < 60; i += 1) {
      const r = await app.inject({
        method: 'GET',
        url: `/api/directory/services?${queries[i % queries.length] ?? ''}`,
      });
      expect(r.statusCode).toBe(200);
    }
    console.log(
      `[directory] ${database.engine}: search ${((performance.now() - t0) / 60).toFixed(2)} ms per request (inject, 1000 services)`,
    );
  });

  it('imports the fictional demo data set without rejections', async () => {
    const text = await readFile(
      new URL('../../../scripts/demo-data/sociale-kaart-demo.json', import.meta.url),
      'utf8',
    );
    const data = JSON.parse(text) as { _note: string; services: { name: string }[] };
    expect(data._note).toMatch(/^Fictieve demogegevens/);
    expect(data.services.every((s) => /fictie/i.test(s.name))).toBe(true);
    const report = await importThroughApi(app, token, { format: 'hsds', source: 'demo', data });
    expect(report.received).toBeGreaterThanOrEqual(40);
    expect(report.rejected).toEqual([]);
    const found = await app.inject({
      method: 'GET',
      url: '/api/directory/services?place=delft&category=childcare-school&q=fictief',
    });
    expect(found.json<ServiceSearchResponse>().total).toBeGreaterThan(0);
  });

  it('updates a changed record in place, and only that one', async () => {
    const data = generateHsds(5, 'upd');
    await importThroughApi(app, token, { format: 'hsds', source: 'upd', data });
    const counts = await rowCounts(app);
    const services = data.services as { name: string }[];
    (services[2] as { name: string }).name = 'Fictieve dienst Hernoemd';
    const report = await importThroughApi(app, token, { format: 'hsds', source: 'upd', data });
    expect(report.services).toEqual({ created: 0, updated: 1, unchanged: 4 });
    expect(await rowCounts(app)).toEqual(counts);
    const found = await app.inject({ method: 'GET', url: '/api/directory/services?q=hernoemd' });
    expect(found.json<ServiceSearchResponse>().results.map((r) => r.name)).toEqual([
      'Fictieve dienst Hernoemd',
    ]);
  });

  it('imports the good records of a file with broken ones and reports each bad one', async () => {
    const data = generateHsds(8, 'mixed');
    const services = data.services as Record<string, unknown>[];
    const attributes = data.attributes as Record<string, unknown>[];
    const languages = data.languages as Record<string, unknown>[];
    const areas = data.service_areas as Record<string, unknown>[];
    delete services[1]?.name; // no name
    (attributes[2] as Record<string, unknown>).taxonomy_term_id = 'mixed-term-nope';
    (services[3] as Record<string, unknown>).url = 'javascript:alert(1)';
    languages.push({ id: 'bad-lang', service_id: 'mixed-svc-4', code: 'Nederlands!' });
    for (const area of areas) if (area.service_id === 'mixed-svc-5') area.name = '';
    (data.addresses as Record<string, unknown>[])[5] = {};
    services.push({ ...services[0] }); // duplicate id
    services.push('not an object' as unknown as Record<string, unknown>);
    (services[6] as Record<string, unknown>).organization_id = 'no-such-org';

    const before = await rowCounts(app);
    const report = await importThroughApi(app, token, { format: 'hsds', source: 'mixed', data });
    expect(report.received).toBe(10);
    expect(report.services.created).toBe(2); // 0 and 7
    expect(report.rejected).toEqual([
      { index: 1, sourceId: 'mixed-svc-1', reason: 'missing name' },
      { index: 2, sourceId: 'mixed-svc-2', reason: 'missing category' },
      { index: 3, sourceId: 'mixed-svc-3', reason: 'website must be an http or https address' },
      {
        index: 4,
        sourceId: 'mixed-svc-4',
        reason: 'language "nederlands!" is not an ISO 639 code',
      },
      {
        index: 5,
        sourceId: 'mixed-svc-5',
        reason: 'no area served (service_areas, or a location with a city)',
      },
      { index: 6, sourceId: 'mixed-svc-6', reason: 'unknown organisation "no-such-org"' },
      { index: 8, sourceId: 'mixed-svc-0', reason: 'the same id appears earlier in this file' },
      { index: 9, sourceId: null, reason: 'the record is not an object' },
    ]);
    const after = await rowCounts(app);
    expect(after.directory_services).toBe((before.directory_services ?? 0) + 2);
    // nothing of a rejected record was written, not even its languages or areas
    const db = directoryDb(app.db);
    const stored = await db
      .selectFrom('directory_services')
      .select('source_id')
      .where('source', '=', 'mixed')
      .orderBy('source_id')
      .execute();
    expect(stored.map((r) => r.source_id)).toEqual(['mixed-svc-0', 'mixed-svc-7']);
  });

  it('writes nothing on a dry run, and refuses an unreadable file with 400', async () => {
    const before = await rowCounts(app);
    const report = await importThroughApi(app, token, {
      format: 'hsds',
      source: 'dry',
      data: generateHsds(3, 'dry'),
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, services: { created: 3 } });
    expect(await rowCounts(app)).toEqual(before);

    const noList = await app.inject({
      method: 'POST',
      url: '/api/admin/directory/import',
      headers: adminHeaders(token),
      payload: { format: 'hsds', source: 'x', data: { organizations: [] } },
    });
    expect(expectError(noList, 400, 'invalid_request').message).toContain('"services"');
    const badCsv = await app.inject({
      method: 'POST',
      url: '/api/admin/directory/import',
      headers: adminHeaders(token),
      payload: { format: 'csv', source: 'x', data: 'source_id,name,category\n"a,b,c\n' },
    });
    expect(expectError(badCsv, 400, 'invalid_request').message).toContain('not closed');
    const badSource = await app.inject({
      method: 'POST',
      url: '/api/admin/directory/import',
      headers: adminHeaders(token),
      payload: { format: 'hsds', source: 'Bad Source!', data: {} },
    });
    expectError(badSource, 400, 'invalid_request');
  });

  it('imports CSV with quoted fields, lists and a per-row report, idempotently', async () => {
    const csv = [
      'source_id,name,description,category,roles,languages,municipalities,postcodes,organisation_id,organisation,phone,website,opening_hours',
      'c1,"Fictieve Taalcoach ""Samen""","Oefenen met Nederlands, elke week",pro-social,taalcoach,nl;ar;ti,Delft,,o1,Fictief Taalhuis Delft,015 2000000,taal.example.org,"ma, wo 10:00–12:00"',
      'c2,Fictieve Peuterspeelzaal,"Spelen\r\nen leren",childcare-school,,nl,Delft;Den Haag,2611-2629,o1,Fictief Taalhuis Delft,,,',
      'c3,,no name,pro-social,,nl,Delft,,,,,,',
      'c4,Kapot,too few fields',
      '',
    ].join('\r\n');
    const report = await importThroughApi(app, token, { format: 'csv', source: 'csv', data: csv });
    expect(report.services.created).toBe(2);
    expect(report.rejected).toEqual([
      { index: 2, sourceId: 'c3', reason: 'missing name' },
      { index: 3, sourceId: 'c4', reason: 'has 3 fields, the header has 13' },
    ]);
    const again = await importThroughApi(app, token, { format: 'csv', source: 'csv', data: csv });
    expect(again.services).toEqual({ created: 0, updated: 0, unchanged: 2 });

    const found = await app.inject({
      method: 'GET',
      url: '/api/directory/services?place=delft&language=ti&q=elke',
    });
    const [service] = found.json<ServiceSearchResponse>().results;
    expect(service).toMatchObject({
      name: 'Fictieve Taalcoach "Samen"',
      description: 'Oefenen met Nederlands, elke week',
      organisation: 'Fictief Taalhuis Delft',
      roles: ['taalcoach'],
      languages: ['ar', 'nl', 'ti'],
      municipalities: ['Delft'],
      website: 'https://taal.example.org/',
      openingHours: 'ma, wo 10:00–12:00',
    });
  });

  it('imports through the function the script uses, with the same rules', async () => {
    const report = await importDirectory(directoryDb(app.db), {
      format: 'hsds',
      source: 'fn',
      data: JSON.stringify(generateHsds(2, 'fn')),
      dryRun: false,
      now: Date.now(),
      engine: database.engine,
    });
    expect(report.services.created).toBe(2);
  });
});
