// A professional's day, in two Chromium browsers: a midwife with a published profile opens Linda's
// invite; the join page says whose map it is and holds her profile (she types nothing); the
// parent's approval reaches her live (map shown in under 2 s); later her list says what changed on
// Linda's map since her last visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, login, register } from './support/flows.js';
import { PASSPHRASE, inviteByLink, member, parentWithMap, pendingCode } from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Netwerk rond Mila';
const PROFILE = {
  name: 'Anouk Visser',
  profession: 'verloskundige',
  organisation: 'Praktijk De Wieg',
  area: 'Delft',
  howToReach: '015 765 43 21',
};

describe('a professional’s day', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let midwife: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    parent = await launchBrowser({ viewport: DESKTOP });
    midwife = await launchBrowser({ viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await midwife?.close();
    await server?.dispose();
  });

  it('joins with her profile, sees the map live on approval, and sees what changed', async () => {
    const p = parent.page;
    const m = midwife.page;

    // Her one profile, published once.
    await register(m, server.url, 'anouk-wieg', PASSPHRASE, { professional: true });
    await confirmRecovery(m);
    await m.getByRole('link', { name: 'Vindbaar als hulpverlener' }).click();
    await m.getByLabel('Je naam').fill(PROFILE.name);
    await m.getByLabel('Je beroep').fill(PROFILE.profession);
    await m.getByLabel('Organisatie (mag leeg blijven)').fill(PROFILE.organisation);
    await m.getByLabel('Waar werk je?').fill(PROFILE.area);
    await m.getByLabel('Hoe kan een ouder je bereiken?').fill(PROFILE.howToReach);
    await m.getByRole('button', { name: 'Zet me in de lijst' }).click();
    await m.getByTestId('profile-published').waitFor();

    // Linda names herself in the centre of her map and invites her.
    await parentWithMap(p, server.url, 'linda-mila', TITLE);
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByText('Namen in het midden van de kaart').click();
    await p.getByLabel('Jij (en je partner)').fill('Linda');
    await p.getByRole('button', { name: 'Namen bewaren' }).click();
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    const link = await inviteByLink(p);

    // The link opens a fresh page: she logs in, and the form is hers already.
    await m.goto(link);
    await m.getByRole('link', { name: 'Inloggen' }).click();
    await login(m, 'anouk-wieg', PASSPHRASE);
    await m
      .getByTestId('join-whose')
      .filter({ hasText: 'Je vraagt om mee te doen met de kaart van Linda.' })
      .waitFor();
    await m.getByTestId('join-reused').waitFor();
    await expect(m.getByLabel('Je naam').inputValue()).resolves.toBe(PROFILE.name);
    await expect(m.getByLabel('Je beroep of rol').inputValue()).resolves.toBe(PROFILE.profession);
    await expect(m.getByLabel('Organisatie').inputValue()).resolves.toBe(PROFILE.organisation);
    await expect(m.getByLabel('Hoe kan de ouder je bereiken?').inputValue()).resolves.toBe(
      PROFILE.howToReach,
    );
    await screenshot(m, 'day-join-profile');
    await m.setViewportSize(DESKTOP);
    await screenshot(m, 'day-join-profile-desktop');
    await m.setViewportSize(PHONE);
    await m.getByRole('button', { name: 'Vraag om mee te doen' }).click();
    await m.getByText('Wacht tot de ouder je toelaat.').waitFor();
    const code = (await m.getByTestId('safety-code').innerText()).trim();
    expect(await pendingCode(p, PROFILE.name)).toBe(code);

    // Approval to map: live, not a 6-second poll.
    const request = p.getByTestId('join-request').filter({ hasText: PROFILE.name });
    await request.getByLabel('Hulpverlener').check();
    // she has been waiting a while: the held answer request is well under way
    await m.waitForTimeout(1500);
    const approvedAt = Date.now();
    await request.getByRole('button', { name: 'Toelaten', exact: true }).click();
    await m.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 10_000 });
    const tookMs = Date.now() - approvedAt;
    console.log(`approval to map shown: ${tookMs} ms`);
    expect(tookMs).toBeLessThan(2000);
    await member(p, PROFILE.name).waitFor();

    // She leaves the map; meanwhile Linda adds someone.
    await m.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await m.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    const changes = m.getByTestId('map-changes');
    await changes.filter({ hasText: 'Niets nieuws sinds je laatste bezoek.' }).waitFor();
    await m.getByRole('link', { name: 'Vindbaar als hulpverlener' }).click();
    await m.getByRole('heading', { level: 1, name: 'Vindbaar als hulpverlener' }).waitFor();
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await addPerson(p, {
      label: 'R. — oma',
      category: 'family',
      ring: 'Dichtbij',
      support: ['Steun en aandacht'],
    });

    // Her list says so, from what her device can read.
    await m.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await changes
      .filter({ hasText: 'Sinds je laatste bezoek: nieuw op de kaart: R. — oma.' })
      .waitFor();
    await screenshot(m, 'day-map-changes');
    await m.setViewportSize(DESKTOP);
    await screenshot(m, 'day-map-changes-desktop');

    expect(parent.problems).toEqual([]);
    expect(midwife.problems).toEqual([]);
  });
});
