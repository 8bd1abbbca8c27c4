// axe-core finds no violations on the screens of recovery through a trusted person (decision 0026), in
// Dutch and Arabic, on a phone and a desktop; each is photographed. The steps use ids, not words.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PASSPHRASE = 'zeven blauwe vogels zingen samen';

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
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

async function signUp(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/registreren`);
  await page.locator('#username').fill(username);
  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.locator('#repeat').fill(PASSPHRASE);
  await page.locator('nk-register button[type="submit"]').click();
  await page.locator('#saved').check();
  await page.locator('nk-recovery-sheet .confirm button').click();
  await page.locator('nk-map-list #title').waitFor();
}

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.locator('nk-login #username').fill(username);
  await page.locator('nk-login #passphrase').fill(PASSPHRASE);
  await page.locator('nk-login button[type="submit"]').click();
  await page.locator('nk-map-list #title').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.locator('nk-app nav button').click();
  await page.locator('nk-welcome h1').waitFor();
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('accessibility of trusted recovery on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    // bypassCSP only to inject axe-core (see accessibility.test.ts)
    browser = await launchBrowser({ bypassCSP: true, viewport });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it.each([
    ['Dutch', 'nl', 'ltr'],
    ['Arabic', 'ar', 'rtl'],
  ] as const)('has no violations in %s', async (language, code, dir) => {
    const { page } = browser;
    const check = async (screen: string, shot: string): Promise<void> => {
      expect(await violations(page), `${screen} (${language}, ${device})`).toEqual([]);
      await screenshot(page, `trusted-${shot}-${code}-${device}`);
    };
    const her = `zij-${code}-${device}`;
    const helper = `helper-${code}-${device}`;

    await page.goto(server.url);
    await page.locator('nk-welcome h1').waitFor();
    await page.locator('nk-language-picker select').selectOption(code);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('nk-locale'))).toBe(code);

    await signUp(page, server.url, helper);
    await signOut(page);
    await signUp(page, server.url, her);
    await page.locator('nk-app nav a[href="/account"]').click();
    await page.locator('nk-account a[href="/account/hulp"]').click();
    await page.locator('nk-trusted-helpers #helper').waitFor();
    await check('her helpers: choose someone', 'helpers');
    await page.locator('nk-trusted-helpers #helper').fill(helper);
    await page.locator('nk-trusted-helpers button[type="submit"]').click();
    await page.locator('nk-trusted-helpers .code').waitFor();
    await check('her helpers: compare the code', 'compare');
    await page.locator('nk-trusted-helpers section button').first().click();
    await page.locator('nk-trusted-helpers li.card').waitFor();
    await check('her helpers: one chosen', 'chosen');
    await signOut(page);

    await signIn(page, server.url, helper);
    await page.locator('nk-app nav a[href="/account"]').click();
    await page.locator('nk-account a[href="/iemand-helpen"]').click();
    await page.locator('nk-trusted-helping #for').fill(her);
    await page.locator('nk-trusted-helping form button[type="submit"]').click();
    await page.locator('nk-trusted-helping #own-code').waitFor();
    await page.locator('nk-trusted-helping li.card button').first().click();
    await page.locator('nk-trusted-helping li.card button.quiet').waitFor();
    await check('the helper: started, waiting', 'helping');
    await signOut(page);

    await signIn(page, server.url, her);
    await page.locator('nk-trusted-banner .banner').waitFor();
    await check('her banner with Stop het', 'banner');
    await signOut(page);

    await page.goto(`${server.url}/inloggen`);
    await page.locator('nk-login a[href="/hulp-bij-inloggen"]').click();
    await page.locator('nk-trusted-handover #username').fill(her);
    await page.locator('nk-trusted-handover button[type="submit"]').click();
    await page.locator('nk-trusted-handover .error').waitFor();
    await check('her new device: nobody ready yet', 'handover');
    expect(browser.problems).toEqual([]);
  });
});
