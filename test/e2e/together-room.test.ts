// Samen aan tafel as a closed room: from "Geef het apparaat aan de ouder" until the professional's own
// passphrase, nothing of her account is reachable — not by the header, the back button, a link inside
// the editor or a typed address (each tried) — and handing back needs her passphrase, checked on the
// device (a wrong one keeps the room closed; five wrong ones sign her out). The parent's recovery sheet
// offers printing and writing down, never a file. Screenshots of the room and the approval screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, createMap, login, register } from './support/flows.js';
import { PASSPHRASE } from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

/** Another family the professional works with: it must stay out of the parent's reach. */
const OTHER_FAMILY = 'Kaart van Linda';
const PARENT_PASSPHRASE = 'blauwe fiets onder de lindeboom';
const TITLE = 'Ons netwerk aan tafel';

/**
 * The professional signs up, has another family's map, and opens Samen aan tafel (its intro).
 * One place for it, so a later setting ("Ik werk als hulpverlener") can be switched on here.
 * Returns the other family's map path.
 */
async function professionalOpensTogether(page: Page, baseUrl: string, username: string) {
  await register(page, baseUrl, username, PASSPHRASE, { professional: true });
  await confirmRecovery(page);
  await createMap(page, OTHER_FAMILY);
  const otherMap = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Mijn kaarten' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
  await page.getByRole('link', { name: 'Nieuwe kaart met ouder' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nieuwe kaart met ouder' }).waitFor();
  return otherMap;
}

/** The header offers nothing of the professional's account, and her other family is nowhere. */
async function expectClosed(page: Page): Promise<void> {
  const header = page.locator('header');
  expect(await header.getByRole('link', { name: 'Mijn kaarten' }).count()).toBe(0);
  expect(await header.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
  // The logo is no link either (it leads to her maps when signed in).
  expect(await header.locator('a.brand').count()).toBe(0);
  expect(await page.getByText(OTHER_FAMILY).count()).toBe(0);
  expect(new URL(page.url()).pathname).toBe('/kaarten/samen');
}

/** The back button, three times: the room stays where it is. */
async function tryBack(page: Page, heading: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await page.goBack().catch(() => undefined);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectClosed(page);
  }
}

async function parentSignsUp(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Geef het apparaat aan de ouder' }).click();
  await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(PARENT_PASSPHRASE);
  await page.getByText('Sterk. Goed gekozen!').waitFor();
  await page.getByLabel('Wachtwoordzin nog een keer').fill(PARENT_PASSPHRASE);
  await page.getByRole('button', { name: 'Account maken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('Samen aan tafel is a closed room on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ viewport });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('keeps header, back button and the editor’s links away from her account; her passphrase opens it', async () => {
    const { page } = browser;
    await professionalOpensTogether(page, server.url, `pro-${device}`);
    // Before the hand-over her menu is there.
    await page.locator('header').getByRole('button', { name: 'Uitloggen' }).waitFor();
    await parentSignsUp(page, `ouder-${device}`);

    // The recovery sheet: print or write it down; no file on someone else's device.
    await page.getByTestId('recovery-shared').waitFor();
    await page.getByRole('button', { name: 'Printen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Opslaan als bestand' }).count()).toBe(0);
    await expectClosed(page);
    await screenshot(page, `together-room-recovery-${device}`);
    await tryBack(page, 'Je herstelcode');
    await page.getByLabel('Ik heb mijn herstelcode bewaard').check();
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByRole('heading', { level: 1, name: 'Geef je kaart een naam' }).waitFor();
    await page.getByLabel('Naam van de kaart').fill(TITLE);
    await page.getByRole('button', { name: 'Kaart maken' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await addPerson(page, {
      label: 'Oma Ria — oma',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Praktische hulp'],
    });
    await expectClosed(page);
    // Nothing of hers is saved as a file on this device: the editor's export menu is not there either.
    expect(await page.getByText('Opslaan als bestand').count()).toBe(0);
    await tryBack(page, TITLE);

    // The editor's own links ("← Mijn kaarten", "Wie doet mee?") lead nowhere from here.
    const room = page.locator('nk-together');
    for (const name of ['Mijn kaarten', 'Wie doet mee?']) {
      await room.getByRole('link', { name }).click();
      await page.getByText('Dat kan nu niet. Op je eigen telefoon kan het wel.').waitFor();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await expectClosed(page);
    }
    await screenshot(page, `together-room-fill-${device}`);
    await page.getByRole('button', { name: 'Klaar met invullen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Nu jij' }).waitFor();
    await page.getByLabel('Je naam').fill('Anouk Visser');
    await page.getByLabel('Je beroep').fill('verloskundige');
    await page.getByRole('button', { name: 'Vraag om mee te doen' }).click();

    // The approval screen in plain words, and the hint follows the checkbox.
    await page.getByRole('heading', { level: 1, name: 'Mag Anouk Visser meedoen?' }).waitFor();
    const sees = page.getByTestId('approval-sees');
    await expect
      .poll(() => sees.innerText())
      .toBe(
        'Anouk Visser ziet wie er op je kaart staat. Telefoonnummers en adressen ziet ze alleen als jij dat aanzet.',
      );
    await page.getByText('Anouk Visser doet mee als hulpverlener.', { exact: false }).waitFor();
    expect(await page.getByText(/basis|privé|professional/).count()).toBe(0);
    await expectClosed(page);
    await screenshot(page, `together-room-approve-${device}`);
    await page.getByLabel('Mag ook namen en contactgegevens zien').check();
    await expect
      .poll(() => sees.innerText())
      .toContain('met hun namen, telefoonnummers en adressen');
    await page.getByRole('button', { name: 'Toelaten', exact: true }).click();

    // Handing back: a wrong passphrase keeps the room closed, and says so to a screen reader.
    await page.getByRole('heading', { level: 1, name: 'Geef het apparaat terug' }).waitFor();
    await expectClosed(page);
    await tryBack(page, 'Geef het apparaat terug');
    await screenshot(page, `together-room-handback-${device}`);
    const passphrase = page.getByLabel('Jouw wachtwoordzin');
    await page.getByRole('button', { name: 'Verder als hulpverlener' }).click();
    await page.getByText('Vul je wachtwoordzin in.').waitFor();
    await passphrase.fill(PARENT_PASSPHRASE);
    await page.getByRole('button', { name: 'Verder als hulpverlener' }).click();
    const wrong = page.getByText('Deze wachtwoordzin klopt niet. Probeer het opnieuw.');
    await wrong.waitFor();
    expect(await wrong.getAttribute('aria-live')).toBe('assertive');
    expect(await passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(await passphrase.getAttribute('aria-describedby')).toBe(await wrong.getAttribute('id'));
    await expectClosed(page);

    await passphrase.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Verder als hulpverlener' }).click();
    await page.getByTestId('together-done').waitFor();
    // Open again: her menu is back, and so are her families.
    await page.locator('header').getByRole('link', { name: 'Mijn kaarten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await page.getByRole('link', { name: new RegExp(OTHER_FAMILY) }).waitFor();
    await page.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    expect(browser.problems).toEqual([]);
  }, 240_000);

  it('a typed address leaves the room only for the login screen; five wrong passphrases sign her out', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/inloggen`);
    await login(page, `pro-${device}`, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    const otherMap = new URL(
      (await page.getByRole('link', { name: new RegExp(OTHER_FAMILY) }).getAttribute('href')) ?? '',
      server.url,
    ).pathname;
    await page.getByRole('link', { name: 'Nieuwe kaart met ouder' }).click();
    await page.getByRole('button', { name: 'Geef het apparaat aan de ouder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    await expectClosed(page);

    // Typed addresses: the page loads anew, and her maps ask for her passphrase first.
    for (const path of [otherMap, `${otherMap}/wie-doet-mee`, '/mijn-profiel', '/kaarten']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.getByText(OTHER_FAMILY).count()).toBe(0);
      expect(await page.locator('header').getByRole('button', { name: 'Uitloggen' }).count()).toBe(
        0,
      );
    }

    // Stopping halfway ends the parent's session and hands back the same way.
    await login(page, `pro-${device}`, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await page.getByRole('link', { name: 'Nieuwe kaart met ouder' }).click();
    await parentSignsUp(page, `ouder-stopt-${device}`);
    await page.getByRole('button', { name: 'Stoppen en de ouder uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Geef het apparaat terug' }).waitFor();
    await expectClosed(page);
    const passphrase = page.getByLabel('Jouw wachtwoordzin');
    for (let i = 1; i < 5; i++) {
      await passphrase.fill(`geraden zin nummer ${i}`);
      await page.getByRole('button', { name: 'Verder als hulpverlener' }).click();
      await page.getByText('Deze wachtwoordzin klopt niet. Probeer het opnieuw.').waitFor();
      await expect.poll(() => passphrase.inputValue()).toBe('');
      await expectClosed(page);
    }
    await passphrase.fill('geraden zin nummer 5');
    await page.getByRole('button', { name: 'Verder als hulpverlener' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByText('Te vaak een verkeerde wachtwoordzin. Log opnieuw in.').waitFor();
    expect(await page.getByText(OTHER_FAMILY).count()).toBe(0);
    // Her maps need her passphrase now, on any path.
    await page.goto(`${server.url}/kaarten`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(browser.problems).toEqual([]);
  }, 240_000);
});
