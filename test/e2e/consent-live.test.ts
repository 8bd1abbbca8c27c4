// Live updates, warm handover and leaving, in two separate Chromium browsers: a borger suggests the
// next person on her card; the parent sees it and makes a normal invite with that name only as a
// reminder (never sent); the parent's open map shows a person the borger adds, without reloading
// and without losing what the parent is typing; then the borger stops and no longer sees the map,
// and the parent's history says she stopped; the parent's device takes her off the member list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, login, showList } from './support/flows.js';
import {
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  PASSPHRASE,
  parentWithMap,
  pendingCode,
  writeCard,
  type JoinerProfile,
} from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Kaart van Noor';
const BORGER: JoinerProfile = {
  username: 'borger-ilse',
  name: 'Ilse Jansen',
  profession: 'maatje of buddy',
  organisation: 'Home-Start West',
  contact: 'ilse@example.org',
  availability: 'woensdag',
  professional: true,
};
const SUGGESTED = { name: 'Karim Haddad', role: 'taalcoach' };

describe('consent: live map, warm handover and leaving', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let borger: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    parent = await launchBrowser({ viewport: DESKTOP });
    borger = await launchBrowser({ viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await borger?.close();
    await server?.dispose();
  });

  it('suggests, invites by reminder, updates the open map live, and lets a member stop', async () => {
    const started = Date.now();
    const p = parent.page;
    const b = borger.page;
    const sent: string[] = [];
    p.on('request', (request) => {
      if (request.url().includes('/api/'))
        sent.push(`${request.url()} ${request.postData() ?? ''}`);
    });

    await parentWithMap(p, server.url, 'noor-ouder', TITLE);
    const link = await inviteByLink(p);
    const code = await joinByLink(b, link, BORGER);
    expect(await pendingCode(p, BORGER.name)).toBe(code);
    await approve(p, BORGER.name, 'borger (jij vraagt het, de ander zegt ja)');
    await joinerOpensMap(b, TITLE);

    // Warm handover: the borger names someone who could help next, on her own card.
    await b.getByLabel('Naam', { exact: true }).fill(SUGGESTED.name);
    await b.getByLabel('Wat doet deze persoon?').fill(SUGGESTED.role);
    await b.getByRole('button', { name: 'Voeg toe aan je kaartje' }).click();
    await b.getByRole('button', { name: `${SUGGESTED.name} weghalen` }).waitFor();
    await writeCard(b, {
      whatIDo: 'Ik kom elke week langs',
      howToReach: 'Stuur een berichtje',
      when: 'woensdag',
    });
    await screenshot(b, 'consent-live-suggestion-written');

    // The parent sees it arrive on the borger's card and turns it into a normal invite.
    const suggestion = member(p, BORGER.name)
      .getByTestId('suggestion')
      .filter({ hasText: SUGGESTED.name });
    await suggestion.filter({ hasText: SUGGESTED.role }).waitFor();
    await suggestion.getByRole('button', { name: 'Nodig deze persoon uit' }).click();
    await p.getByTestId('invite-for').filter({ hasText: SUGGESTED.name }).waitFor();
    const before = sent.length;
    await inviteByLink(p);
    await p
      .getByTestId('invite-created')
      .filter({ hasText: `Uitnodiging voor ${SUGGESTED.name}` })
      .waitFor();
    await screenshot(p, 'consent-live-suggestion-invite');
    // The name is only a reminder on the parent's screen: it goes nowhere.
    expect(sent.length).toBeGreaterThan(before);
    for (const request of sent) {
      expect(request).not.toContain(SUGGESTED.name);
      expect(request).not.toContain(encodeURIComponent(SUGGESTED.name));
    }

    // The parent opens the map (one person on it, as a list) and starts typing a new person.
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await addPerson(p, {
      label: 'P. — partner',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Steun en aandacht'],
    });
    await showList(p);
    await p.evaluate(() => {
      (window as unknown as { nkNoReload: boolean }).nkNoReload = true;
    });

    // The borger adds someone on her phone; the parent's open list shows it without reloading.
    await b.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await b.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await addPerson(b, {
      label: 'O. — oma',
      category: 'family',
      ring: 'Dichtbij',
      support: ['Praktische hulp'],
    });
    // the borger's own toast speaks of the parent's map, not of hers
    expect(await b.getByRole('status').innerText()).toContain('O. — oma staat op de kaart.');
    await p.getByRole('heading', { level: 4, name: 'O. — oma' }).waitFor({ timeout: 20_000 });

    // Typing in an open form survives the next live update.
    await p.bringToFront();
    await p.getByRole('button', { name: 'Iemand toevoegen' }).click();
    await p.getByRole('heading', { name: 'Stap 1 van 3: Wie is het?' }).waitFor();
    await p.getByLabel('Naam of voorletter').fill('B.');
    await b.bringToFront();
    await addPerson(b, {
      label: 'J. — buurvrouw',
      category: 'community',
      ring: 'Verder weg',
      support: ['Praktische hulp'],
    });
    await p.getByRole('heading', { level: 4, name: 'J. — buurvrouw' }).waitFor({ timeout: 20_000 });
    await expect(p.getByLabel('Naam of voorletter').inputValue()).resolves.toBe('B.');
    await expect(
      p.evaluate(() => (window as unknown as { nkNoReload?: boolean }).nkNoReload),
    ).resolves.toBe(true);
    await screenshot(p, 'consent-live-map-updated');

    // The borger stops with this map and no longer sees it; the parent's screen shows she left.
    const mapUrl = b.url();
    await b.getByRole('link', { name: 'Wie doet mee?' }).click();
    await b.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    await b.getByRole('button', { name: 'Stoppen met deze kaart' }).click();
    await b.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await expect(b.getByRole('link', { name: new RegExp(TITLE) }).count()).resolves.toBe(0);
    // Opening the map's address again (a fresh page: log in) does not bring it back.
    await b.goto(mapUrl);
    await login(b, BORGER.username, PASSPHRASE);
    await b
      .getByRole('alert')
      .filter({ hasText: 'Deze kaart staat niet bij jouw kaarten.' })
      .waitFor();
    await screenshot(b, 'consent-live-left');

    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    // Her slot is gone (the signed log keeps her until the parent removes her): the history says so.
    await expect
      .poll(() => p.getByTestId('history').innerText(), { timeout: 20_000 })
      .toMatch(new RegExp(`${BORGER.name}.*\\(deed eerder mee\\) is gestopt met de kaart`));
    // The parent's device wrote her REMOVE and re-keyed on opening: she is off the member list.
    await expect.poll(() => member(p, BORGER.name).count()).toBe(0);
    await expect(p.getByTestId('history').innerText()).resolves.toMatch(
      new RegExp(`${BORGER.name}.*\\(deed eerder mee\\) heeft geen toegang meer sinds`),
    );

    expect(parent.problems).toEqual([]);
    expect(borger.problems).toEqual([]);
    console.log(`live, handover and leave flow took ${Date.now() - started} ms`);
  });
});
