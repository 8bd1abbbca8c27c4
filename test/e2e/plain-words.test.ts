// Plain words (issue 12, item 6), in the browser: the strength estimate (zxcvbn-ts, fetched only by the
// sign-up screen) refuses the tip's own example; a status message ends with its screen; "1 van hen hoort";
// the invite's expiry in the app's language without seconds (nl, en, ar); an empty name is announced
// and described; a broken invite link says what to do instead of "Er ging iets mis".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, createMap } from './support/flows.js';
import { PASSPHRASE, inviteByLink } from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Kaart met twee';
/** Seconds after the minutes, in Latin or Arabic-Indic digits. */
const SECONDS = /[0-9٠-٩]{1,2}[:٫][0-9٠-٩]{2}[:٫][0-9٠-٩]{2}/;

/** The id of the focused element, through shadow roots. */
function deepFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === null ? '' : `${active.id || active.tagName}`;
  });
}

async function switchLanguage(page: Page, code: 'nl' | 'en' | 'ar'): Promise<void> {
  await page.locator('nk-language-picker select').selectOption(code);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
}

describe('plain words', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let joiner: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    parent = await launchBrowser({ viewport: PHONE });
    joiner = await launchBrowser({ viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await joiner?.close();
    await server?.dispose();
  });

  it('refuses the example passphrase, ends toasts with their screen, counts in words, dates without seconds', async () => {
    const page = parent.page;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(server.url);
    await page
      .getByRole('link', { name: /Account maken/ })
      .first()
      .waitFor();
    // The first page does not carry the dictionaries.
    expect(scripts.filter((path) => /strength-estimator/.test(path))).toEqual([]);

    await page
      .getByRole('link', { name: /Account maken/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    await expect.poll(() => scripts.some((path) => /strength-estimator/.test(path))).toBe(true);
    await page.getByLabel('Gebruikersnaam').fill('ouder-woorden');
    const passphrase = page.getByLabel('Wachtwoordzin', { exact: true });
    const refused = 'Dit is het voorbeeld uit de tip. Iedereen kan het lezen. Bedenk je eigen zin.';
    for (const example of ['groene fiets onder de appelboom', 'Groene fiets onder de appelboom!']) {
      await passphrase.fill(example);
      await page.getByText(refused).waitFor();
      await page.getByLabel('Wachtwoordzin nog een keer').fill(example);
      await page.getByRole('button', { name: 'Account maken' }).click();
      // Not made: the passphrase field is marked wrong, has the focus and is described by the reason.
      await expect.poll(() => passphrase.getAttribute('aria-invalid')).toBe('true');
      expect(await deepFocus(page)).toBe('passphrase');
      expect(await passphrase.getAttribute('aria-describedby')).toContain('passphrase-strength');
      await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    }
    await screenshot(page, 'plain-words-example-refused');
    await passphrase.fill(PASSPHRASE);
    await page.getByText('Sterk. Goed gekozen!').waitFor();
    await page.getByLabel('Wachtwoordzin nog een keer').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
    await confirmRecovery(page);

    // A toast said just before a navigation belongs to the new screen; the next screen ends it.
    const toast = page.locator('nk-app footer .announce');
    await createMap(page, TITLE);
    await expect.poll(() => toast.innerText()).toBe('Je nieuwe kaart is klaar.');
    await page.locator('header').getByRole('link', { name: 'Mijn kaarten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await expect.poll(() => toast.innerText(), { timeout: 1000 }).toBe('');

    // "1 van hen hoort bij je eigen kring" (one of two people is family).
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await addPerson(page, {
      label: 'Oma Ria — oma',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Praktische hulp'],
    });
    await addPerson(page, {
      label: 'Dr. Jansen — huisarts',
      category: 'pro-medical',
      ring: 'Verder weg',
      support: ['Medische zorg'],
    });
    await page
      .getByText('1 van hen hoort bij je eigen kring: familie, vrienden of buren.')
      .waitFor();
    expect(await page.getByText('1 van hen horen').count()).toBe(0);

    // The invite's expiry: the app's language, minutes at most.
    await page.getByRole('link', { name: 'Wie doet mee?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    await inviteByLink(page);
    for (const [code, prefix] of [
      ['nl', 'Geldig tot'],
      ['en', 'Valid until'],
      ['ar', ''],
    ] as const) {
      await switchLanguage(page, code);
      const line = page
        .locator('nk-members li')
        .filter({ has: page.getByRole('button', { name: /Intrekken|Withdraw|سحب|إلغاء/ }) })
        .first();
      await line.waitFor();
      if (prefix !== '') await expect.poll(() => line.innerText()).toContain(prefix);
      else await expect.poll(() => line.innerText()).not.toContain('Valid until');
      const text = (await line.innerText()).trim();
      expect(text, `${code}: ${text}`).not.toMatch(SECONDS);
      // The year is there, so it is a full date, in this language's way.
      expect(text, text).toMatch(/2026|2027|٢٠٢٦|٢٠٢٧/);
      if (code === 'nl') expect(text).toMatch(/\d{1,2}:\d{2}/);
    }
    await switchLanguage(page, 'nl');
    expect(parent.problems).toEqual([]);
  }, 180_000);

  it('announces an empty name, and a broken link says what to do', async () => {
    const page = parent.page;
    const link = await inviteByLink(page);
    const j = joiner.page;
    await j.goto(link);
    await j.getByRole('heading', { level: 1, name: 'Meedoen op een kaart' }).waitFor();
    await j.getByRole('link', { name: 'Account maken' }).click();
    await j.getByLabel('Gebruikersnaam').fill('anouk-woorden');
    await j.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE);
    await j.getByLabel('Wachtwoordzin nog een keer').fill(PASSPHRASE);
    await j.getByRole('button', { name: 'Account maken' }).click();
    await j.getByLabel('Ik heb mijn herstelcode bewaard').check();
    await j.getByRole('button', { name: 'Verder' }).click();
    await j.getByLabel('Je naam').waitFor();

    // Sending without a name: said by a live region, and the field points at the sentence.
    await j.getByRole('button', { name: 'Vraag om mee te doen' }).click();
    const error = j.getByText('Vul je naam in.');
    await error.waitFor();
    const name = j.getByLabel('Je naam');
    expect(await error.getAttribute('aria-live')).toBe('assertive');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect(await deepFocus(j)).toBe('join-name');

    // A link with a piece missing: no "Er ging iets mis", but what to do.
    await j.goto(`${server.url}/doe-mee#dit-is-geen-geheim`);
    await j
      .getByText(
        'Deze link is niet heel. Misschien viel er een stukje weg bij het kopiëren. Vraag de ouder om de link nog een keer te sturen, of typ de code die je kreeg.',
      )
      .waitFor();
    expect(await j.getByText('Er ging iets mis. Probeer het opnieuw.').count()).toBe(0);
    await screenshot(j, 'plain-words-broken-link');
    await j.getByRole('button', { name: 'Code typen' }).click();
    await j.getByLabel('Code').waitFor();
    expect(joiner.problems).toEqual([]);
  }, 180_000);
});
