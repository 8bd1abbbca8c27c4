// Installable and readable offline (decision 0025): on a phone, the map she saw opens again without a
// connection, also after a reload, with the calm offline note; nothing can be changed then. Chromium's
// installability check passes, the strict CSP stays on, and Cache Storage and IndexedDB never hold
// the map's words. axe-core finds no violations on the offline screens in Dutch and Arabic.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { addPerson, confirmRecovery, createMap, login, register } from './support/flows.js';

// axe-core is evaluated through the DevTools protocol, so the page keeps its real CSP
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const USERNAME = 'meriam-onderweg';
const PASSPHRASE = 'zeven blauwe vogels zingen samen';
const TITLE = 'Kaart van Meriam';
/** Typed into the map: it must never appear in Cache Storage or IndexedDB. */
const SECRET_NAME = 'Wilhelmientje';

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } })
      .axe;
    return axe.run(document);
  });
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

/** Every text kept in Cache Storage and every value in every IndexedDB database of the page. */
async function storedTexts(
  page: Page,
): Promise<{ caches: string[]; databases: string[]; urls: string[] }> {
  return page.evaluate(async () => {
    const caches: string[] = [];
    const urls: string[] = [];
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name);
      for (const request of await cache.keys()) {
        urls.push(request.url);
        const response = await cache.match(request);
        caches.push((await response?.text()) ?? '');
      }
    }
    const databases: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (info.name === undefined) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        databases.push(`${info.name}/${store}: ${JSON.stringify(values)}`);
      }
      db.close();
    }
    return { caches, databases, urls };
  });
}

describe('offline on a phone', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('installs, and shows her last-seen map offline after a reload, read-only, with the note; nothing plain is kept', async () => {
    const { page, context } = browser;
    const csp: string[] = [];
    await page.exposeFunction('nkCspViolation', (text: string) => csp.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { nkCspViolation(text: string): void }).nkCspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );

    // her own device: only there are the account and her maps kept for offline use
    await register(page, server.url, USERNAME, PASSPHRASE, { keep: true });
    await confirmRecovery(page);
    await createMap(page, TITLE);
    await addPerson(page, {
      label: `${SECRET_NAME} — buurvrouw`,
      category: 'friends',
      ring: 'Dichtbij',
      support: ['Praktische hulp'],
    });
    const mapUrl = page.url();
    // she opens her map again later, online (her own device opens it without the passphrase):
    // this device keeps the version she saw (ciphertext)
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page
      .locator('nk-map-editor')
      .getByText(SECRET_NAME)
      .filter({ visible: true })
      .first()
      .waitFor();

    // the service worker takes control of the page (clientsClaim), with the app shell precached
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''))
      .toBe(`${server.url}/sw.js`);

    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: unknown[];
      data?: string;
    };
    expect(manifest.url).toBe(`${server.url}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({
      name: 'Netwerkkaart',
      lang: 'nl',
      display: 'standalone',
      start_url: '/',
    });
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(installability.installabilityErrors).toEqual([]);

    // offline: moving within the app keeps her list and her map, both with the note
    await context.setOffline(true);
    await page.locator('header nav a[href="/kaarten"]').click();
    await page.locator('nk-map-list nk-offline-note').waitFor();
    await expect.poll(() => page.locator('nk-map-list form').isVisible()).toBe(false);
    await page.locator('nk-map-list a', { hasText: TITLE }).click();
    await page.locator('nk-map-editor nk-offline-note').waitFor();

    // a reload offline: the service worker serves the app; her passphrase opens the kept account
    await page.reload();
    await login(page, USERNAME, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(page.url()).toBe(mapUrl);
    const note = page.locator('nk-map-editor nk-offline-note p');
    await expect
      .poll(() => note.innerText())
      .toMatch(
        /^Je bent niet verbonden\. Je ziet de kaart zoals die was op .+\. Iets veranderen kan weer als je verbonden bent\.$/,
      );
    await page
      .locator('nk-map-editor')
      .getByText(SECRET_NAME)
      .filter({ visible: true })
      .first()
      .waitFor();
    // read-only offline: no button to add or change people
    expect(await page.getByRole('button', { name: 'Iemand toevoegen' }).count()).toBe(0);
    expect(await violations(page), 'offline map (Dutch)').toEqual([]);
    await screenshot(page, 'offline-map-nl-phone');

    await page.locator('header nav a[href="/kaarten"]').click();
    await page.locator('nk-map-list nk-offline-note').waitFor();
    expect(await violations(page), 'offline list (Dutch)').toEqual([]);
    await screenshot(page, 'offline-list-nl-phone');

    // Arabic, offline too: its texts come from the precache
    await page.locator('nk-language-picker select').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect
      .poll(() => page.locator('nk-map-list nk-offline-note p').innerText())
      .toContain('أنت غير متصل');
    expect(await violations(page), 'offline list (Arabic)').toEqual([]);
    await screenshot(page, 'offline-list-ar-phone');
    await page.locator('nk-map-list a', { hasText: TITLE }).click();
    await page.locator('nk-map-editor nk-offline-note').waitFor();
    expect(await violations(page), 'offline map (Arabic)').toEqual([]);
    await screenshot(page, 'offline-map-ar-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await violations(page), 'offline map (Arabic, desktop)').toEqual([]);
    await screenshot(page, 'offline-map-ar-desktop');

    // connected again: the session comes back through the refresh cookie, the note goes, she may edit
    await context.setOffline(false);
    await page.locator('nk-map-editor nk-offline-note').waitFor({ state: 'detached' });
    await page.locator('nk-map-editor #add-button').waitFor();
    await page.locator('header nav a[href="/kaarten"]').click();
    await page.locator('nk-map-list form').waitFor();
    expect(await page.locator('nk-map-list nk-offline-note').count()).toBe(0);

    // what this device keeps: the map as ciphertext, the shell; never her words, never an API answer
    const stored = await storedTexts(page);
    expect(stored.databases.some((text) => text.startsWith('netwerkkaart-offline/maps: [{'))).toBe(
      true,
    );
    expect(stored.urls.some((url) => url.includes('/assets/worker-'))).toBe(true);
    expect(stored.urls.filter((url) => new URL(url).pathname.startsWith('/api'))).toEqual([]);
    for (const text of [...stored.caches, ...stored.databases])
      expect(text).not.toContain(SECRET_NAME);

    expect(csp).toEqual([]);
    // offline, the browser reports each request that could not leave; nothing else may fail
    const problems = browser.problems.filter(
      (problem) => !problem.includes('net::ERR_INTERNET_DISCONNECTED'),
    );
    expect(problems).toEqual([]);
  });
});
