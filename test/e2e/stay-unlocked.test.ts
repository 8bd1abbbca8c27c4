// Staying unlocked on her own device (decision 0024), on a phone in Chromium: a reload and a new tab
// open the map she had open without the passphrase, an invite link goes on in a new tab, a shared
// device asks again, a refused session leaves no key, and logging out leaves nothing of hers behind.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONE, DESKTOP, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { inviteByLink, parentWithMap } from './support/consent.js';
import { confirmRecovery, createMap, login } from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const PASSPHRASE = 'groene fietsen onder de kastanje';
const KEEP = 'Dit is mijn eigen telefoon of computer. Ingelogd blijven.';
const KEPT_DB = 'netwerkkaart-apparaat';

/** Signs up with "Dit is mijn eigen telefoon of computer" ticked (or not) and reaches the map list. */
async function signUp(
  page: Page,
  baseUrl: string,
  username: string,
  keep: boolean,
  professional = false,
) {
  await page.goto(`${baseUrl}/registreren`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Wachtwoordzin nog een keer').fill(PASSPHRASE);
  if (professional) await page.getByLabel('Ik werk als hulpverlener').check();
  // not kept unless she says so
  expect(await page.getByLabel(KEEP).isChecked()).toBe(false);
  if (keep) await page.getByLabel(KEEP).check();
  await page.getByRole('button', { name: 'Account maken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
  await confirmRecovery(page);
}

async function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').sort());
}

/** What the kept record holds, as script on the page sees it. */
async function keptRecord(page: Page) {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('kept').objectStore('kept').get('unlock');
          get.onsuccess = () => {
            const record = get.result as {
              username: string;
              key: CryptoKey;
              accountKey: { data: ArrayBuffer };
              place?: unknown;
            } | null;
            db.close();
            resolve(
              record === undefined || record === null
                ? null
                : {
                    username: record.username,
                    isCryptoKey: record.key instanceof CryptoKey,
                    extractable: record.key.extractable,
                    algorithm: record.key.algorithm.name,
                    // 32-byte key + 16-byte tag: sealed, not the key itself
                    sealedBytes: record.accountKey.data.byteLength,
                    hasPlace: record.place !== undefined,
                  },
            );
          };
          get.onerror = () => reject(get.error);
        };
      }),
    KEPT_DB,
  );
}

/** The export of the raw key must fail: it cannot be copied off the device. */
async function keyExportFails(page: Page): Promise<boolean> {
  return page.evaluate(
    (name) =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('kept').objectStore('kept').get('unlock');
          get.onsuccess = () => {
            db.close();
            const { key } = get.result as { key: CryptoKey };
            crypto.subtle.exportKey('raw', key).then(
              () => resolve(false),
              () => resolve(true),
            );
          };
        };
      }),
    KEPT_DB,
  );
}

describe('staying unlocked on her own device', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  beforeEach(async () => {
    browser = await launchBrowser({ viewport: PHONE });
  });
  afterEach(async () => {
    expect(browser.problems).toEqual([]);
    await browser?.close();
  });

  it('her own device: reload and a new tab open the map she had open; logout leaves nothing of hers, in any tab', async () => {
    const p = browser.page;
    await p.goto(`${server.url}/inloggen`);
    await p.getByLabel(KEEP).waitFor();
    await screenshot(p, 'stay-unlocked-login-390');
    await p.setViewportSize({ width: 1280, height: 900 });
    await screenshot(p, 'stay-unlocked-login-1280');
    await p.setViewportSize(PHONE);
    // the same choice after sign-up and after a recovery login
    for (const [path, name] of [
      ['/registreren', 'register'],
      ['/wachtwoordzin-vergeten', 'recover'],
    ] as const) {
      await p.goto(`${server.url}${path}`);
      await p.getByLabel(KEEP).waitFor();
      await screenshot(p, `stay-unlocked-${name}-390`);
    }

    await signUp(p, server.url, 'sanne', true);
    await createMap(p, 'Kaart van Sanne');
    const mapUrl = p.url();
    expect(mapUrl).toMatch(/\/kaarten\/[A-Za-z0-9_-]{22}$/);

    const kept = await keptRecord(p);
    expect(kept).toMatchObject({
      username: 'sanne',
      isCryptoKey: true,
      extractable: false,
      algorithm: 'AES-GCM',
      sealedBytes: 48,
      hasPlace: true,
    });
    expect(await keyExportFails(p)).toBe(true);
    // the server session decides how long: a refresh cookie of 30 days
    const [refresh] = (await browser.context.cookies()).filter((c) => c.name === 'nk_refresh');
    expect(refresh?.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);

    // A reload opens the map, without the passphrase.
    const reloaded = Date.now();
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Kaart van Sanne' }).waitFor();
    console.log(`reload to her map without the passphrase took ${Date.now() - reloaded} ms`);
    expect(p.url()).toBe(mapUrl);
    expect(await p.getByRole('heading', { level: 1, name: 'Inloggen' }).count()).toBe(0);

    // A new tab at the start page opens the map she had open; one at the map's address too.
    const second = await browser.context.newPage();
    await second.goto(`${server.url}/`);
    await second.getByRole('heading', { level: 1, name: 'Kaart van Sanne' }).waitFor();
    expect(second.url()).toBe(mapUrl);
    const third = await browser.context.newPage();
    await third.goto(mapUrl);
    await third.getByRole('heading', { level: 1, name: 'Kaart van Sanne' }).waitFor();
    await third.close();

    // What other parts of the app may keep (an offline map cache, a service worker's cache, the
    // language): logout must clear those too, whoever made them.
    await p.evaluate(async () => {
      localStorage.setItem('nk-locale', 'nl');
      localStorage.setItem('nk-offline-last-map', 'x');
      sessionStorage.setItem('nk-something', 'x');
      const cache = await caches.open('nk-offline-test');
      await cache.put('/offline-test', new Response('kaart'));
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('nk-offline-maps-test', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('maps');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
    });
    expect(await databases(p)).toEqual(expect.arrayContaining([KEPT_DB, 'nk-offline-maps-test']));

    await p.getByRole('button', { name: 'Uitloggen' }).click();
    await p.getByText('Je bent uitgelogd.').first().waitFor();
    await expect.poll(() => databases(p)).toEqual([]);
    expect(await p.evaluate(() => caches.keys())).toEqual([]);
    // only the language choice stays: the next person must be able to read the login screen
    expect(await p.evaluate(() => Object.keys(localStorage))).toEqual(['nk-locale']);
    expect(await p.evaluate(() => localStorage.getItem('nk-locale'))).toBe('nl');
    expect(await p.evaluate(() => sessionStorage.length)).toBe(0);
    // the other tab let go of her map and keys as well
    await second.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await second.getByRole('heading', { name: 'Kaart van Sanne' }).count()).toBe(0);
    await second.close();

    // And nothing opens any more without her passphrase.
    await p.goto(mapUrl);
    await p.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await databases(p)).toEqual([]);
  });

  it('an invite link opened in a new tab on her own device goes on without unlocking', async () => {
    const parent = await launchBrowser({ viewport: PHONE });
    try {
      await parentWithMap(parent.page, server.url, 'mila', 'Kaart van Mila');
      const link = await inviteByLink(parent.page);

      await signUp(browser.page, server.url, 'verloskundige-ines', true);
      const tab = await browser.context.newPage();
      await tab.goto(link);
      await tab.getByRole('heading', { level: 1, name: 'Meedoen op een kaart' }).waitFor();
      // straight to who she is: no account, no passphrase on the way
      await tab.getByLabel('Je naam').waitFor();
      expect(await tab.getByRole('link', { name: 'Account maken' }).count()).toBe(0);
      expect(await tab.getByLabel('Wachtwoordzin').count()).toBe(0);
      await tab.close();
      expect(parent.problems).toEqual([]);
    } finally {
      await parent.close();
    }
  });

  it("someone else's device (not ticked): a reload asks the passphrase and nothing is kept", async () => {
    const p = browser.page;
    await signUp(p, server.url, 'yara', false);
    await createMap(p, 'Kaart van Yara');
    expect(await databases(p)).not.toContain(KEPT_DB);
    // the refresh cookie goes when the browser closes (-1: a browser-session cookie)
    const [refresh] = (await browser.context.cookies()).filter((c) => c.name === 'nk_refresh');
    expect(refresh?.expires).toBe(-1);
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await databases(p)).not.toContain(KEPT_DB);

    // Logging in without the tick keeps nothing either.
    await login(p, 'yara', PASSPHRASE);
    await p.getByRole('heading', { level: 1, name: 'Kaart van Yara' }).waitFor();
    expect(await databases(p)).not.toContain(KEPT_DB);
  });

  it('Samen aan tafel on her own device: while the parent holds it, a reload or a new tab opens nothing of hers', async () => {
    const p = browser.page;
    await signUp(p, server.url, 'jgz-romy', true, true);
    await p.getByRole('link', { name: 'Nieuwe kaart met ouder' }).click();
    await p.getByRole('button', { name: 'Geef het apparaat aan de ouder' }).click();
    await p.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    // the parent's sign-up offers no "stay signed in": her temporary session keeps nothing
    expect(await p.getByLabel(KEEP).count()).toBe(0);
    await expect.poll(() => databases(p)).not.toContain(KEPT_DB);

    const tab = await browser.context.newPage();
    await tab.goto(`${server.url}/kaarten`);
    await tab.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await tab.close();
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await p.getByRole('heading', { name: 'Mijn kaarten' }).count()).toBe(0);
  });

  it('a session the server refuses wipes the kept key and says so on the login screen', async () => {
    const p = browser.page;
    await signUp(p, server.url, 'lotte', true);
    expect(await databases(p)).toContain(KEPT_DB);
    // The server no longer knows the session (as after it expired or was revoked).
    await browser.context.clearCookies();
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await p
      .locator('nk-login')
      .getByText('Je bent op dit apparaat niet meer ingelogd. Log opnieuw in met je wachtwoordzin.')
      .waitFor();
    await expect.poll(() => databases(p)).not.toContain(KEPT_DB);
    await screenshot(p, 'stay-unlocked-refused-390');
    await p.setViewportSize(DESKTOP);
    await screenshot(p, 'stay-unlocked-refused-desktop');
  });
});
