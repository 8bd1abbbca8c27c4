// The service worker, the manifest and the page are asked for again on every load; the CSP stays strict.
import { mkdir, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';

const [sqlite] = testDatabases();

describe('offline app shell headers', () => {
  let app: App;
  const webApp = mkdtempSync(join(tmpdir(), 'nk-web-'));

  beforeAll(async () => {
    await mkdir(join(webApp, 'assets'), { recursive: true });
    await writeFile(join(webApp, 'index.html'), '<!doctype html><title>Netwerkkaart</title>');
    await writeFile(join(webApp, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(webApp, 'manifest.webmanifest'), '{"name":"Netwerkkaart"}');
    await writeFile(join(webApp, 'assets', 'index-abc.js'), 'console.log(1);');
    if (sqlite === undefined) throw new Error('no test database');
    app = await buildTestApp(sqlite, { env: { STATIC_DIR: webApp } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webApp, { recursive: true, force: true });
  });

  it('serves sw.js as JavaScript that is revalidated on every load', async () => {
    const response = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['cache-control']).not.toMatch(/immutable|max-age=[1-9]/);
  });

  it('serves the manifest with its own type, revalidated too', async () => {
    const response = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('revalidates the page, also as the fallback of a client-side route', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.headers['cache-control']).toBe('no-cache');
    const deep = await app.inject({
      method: 'GET',
      url: '/kaarten',
      headers: { accept: 'text/html' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
  });

  it('keeps the CSP strict: workers and manifest from this origin, no unsafe-inline or unsafe-eval', async () => {
    const response = await app.inject({ method: 'GET', url: '/sw.js' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
  });
});
