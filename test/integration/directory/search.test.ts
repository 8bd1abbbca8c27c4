// Directory search on both engines: place, category, language, text, ranking, paging, logs.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceSearchResponse } from '../../../shared/api/directory.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import { adminToken, importThroughApi } from '../../helpers/directory.js';

const databases = testDatabases();

function service(
  id: string,
  name: string,
  description: string,
  category: string,
  areas: { name?: string; extent?: string }[],
  languages: string[] = ['nl'],
) {
  return {
    id,
    name,
    description,
    status: 'active',
    languages: languages.map((code) => ({ id: `${id}-${code}`, code })),
    service_areas: areas.map((a, i) => ({
      id: `${id}-a${i}`,
      ...(a.name ? { name: a.name } : {}),
      ...(a.extent ? { extent_type: 'text', extent: a.extent } : {}),
    })),
    attributes: [
      {
        id: `${id}-cat`,
        taxonomy_term: { id: `t-${category}`, code: category, taxonomy: 'netwerkkaart-category' },
      },
    ],
  };
}

const DATA = {
  _note: 'Fictieve testgegevens',
  services: [
    service(
      's1',
      'Fictieve Kinderopvang Zonnetje',
      'Opvang voor baby en peuter',
      'childcare-school',
      [{ name: 'Rotterdam' }],
    ),
    service(
      's2',
      'Fictief Gastouderbureau',
      'Kinderopvang bij een gastouder thuis',
      'childcare-school',
      [{ name: 'Rotterdam' }],
      ['nl', 'tr'],
    ),
    service(
      's3',
      'Fictieve Schuldhulp Delft',
      'Hulp bij geldzaken en schulden',
      'pro-social',
      [{ name: 'Delft' }, { extent: '2611-2629' }],
      ['nl', 'en'],
    ),
    service('s4', 'Fictief Wijkteam Noord', 'Het wijkteam helpt met opvoeden', 'pro-social', [
      { name: "'s-Hertogenbosch" },
    ]),
    service(
      's5',
      'Fictieve Verloskundigenpraktijk Ĳssel',
      'Verloskundige zorg',
      'pro-medical',
      [{ name: 'Capelle aan den IJssel' }, { extent: '29' }],
      ['nl', 'ar'],
    ),
    service('s6', 'Fictieve Kinderopvang Delft', 'Opvang', 'childcare-school', [{ name: 'Delft' }]),
    service(
      's7',
      'Fictieve Taalcoach Utrecht',
      'Samen Nederlands oefenen',
      'pro-social',
      [{ name: 'Utrecht' }],
      ['nl', 'ar', 'ti'],
    ),
  ],
};

describe.each(databases)('directory search on $engine', (database) => {
  let app: App;
  const lines: string[] = [];
  const search = async (query: string): Promise<ServiceSearchResponse> => {
    const response = await app.inject({ method: 'GET', url: `/api/directory/services?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ServiceSearchResponse>();
  };
  const names = async (query: string) => (await search(query)).results.map((r) => r.name);

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildTestApp(database, { env: { LOG_LEVEL: 'info' }, logStream: stream });
    await app.ready();
    const token = await adminToken(app);
    const report = await importThroughApi(app, token, {
      format: 'hsds',
      source: 'search',
      data: DATA,
    });
    expect(report.rejected).toEqual([]);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds by municipality, ignoring case and diacritics, and by PC4 postcode', async () => {
    expect(await names('place=rotterdam')).toEqual([
      'Fictief Gastouderbureau',
      'Fictieve Kinderopvang Zonnetje',
    ]);
    expect(await names('place=%27S-HERTOGENBOSCH')).toEqual(['Fictief Wijkteam Noord']);
    expect(await names(`place=${encodeURIComponent('capelle aan den ĳssel')}`)).toEqual([
      'Fictieve Verloskundigenpraktijk Ĳssel',
    ]);
    expect(await names('place=2613%20AB')).toEqual(['Fictieve Schuldhulp Delft']);
    expect(await names('place=2901')).toEqual(['Fictieve Verloskundigenpraktijk Ĳssel']);
    expect(await names('place=Amsterdam')).toEqual([]);
  });

  it('filters by category and language', async () => {
    expect(await names('place=Delft&category=childcare-school')).toEqual([
      'Fictieve Kinderopvang Delft',
    ]);
    expect(await names('language=ar')).toEqual([
      'Fictieve Taalcoach Utrecht',
      'Fictieve Verloskundigenpraktijk Ĳssel',
    ]);
    expect(await names('category=pro-social&language=en')).toEqual(['Fictieve Schuldhulp Delft']);
  });

  it('searches text by word prefix, and ranks a match in the name above one in the description', async () => {
    const result = await search('q=kinderopvang');
    expect(result.total).toBe(3);
    const found = result.results.map((r) => r.name);
    // s1 and s6 have the word in their name, s2 only in its description
    expect(found.slice(0, 2).sort()).toEqual([
      'Fictieve Kinderopvang Delft',
      'Fictieve Kinderopvang Zonnetje',
    ]);
    expect(found[2]).toBe('Fictief Gastouderbureau');
    expect(await names('q=schuld')).toEqual(['Fictieve Schuldhulp Delft']);
    expect(await names('q=VERLOSKUNDIGENPRAKTIJK%20ijssel')).toEqual([
      'Fictieve Verloskundigenpraktijk Ĳssel',
    ]);
    expect(await names('q=kinderopvang&place=rotterdam')).toEqual([
      'Fictieve Kinderopvang Zonnetje',
      'Fictief Gastouderbureau',
    ]);
    // FTS syntax in the query is just text
    expect(await names(`q=${encodeURIComponent('"opvang" OR NEAR(* -')}`)).toEqual(
      await names('q=opvang%20or%20near'),
    );
  });

  it('pages through results with a stable order and a total', async () => {
    const all = await names('pageSize=50');
    expect(all).toHaveLength(7);
    const pages = [];
    for (let page = 1; page <= 3; page += 1) pages.push(await search(`pageSize=3&page=${page}`));
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.flatMap((p) => p.results.map((r) => r.name))).toEqual(all);
    expect((await search('pageSize=3&page=4')).results).toEqual([]);
  });

  it('answers a full service record', async () => {
    const [s] = (await search('place=Delft&category=pro-social')).results;
    expect(s).toMatchObject({
      name: 'Fictieve Schuldhulp Delft',
      category: 'pro-social',
      languages: ['en', 'nl'],
      municipalities: ['Delft'],
      postcodes: ['2611-2629'],
    });
  });

  it('refuses malformed queries with 400 invalid_request', async () => {
    for (const query of [
      'category=risico',
      'language=Nederlands',
      'page=0',
      'pageSize=1000',
      'page=abc',
      'mapId=abc',
      `q=${'x'.repeat(201)}`,
    ]) {
      const response = await app.inject({ method: 'GET', url: `/api/directory/services?${query}` });
      expectError(response, 400, 'invalid_request');
    }
  });

  it('is public data: no cookies, never stored by a cache, and the query text stays out of the logs', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/directory/services?place=Geheimdorp&q=zeldzaamwoord',
    });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    const log = lines.join('');
    expect(log).toContain('/api/directory/services');
    expect(log).not.toContain('Geheimdorp');
    expect(log).not.toContain('zeldzaamwoord');
  });
});
