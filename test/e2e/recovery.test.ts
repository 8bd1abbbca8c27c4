// Back in with the recovery code, a new passphrase, and deleting an account, on a phone in Chromium:
// the map comes back with all its people, a used code is spent, and deletion does to each map what it says.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  PASSPHRASE as JOINER_PASSPHRASE,
  pendingCode,
  type JoinerProfile,
} from './support/consent.js';
import {
  addPerson,
  confirmRecovery,
  createMap,
  login,
  register,
  showList,
  type Person,
} from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const PASSPHRASE = 'paarse tulpen naast de brievenbus';
const NEW_PASSPHRASE = 'zeven blauwe vogels zingen samen';
const TITLE = 'Kaart van Noor';

const PEOPLE: Person[] = [
  { label: 'Oma Fatma', category: 'family', ring: 'Heel dichtbij', support: ['Praktische hulp'] },
  {
    label: 'Buurvrouw Els',
    category: 'community',
    ring: 'Dichtbij',
    support: ['Iemand om mee te praten'],
  },
  {
    label: 'Verloskundige Anouk',
    category: 'pro-medical',
    ring: 'Dichtbij',
    support: ['Medische zorg'],
  },
];

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('Je bent uitgelogd.').first().waitFor();
}

/** From the login screen: "Wachtwoordzin vergeten?", username and code; answers the login's status. */
async function useCode(
  page: Page,
  baseUrl: string,
  username: string,
  code: string,
): Promise<number> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('link', { name: 'Wachtwoordzin vergeten?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wachtwoordzin vergeten' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Herstelcode').fill(code);
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/accounts/login'));
  await page.getByRole('button', { name: 'Verder' }).click();
  return (await answer).status();
}

async function fillNewPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(passphrase);
  await page.getByLabel('Nieuwe wachtwoordzin nog een keer').fill(passphrase);
}

/** Logs in and answers the login's HTTP status. */
async function tryLogin(
  page: Page,
  baseUrl: string,
  username: string,
  passphrase: string,
): Promise<number> {
  await page.goto(`${baseUrl}/inloggen`);
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/accounts/login'));
  await login(page, username, passphrase);
  return (await answer).status();
}

async function openAccount(page: Page, item: 'Wachtwoordzin veranderen' | 'Account verwijderen') {
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  await page.getByRole('link', { name: item }).click();
  await page.getByRole('heading', { level: 1, name: item }).waitFor();
}

describe('recovery, passphrase change and deletion', () => {
  let server: TestServer;
  let parent: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  beforeEach(async () => {
    parent = await launchBrowser({ viewport: PHONE });
  });
  afterEach(async () => {
    expect(parent.problems).toEqual([]);
    await parent?.close();
  });

  it('forgets the passphrase: the recovery code and a new passphrase open her map with all its people; the old code is spent', async () => {
    const p = parent.page;
    const oldCode = await register(p, server.url, 'noor', PASSPHRASE);
    await confirmRecovery(p);
    await createMap(p, TITLE);
    for (const person of PEOPLE) await addPerson(p, person);
    await logout(p);

    // A typo in the code: a plain sentence, and nothing is sent that could lock her out.
    await p.goto(`${server.url}/inloggen`);
    await p.getByRole('link', { name: 'Wachtwoordzin vergeten?' }).click();
    await p.getByLabel('Gebruikersnaam').fill('noor');
    await p.getByLabel('Herstelcode').fill('ABCD-EFGH');
    await p.getByRole('button', { name: 'Verder' }).click();
    await p
      .getByRole('alert')
      .filter({ hasText: 'De gebruikersnaam of de herstelcode klopt niet.' })
      .waitFor();

    expect(await useCode(p, server.url, 'noor', oldCode)).toBe(200);
    await p.getByRole('heading', { level: 1, name: 'Kies een nieuwe wachtwoordzin' }).waitFor();
    await fillNewPassphrase(p, 'kort');
    await p.getByRole('button', { name: 'Wachtwoordzin opslaan' }).click();
    await p.getByText('Nog te kort. Gebruik minstens 12 tekens.').waitFor();
    await fillNewPassphrase(p, NEW_PASSPHRASE);
    await p.getByText('Sterk. Goed gekozen!').waitFor();
    await p.getByRole('button', { name: 'Wachtwoordzin opslaan' }).click();

    // The sheet shows a new code and says plainly that the old one stopped working.
    await p.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
    await p
      .getByTestId('recovery-replaced')
      .getByText('Je oude herstelcode werkt niet meer.', { exact: false })
      .waitFor();
    const newCode = (await p.getByTestId('recovery-code').innerText()).replace(/\s+/g, ' ').trim();
    expect(newCode.replace(/\s/g, '')).not.toBe(oldCode.replace(/[\s-]/g, ''));
    await confirmRecovery(p);

    // Her map, intact: every person is on it.
    await p.getByRole('link', { name: new RegExp(TITLE) }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showList(p);
    for (const person of PEOPLE)
      await p.locator('nk-map-editor').getByText(person.label).first().waitFor();
    await logout(p);

    // The server refuses the old code and the old passphrase; the new code and passphrase work.
    expect(await useCode(p, server.url, 'noor', oldCode)).toBe(401);
    await p
      .getByRole('alert')
      .filter({ hasText: 'De gebruikersnaam of de herstelcode klopt niet.' })
      .waitFor();
    expect(await tryLogin(p, server.url, 'noor', PASSPHRASE)).toBe(401);
    expect(await tryLogin(p, server.url, 'noor', NEW_PASSPHRASE)).toBe(200);
    await p.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await logout(p);
    expect(await useCode(p, server.url, 'noor', newCode)).toBe(200);
    await p.getByRole('heading', { level: 1, name: 'Kies een nieuwe wachtwoordzin' }).waitFor();
  });

  it('changes the passphrase with the current one: the old one stops working, the new one works', async () => {
    const p = parent.page;
    await register(p, server.url, 'sara', PASSPHRASE);
    await confirmRecovery(p);
    await createMap(p, 'Kaart van Sara');
    await openAccount(p, 'Wachtwoordzin veranderen');
    await p.getByLabel('Huidige wachtwoordzin').fill('niet mijn wachtwoordzin');
    await fillNewPassphrase(p, NEW_PASSPHRASE);
    await p.getByRole('button', { name: 'Wachtwoordzin opslaan' }).click();
    await p
      .getByRole('alert')
      .filter({ hasText: 'Je huidige wachtwoordzin klopt niet.' })
      .waitFor();
    await p.getByLabel('Huidige wachtwoordzin').fill(PASSPHRASE);
    await p.getByRole('button', { name: 'Wachtwoordzin opslaan' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wachtwoordzin veranderd' }).waitFor();
    await p
      .getByTestId('change-done')
      .getByText('De oude werkt niet meer.', { exact: false })
      .waitFor();
    await logout(p);

    expect(await tryLogin(p, server.url, 'sara', PASSPHRASE)).toBe(401);
    await p
      .getByRole('alert')
      .filter({ hasText: 'De gebruikersnaam of de wachtwoordzin klopt niet.' })
      .waitFor();
    expect(await tryLogin(p, server.url, 'sara', NEW_PASSPHRASE)).toBe(200);
    await p.getByRole('link', { name: /Kaart van Sara/ }).waitFor();
  });

  it('deletes a member account (she leaves the map) and an owner account (her map goes for everyone)', async () => {
    const p = parent.page;
    const other = await launchBrowser({ viewport: PHONE });
    try {
      const j = other.page;
      const midwife: JoinerProfile = {
        username: 'verloskundige-lot',
        name: 'Lot Bakker',
        profession: 'verloskundige',
        organisation: 'Verloskundigen Oost',
        contact: '010-1234567',
        availability: 'werkdagen',
      };
      await register(p, server.url, 'meryem', JOINER_PASSPHRASE);
      await confirmRecovery(p);
      await createMap(p, 'Kaart van Meryem');
      await p.getByRole('link', { name: 'Wie doet mee?' }).click();
      await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
      const code = await joinByLink(j, await inviteByLink(p), midwife);
      expect(await pendingCode(p, midwife.name)).toBe(code);
      await approve(p, midwife.name, 'Hulpverlener');
      await joinerOpensMap(j, 'Kaart van Meryem');

      // The member: the screen says she leaves the map; afterwards the owner sees that she left.
      await openAccount(j, 'Account verwijderen');
      const leaving = j.getByTestId('delete-leave');
      await leaving.getByText('Kaart van Meryem').waitFor();
      await expect(j.getByTestId('delete-delete').count()).resolves.toBe(0);
      await screenshot(j, 'delete-member');
      await j.getByLabel('Huidige wachtwoordzin').fill(JOINER_PASSPHRASE);
      await j.getByRole('button', { name: 'Account verwijderen' }).click();
      await j.getByText('Je account is verwijderd.').first().waitFor();
      await j.locator('nk-welcome h1').waitFor();
      expect(await tryLogin(j, server.url, midwife.username, JOINER_PASSPHRASE)).toBe(401);
      await expect
        .poll(() => p.getByTestId('history').innerText(), { timeout: 20_000 })
        .toMatch(new RegExp(`${midwife.name}.*is gestopt met de kaart`));
      // (the signed log keeps her until the owner removes her; her slot and card are gone)

      // A new member, then the owner deletes her account: the screen says the map goes for everyone.
      const buddy: JoinerProfile = {
        ...midwife,
        username: 'maatje-ina',
        name: 'Ina de Vries',
        profession: 'maatje',
      };
      await j.goto(server.url);
      const second = await joinByLink(j, await inviteByLink(p), buddy);
      expect(await pendingCode(p, buddy.name)).toBe(second);
      await approve(p, buddy.name, 'iemand uit je omgeving');
      await joinerOpensMap(j, 'Kaart van Meryem');
      await j.getByRole('link', { name: 'Mijn kaarten' }).click();
      await j.getByRole('link', { name: /Kaart van Meryem/ }).waitFor();

      await openAccount(p, 'Account verwijderen');
      await p.getByTestId('delete-delete').getByText('Kaart van Meryem').waitFor();
      await screenshot(p, 'delete-owner');
      await p.getByLabel('Huidige wachtwoordzin').fill('fout fout fout fout');
      await p.getByRole('button', { name: 'Account verwijderen' }).click();
      await p
        .getByRole('alert')
        .filter({ hasText: 'Je huidige wachtwoordzin klopt niet.' })
        .waitFor();
      await p.getByLabel('Huidige wachtwoordzin').fill(JOINER_PASSPHRASE);
      await p.getByRole('button', { name: 'Account verwijderen' }).click();
      await p.getByText('Je account is verwijderd.').first().waitFor();
      expect(await tryLogin(p, server.url, 'meryem', JOINER_PASSPHRASE)).toBe(401);

      // The other member's view: the map is gone.
      await j.getByRole('link', { name: /Kaart van Meryem/ }).click();
      await j
        .getByRole('alert')
        .filter({ hasText: /niet gevonden|geen toegang meer/ })
        .waitFor();
      await screenshot(j, 'delete-owner-member-view');
      expect(other.problems).toEqual([]);
    } finally {
      await other.close();
    }
  });
  it('deletes an owner account when there is a second owner: the map stays with the other owner', async () => {
    const p = parent.page;
    const other = await launchBrowser({ viewport: PHONE });
    try {
      const j = other.page;
      const partner: JoinerProfile = {
        username: 'partner-jan',
        name: 'Jan Smit',
        profession: 'partner',
        organisation: '',
        contact: '06-12345678',
        availability: 'altijd',
      };
      await register(p, server.url, 'fenna', JOINER_PASSPHRASE);
      await confirmRecovery(p);
      await createMap(p, 'Kaart van Fenna');
      await addPerson(p, PEOPLE[0]!);
      await p.getByRole('link', { name: 'Wie doet mee?' }).click();
      await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
      const code = await joinByLink(j, await inviteByLink(p), partner);
      expect(await pendingCode(p, partner.name)).toBe(code);
      await approve(p, partner.name, 'tweede ouder (beheert de kaart met jou)');
      await joinerOpensMap(j, 'Kaart van Fenna');

      await openAccount(p, 'Account verwijderen');
      await p.getByTestId('delete-hand-over').getByText('Kaart van Fenna').waitFor();
      await expect(p.getByTestId('delete-delete').count()).resolves.toBe(0);
      await screenshot(p, 'delete-hand-over');
      await p.getByLabel('Huidige wachtwoordzin').fill(JOINER_PASSPHRASE);
      await p.getByRole('button', { name: 'Account verwijderen' }).click();
      await p.getByText('Je account is verwijderd.').first().waitFor();

      // The other owner's view: the map and its people are still there; she stopped.
      await expect
        .poll(() => j.getByTestId('history').innerText(), { timeout: 20_000 })
        .toMatch(/is gestopt met de kaart/);
      await j.getByRole('link', { name: 'Mijn kaarten' }).click();
      await j.getByRole('link', { name: /Kaart van Fenna/ }).click();
      await j.getByRole('heading', { level: 1, name: 'Kaart van Fenna' }).waitFor();
      await showList(j);
      await j.locator('nk-map-editor').getByText(PEOPLE[0]!.label).first().waitFor();
      expect(other.problems).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
