// Recovery through a person she trusts (decision 0026), in two Chromium contexts on phones: she
// chooses a helper after comparing a code, "forgets", the helper starts, the server's clock moves past
// the wait, the helper hands her a way back in and she sets a new passphrase and sees her map; and she
// stops one during the wait, after which the helper cannot finish.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  addPerson,
  confirmRecovery,
  createMap,
  register,
  showList,
  type Person,
} from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const PASSPHRASE = 'paarse tulpen naast de brievenbus';
const HELPER_PASSPHRASE = 'groene fietsen bij het station';
const NEW_PASSPHRASE = 'zeven blauwe vogels zingen samen';
const DAY = 24 * 60 * 60 * 1000;
const TITLE = 'Kaart van Noor';
const PEOPLE: Person[] = [
  { label: 'Oma Fatma', category: 'family', ring: 'Heel dichtbij', support: ['Praktische hulp'] },
  {
    label: 'Buurvrouw Els',
    category: 'community',
    ring: 'Dichtbij',
    support: ['Iemand om mee te praten'],
  },
];

async function openAccountItem(page: Page, item: string): Promise<void> {
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  await page.getByRole('link', { name: item }).click();
  await page.getByRole('heading', { level: 1, name: item }).waitFor();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('Je bent uitgelogd.').first().waitFor();
}

const codeOf = async (page: Page, selector: string) =>
  (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

/** She names the helper after they compared the code on both phones. */
async function chooseHelper(
  parent: Page,
  helper: Page,
  helperName: string,
  parentName: string,
  days: 3 | 7,
) {
  await openAccountItem(parent, 'Hulp om weer binnen te komen');
  await parent.getByLabel('Gebruikersnaam van die persoon').fill(helperName);
  await parent.getByLabel(days === 3 ? '3 dagen' : '7 dagen').check();
  await parent.getByRole('button', { name: 'Verder' }).click();
  await parent.getByRole('heading', { name: 'Vergelijk de code' }).waitFor();
  const herCode = await codeOf(parent, 'nk-trusted-helpers .code');
  await openAccountItem(helper, 'Iemand helpen weer binnen te komen');
  await helper.getByLabel('Gebruikersnaam').fill(parentName);
  await helper.getByRole('button', { name: 'Laat mijn code zien' }).click();
  await helper.locator('#own-code').waitFor();
  expect(await codeOf(helper, '#own-code')).toBe(herCode);
  await screenshot(parent, 'trusted-compare-390');
  await parent.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
  await parent.getByText(`${helperName} kan je nu helpen als je er niet meer in komt.`).waitFor();
  await parent.getByText(`wachttijd ${days} dagen`).waitFor();
}

async function helperStarts(helper: Page, parentName: string): Promise<void> {
  await helper.getByRole('button', { name: `Start met ${parentName} helpen` }).click();
  await helper.getByText(`Gestart. ${parentName} krijgt een melding.`).waitFor();
}

describe('recovery through a person she trusts', () => {
  let server: TestServer;
  let clockDir: string;
  let clockFile: string;
  let parent: TestBrowser;
  let helper: TestBrowser;
  const moveServerClock = (ms: number) => writeFileSync(clockFile, String(ms));

  beforeAll(async () => {
    clockDir = mkdtempSync(join(tmpdir(), 'nk-e2e-clock-'));
    clockFile = join(clockDir, 'offset');
    moveServerClock(0);
    server = await startServer({ TEST_CLOCK_FILE: clockFile });
  });
  afterAll(async () => {
    await server?.dispose();
    rmSync(clockDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    moveServerClock(0);
    parent = await launchBrowser({ viewport: PHONE });
    helper = await launchBrowser({ viewport: PHONE });
    // the helper's phone checks the wait by its own clock: the test moves it with the server's
    await helper.context.clock.install({ time: Date.now() });
  });
  afterEach(async () => {
    expect(parent.problems).toEqual([]);
    expect(helper.problems).toEqual([]);
    await parent?.close();
    await helper?.close();
  });

  it('after the wait her helper lets her in on her new device; she sets a new passphrase and sees her map with all its people', async () => {
    const p = parent.page;
    const h = helper.page;
    await register(h, server.url, 'vera', HELPER_PASSPHRASE);
    await confirmRecovery(h);
    await register(p, server.url, 'noor', PASSPHRASE);
    await confirmRecovery(p);
    await createMap(p, TITLE);
    for (const person of PEOPLE) await addPerson(p, person);
    await chooseHelper(p, h, 'vera', 'noor', 7);
    await screenshot(p, 'trusted-helpers-390');

    // she phones: "ik kom er niet meer in"; vera starts, and every screen of hers shows it
    await helperStarts(h, 'noor');
    await p.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    const banner = p.getByText(
      'vera is gestart met jou helpen weer binnen te komen. Was jij dat niet? Stop het.',
    );
    await banner.waitFor();
    await screenshot(p, 'trusted-banner-390');
    await logout(p);

    // during the wait her new device gets nothing
    await p.goto(`${server.url}/inloggen`);
    await p.getByRole('link', { name: 'Hulp van iemand die je vertrouwt' }).click();
    await p.getByLabel('Gebruikersnaam').fill('noor');
    await p.getByRole('button', { name: 'Verder' }).click();
    await p
      .getByRole('alert')
      .filter({ hasText: 'Er is nog niemand klaar om je te helpen.' })
      .waitFor();

    // seven days later, on the server and on vera's phone
    moveServerClock(7 * DAY + 60_000);
    await helper.context.clock.setSystemTime(Date.now() + 7 * DAY + 120_000);
    await p.getByRole('button', { name: 'Verder' }).click();
    await p.getByRole('heading', { name: 'Lees deze code voor aan je helper' }).waitFor();
    const deviceCode = await codeOf(p, '#handover-code');
    await screenshot(p, 'trusted-handover-code-390');
    await h.locator('#handover-code').waitFor({ timeout: 30_000 });
    expect(await codeOf(h, '#handover-code')).toBe(deviceCode);
    await screenshot(h, 'trusted-helping-390');
    await h.getByRole('button', { name: 'Ja, gelijk: laat noor binnen' }).click();
    await h.getByText('Gelukt.', { exact: false }).waitFor();

    // her device sets the new passphrase; a new recovery code replaces the old one
    await p
      .getByRole('heading', { level: 1, name: 'Kies een nieuwe wachtwoordzin' })
      .waitFor({ timeout: 30_000 });
    await p.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(NEW_PASSPHRASE);
    await p.getByLabel('Nieuwe wachtwoordzin nog een keer').fill(NEW_PASSPHRASE);
    await p.getByRole('button', { name: 'Wachtwoordzin opslaan' }).click();
    await p.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
    await confirmRecovery(p);
    await p.getByRole('link', { name: new RegExp(TITLE) }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showList(p);
    for (const person of PEOPLE)
      await p.locator('nk-map-editor').getByText(person.label).first().waitFor();

    // vera helped once: she is no longer her helper, and the new passphrase works
    await openAccountItem(p, 'Hulp om weer binnen te komen');
    await p.getByRole('heading', { name: 'Iemand kiezen' }).waitFor();
    expect(await p.getByText('wachttijd 7 dagen').count()).toBe(0);
    await h.getByText('Nog niemand heeft jou gekozen.').waitFor({ timeout: 30_000 });
  });

  it('she stops it during the waiting period: after the wait the helper cannot let anyone in', async () => {
    const p = parent.page;
    const h = helper.page;
    await register(h, server.url, 'ravi', HELPER_PASSPHRASE);
    await confirmRecovery(h);
    await register(p, server.url, 'lina', PASSPHRASE);
    await confirmRecovery(p);
    await chooseHelper(p, h, 'ravi', 'lina', 3);
    await helperStarts(h, 'lina');
    await p.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await p
      .getByText('ravi is gestart met jou helpen weer binnen te komen.', { exact: false })
      .waitFor();
    await p.getByRole('button', { name: 'Stop het' }).click();
    await p.getByText('Gestopt. ravi kan je nu niet binnenlaten.').waitFor();

    moveServerClock(3 * DAY + 60_000);
    await helper.context.clock.setSystemTime(Date.now() + 3 * DAY + 120_000);
    // the helper's phone is back at the start: nothing to hand over
    await h.getByRole('button', { name: 'Start met lina helpen' }).waitFor({ timeout: 30_000 });
    expect(await h.locator('#handover-code').count()).toBe(0);
    await logout(p);
    await p.goto(`${server.url}/hulp-bij-inloggen`);
    await p.getByLabel('Gebruikersnaam').fill('lina');
    await p.getByRole('button', { name: 'Verder' }).click();
    await p
      .getByRole('alert')
      .filter({ hasText: 'Er is nog niemand klaar om je te helpen.' })
      .waitFor();
  });
});
