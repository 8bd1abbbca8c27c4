// axe-core finds no violations on the screens of recovery, passphrase change and deletion, in Dutch
// and Arabic, on a phone and a desktop; each is photographed. The steps use ids, not words.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PASSPHRASE = 'zeven blauwe vogels zingen samen';
const NEW_PASSPHRASE = 'paarse tulpen naast de brievenbus';

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

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('accessibility of recovery and account screens on a %s', (device, viewport) => {
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
    const check = async (screen: string, shot?: string): Promise<void> => {
      expect(await violations(page), `${screen} (${language}, ${device})`).toEqual([]);
      if (shot !== undefined) await screenshot(page, `${shot}-${code}-${device}`);
    };
    const username = `axe-${code}-${device}`;

    await page.goto(server.url);
    await page.locator('nk-welcome h1').waitFor();
    await page.locator('nk-language-picker select').selectOption(code);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
    // the choice is stored once its texts are loaded; the page loads below must find it
    await expect.poll(() => page.evaluate(() => localStorage.getItem('nk-locale'))).toBe(code);

    await page.goto(`${server.url}/registreren`);
    await page.locator('#username').fill(username);
    await page.locator('#passphrase').fill(PASSPHRASE);
    await page.locator('#repeat').fill(PASSPHRASE);
    await page.locator('nk-register button[type="submit"]').click();
    const recoveryCode = await page.getByTestId('recovery-code').innerText();
    await page.locator('#saved').check();
    await page.locator('nk-recovery-sheet .confirm button').click();
    await page.locator('nk-map-list #title').fill('Kaart van Meriam');
    await page.locator('nk-map-list button[type="submit"]').click();
    await page.locator('nk-map-editor h1', { hasText: 'Kaart van Meriam' }).waitFor();
    await page.locator('nk-app nav button').click();
    await page.locator('nk-welcome h1').waitFor();

    await page.goto(`${server.url}/inloggen`);
    await page.locator('nk-login h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
    await check('login with its recovery link', 'login');
    await page.locator('nk-login a[href="/wachtwoordzin-vergeten"]').click();
    await page.locator('nk-recover #code').waitFor();
    await check('recover: the code', 'recover-code');
    await page.locator('nk-recover #username').fill(username);
    await page.locator('nk-recover #code').fill('ABCD');
    await page.locator('nk-recover button[type="submit"]').click();
    await page.locator('nk-recover .error').waitFor();
    await check('recover: a wrong code', 'recover-code-wrong');
    await page.locator('nk-recover #code').fill(recoveryCode);
    await page.locator('nk-recover button[type="submit"]').click();
    await page.locator('nk-new-passphrase #new-passphrase').fill('kort');
    await check('recover: the new passphrase, too short');
    await page.locator('nk-new-passphrase #new-passphrase').fill(NEW_PASSPHRASE);
    await page.locator('nk-new-passphrase #new-repeat').fill(NEW_PASSPHRASE);
    await check('recover: the new passphrase', 'recover-new');
    await page.locator('nk-recover button[type="submit"]').click();
    await page.getByTestId('recovery-replaced').waitFor();
    await check('recovery sheet after a recovery', 'recovery-replaced');
    await page.locator('#saved').check();
    await page.locator('nk-recovery-sheet .confirm button').click();
    await page.locator('nk-map-list #title').waitFor();

    await page.locator('nk-app nav a[href="/account"]').click();
    await page.locator('nk-account h1').waitFor();
    await check('account menu', 'account');
    await page.locator('nk-account a[href="/account/wachtwoordzin"]').click();
    await page.locator('nk-passphrase-change #current').fill('niet de goede zin');
    await page.locator('nk-new-passphrase #new-passphrase').fill(PASSPHRASE);
    await page.locator('nk-new-passphrase #new-repeat').fill(PASSPHRASE);
    await page.locator('nk-passphrase-change button[type="submit"]').click();
    await page.locator('nk-passphrase-change .error').waitFor();
    await check('passphrase change, a wrong current one', 'change');
    await page.locator('nk-passphrase-change #current').fill(NEW_PASSPHRASE);
    await page.locator('nk-passphrase-change button[type="submit"]').click();
    await page.getByTestId('change-done').waitFor();
    await check('passphrase changed', 'change-done');

    await page.locator('nk-app nav a[href="/account"]').click();
    await page.locator('nk-account a[href="/account/verwijderen"]').click();
    await page.getByTestId('delete-delete').waitFor();
    await check('account deletion, with what happens to her map', 'delete');
    await page.locator('nk-account-delete button[type="submit"]').click();
    await page.locator('nk-account-delete .error').waitFor();
    await check('account deletion without the passphrase');
    await page.locator('nk-app nav button').click();
    await page.locator('nk-welcome h1').waitFor();
    expect(browser.problems).toEqual([]);
  });
});
