// Health, security headers on every kind of response, and the web app with client-side routing.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const databases = testDatabases();

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  expect(headers['content-security-policy']).toBe(CSP);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toBe('camera=(self)');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
}

describe.each(databases)('http on $engine', (database) => {
  let app: App;
  const webApp = mkdtempSync(join(tmpdir(), 'nk-web-'));

  beforeAll(async () => {
    await mkdir(join(webApp, 'assets'), { recursive: true });
    await writeFile(join(webApp, 'index.html'), '<!doctype html><title>Netwerkkaart</title>');
    await writeFile(join(webApp, 'assets', 'app.js'), 'console.log(1);');
    app = await buildTestApp(database, { env: { STATIC_DIR: webApp } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webApp, { recursive: true, force: true });
  });

  it('reports health with the database engine', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: database.engine });
    expect(response.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(response.headers);
  });

  it('sends security headers on errors and static files too', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/missing' });
    expectError(missing, 404, 'not_found');
    expectSecurityHeaders(missing.headers);
    expect(missing.headers['cache-control']).toBe('no-store');

    const script = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toBe('console.log(1);');
    expectSecurityHeaders(script.headers);
    expect(script.headers['cache-control']).not.toBe('no-store');
  });

  it('serves index.html for client-side routes that accept HTML, never for /api', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('Netwerkkaart');

    const deep = await app.inject({
      method: 'GET',
      url: '/kaart/abc',
      headers: { accept: 'text/html,*/*' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.body).toContain('Netwerkkaart');
    expectSecurityHeaders(deep.headers);

    const asset = await app.inject({
      method: 'GET',
      url: '/assets/missing.js',
      headers: { accept: '*/*' },
    });
    expectError(asset, 404, 'not_found');
    const api = await app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { accept: 'text/html' },
    });
    expectError(api, 404, 'not_found');
    const post = await app.inject({
      method: 'POST',
      url: '/kaart/abc',
      headers: { accept: 'text/html' },
    });
    expectError(post, 404, 'not_found');
  });
});
