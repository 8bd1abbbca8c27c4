// axe-core finds no accessibility violations on any screen a parent uses — welcome, login,
// register, recovery sheet, map list, the map editor (empty, each step of adding a person, the
// picture with its person panel, the edit form, 60 people as picture and as list), the print
// previews and the blank sheet — in Dutch and in Arabic (right-to-left), on a phone and a desktop.
// The steps use ids and structure, not words, so the same walk works in every language.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { seedMap } from './support/seed.js';
import { sixtyEntries } from './support/sixty.js';
import { startServer, type TestServer } from './support/server.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the whole page (it follows open shadow roots) and returns the violations in short form. */
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

const entries = (page: Page) => page.locator('nk-map-editor nk-ring-picture g.entry');

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('accessibility on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    // bypassCSP only here: addScriptTag injects axe-core as an inline script, which the app's CSP
    // (script-src 'self') rightly blocks. Every other browser test runs under the real CSP.
    browser = await launchBrowser({ bypassCSP: true, viewport });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it.each([
    ['Dutch', 'nl', 'ltr'],
    ['Arabic', 'ar', 'rtl'],
  ] as const)('has no violations on any screen in %s', async (language, code, dir) => {
    const { page } = browser;
    const check = async (screen: string, shot?: string): Promise<void> => {
      expect(await violations(page), `${screen} (${language}, ${device})`).toEqual([]);
      if (shot !== undefined) await screenshot(page, `${shot}-${code}-${device}`);
    };

    await page.goto(server.url);
    await page.locator('nk-welcome h1').waitFor();
    await page.locator('nk-language-picker select').selectOption(code);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
    await check('welcome', 'welcome');

    await page.goto(`${server.url}/bestaat-niet`);
    await page.locator('nk-not-found h1').waitFor();
    await check('page not found');

    // The blank sheet needs no account.
    await page.goto(`${server.url}/print/leeg`);
    await page.locator('nk-sheet-blank nk-ring-picture svg').waitFor();
    await check('blank sheet', 'print-blank-preview');

    await page.goto(`${server.url}/inloggen`);
    await page.locator('nk-login h1').waitFor();
    await check('login');

    await page.goto(`${server.url}/registreren`);
    await page.locator('#username').fill(`axe-${code}-${device}`);
    await page.locator('#passphrase').fill('kort');
    await check('register, with a passphrase too short', 'register');
    await page.locator('#passphrase').fill('zeven blauwe vogels zingen samen');
    await page.locator('#repeat').fill('zeven blauwe vogels zingen samen');
    await page.locator('nk-register button[type="submit"]').click();
    await page.getByTestId('recovery-code').waitFor();
    await check('recovery sheet');
    await page.locator('#saved').check();
    await page.locator('nk-recovery-sheet .confirm button').click();
    await page.locator('nk-map-list #title').waitFor();
    await check('map list, empty');

    await page.locator('nk-map-list #title').fill('Kaart van Meriam');
    await page.locator('nk-map-list button[type="submit"]').click();
    await page.locator('nk-map-editor h1', { hasText: 'Kaart van Meriam' }).waitFor();
    await check('editor, empty map', 'editor-empty');

    // Adding a person, step by step, including the errors of an empty step.
    await page.locator('#add-button').click();
    await page.locator('nk-category-picker input').first().waitFor();
    await check('add, step 1');
    await page.locator('nk-person-form button[type="submit"]').click();
    await page.locator('nk-person-form .field-error').first().waitFor();
    await check('add, step 1 with errors');
    await page.locator('nk-category-picker input[value="family"]').check();
    await page.locator('nk-person-form #name').fill('M.');
    await page.locator('nk-person-form #role').fill('moeder');
    await page.locator('nk-person-form button[type="submit"]').click();
    await page.locator('nk-person-form input[name="phase"]').first().waitFor();
    await check('add, step 2', 'add-step-2');
    await page.locator('nk-person-form .supports input').first().check();
    await page.locator('nk-person-form button[type="submit"]').click();
    await page.locator('nk-person-form input[name="ring"]').first().waitFor();
    await page.locator('nk-person-form summary').click();
    await check('add, step 3 with the details open', 'add-step-3');
    await page.locator('nk-person-form input[name="ring"][value="1"]').check();
    await page.locator('nk-person-form button[type="submit"]').click();
    await entries(page).first().waitFor();
    await check('editor with one person');

    // The picture: a person opened in the panel, and the edit form there.
    await entries(page).first().click();
    await page.locator('nk-map-editor .panel nk-person-card').waitFor();
    await check('picture with the person panel');
    await page.locator('nk-map-editor .panel nk-person-card button.edit').click();
    await page.locator('nk-map-editor .panel nk-person-form').waitFor();
    await check('edit form in the panel');
    await page.locator('nk-map-editor .panel nk-person-form button.cancel').click();

    // A full map: 60 people as picture and as list.
    await seedMap(page, {
      entries: sixtyEntries(),
      centre: { parents: ['Meriam', 'Micha'], children: ['Mera', 'Meram'] },
      wishes: 'Een andere moeder in de buurt leren kennen.',
      details: { [sixtyEntries()[0]?.id ?? '']: { contact: '06 12345678' } },
    });
    await expect.poll(() => entries(page).count()).toBe(58);
    await check('picture with 60 people', 'picture-sixty');
    await page.locator('nk-view-controls .switch button').nth(1).click();
    await page.locator('nk-map-editor nk-person-card').first().waitFor();
    await check('list with 60 people');
    await page.locator('nk-view-controls .switch button').nth(0).click();

    // Print: the menu and both previews.
    await page.locator('nk-print-menu summary').click();
    await check('print menu open');
    await page.locator('nk-print-menu a').nth(0).click();
    await page.locator('nk-sheet-map nk-ring-picture svg').waitFor();
    await check('print preview: map with list', 'print-map-preview');
    await page.locator('nk-print-screen .chrome a').click();
    await page.locator('nk-print-menu summary').click();
    await page.locator('nk-print-menu a').nth(1).click();
    await page.locator('nk-sheet-handout').waitFor();
    await check('print preview: handout', 'print-handout-preview');

    await page.locator('nk-app nav a').first().click();
    await page.locator('nk-map-list ul.maps a').waitFor();
    await check('map list with a map');
    await page.locator('nk-app nav button').click();
    await page.locator('nk-welcome h1').waitFor();
    expect(browser.problems).toEqual([]);
  });
});
