// Behaviour of the screens beyond the round trip: language switch, print view, focus and keyboard use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { confirmRecovery, register } from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

/** The element that has focus, looking through shadow roots: its tag and text. */
function focusedElement(): { tag: string; text: string } {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return { tag: active?.tagName.toLowerCase() ?? '', text: active?.textContent?.trim() ?? '' };
}

describe('screens', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ viewport: DESKTOP });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('switches to English and back, and remembers the choice', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Wie helpt jou?' }).waitFor();
    await screenshot(page, 'welcome-desktop');

    await page.getByLabel('Taal / Language').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Who helps you?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByRole('link', { name: 'Create account' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(
      page.getByText('Only the people who take part in that map can read it.').isVisible(),
    ).resolves.toBe(true);
    await expect.poll(() => page.title()).toBe('Who helps you? · Netwerkkaart');
    await screenshot(page, 'welcome-english');

    // The choice survives a reload; the register screen is English too.
    await page.goto(`${server.url}/registreren`);
    await page.getByRole('heading', { level: 1, name: 'Create account' }).waitFor();
    await expect(page.getByLabel('Username').isVisible()).resolves.toBe(true);
    await page.getByLabel('Passphrase', { exact: true }).fill('short');
    await expect(
      page.getByText('Still too short. Use at least 12 characters.').isVisible(),
    ).resolves.toBe(true);

    await page.getByLabel('Language / Taal').selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(browser.problems).toEqual([]);
  });

  it('moves focus to the page heading after navigating, and works by keyboard', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Wie helpt jou?' }).waitFor();
    await page.getByRole('link', { name: 'Inloggen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.evaluate(focusedElement)).toEqual({ tag: 'h1', text: 'Inloggen' });
    expect(await page.evaluate(() => document.title)).toBe('Inloggen · Netwerkkaart');

    // A wrong passphrase gives a plain message, announced as an alert.
    await page.keyboard.press('Tab');
    await page.keyboard.type('niemand-bekend');
    await page.keyboard.press('Tab');
    await page.keyboard.type('een verkeerde wachtwoordzin');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'De gebruikersnaam of de wachtwoordzin klopt niet.' })
      .waitFor();

    // Back goes back.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Wie helpt jou?' }).waitFor();
  });

  it('prints only the recovery sheet, and needs the tick before going on', async () => {
    const { page } = browser;
    await register(page, server.url, 'print-test', 'drie rode appels in een mand');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bewaar eerst je herstelcode' }).waitFor();
    await screenshot(page, 'recovery-sheet-desktop');

    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => {
      const app = document.querySelector('nk-app');
      const sheet = app?.querySelector('nk-recovery-sheet')?.shadowRoot;
      const shown = (element: Element | null | undefined) => element?.checkVisibility() ?? false;
      return {
        header: shown(app?.querySelector('header')),
        footer: shown(app?.querySelector('footer')),
        sheet: shown(sheet?.querySelector('.sheet')),
        heading: shown(sheet?.querySelector('h1')),
        buttons: shown(sheet?.querySelector('.buttons')),
        checkbox: shown(sheet?.querySelector('.confirm')),
      };
    });
    expect(visible).toEqual({
      header: false,
      footer: false,
      sheet: true,
      heading: false,
      buttons: false,
      checkbox: false,
    });
    await screenshot(page, 'recovery-sheet-print');
    await page.emulateMedia({ media: 'screen' });

    await confirmRecovery(page);
    // Signing out returns to the start and a map page then asks to log in.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie helpt jou?' }).waitFor();
    await page.goto(`${server.url}/kaarten`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(browser.problems).toEqual([]);
  });
});
