// Removal leaves no remains, in two Chromium browsers: the parent (Linda, by the name in the centre
// of her map) lets a midwife in as borger, marks her as vertrouwde persoon, and removes her. The
// midwife's list drops the map with one sentence and the map no longer opens; the parent's picture,
// list and A5 handout show no mark of her; her joining and her views stay in the parent's history,
// marked as a former member.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { showList, showPicture } from './support/flows.js';
import {
  NO_ACCESS,
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  parentWithMap,
  pendingCode,
  type JoinerProfile,
} from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Ons netwerk';
const MIDWIFE: JoinerProfile = {
  username: 'anouk-verlos',
  name: 'Anouk Visser',
  profession: 'verloskundige',
  organisation: 'Praktijk De Wieg',
  contact: '06-11223344',
  availability: 'werkdagen',
};
async function openHandout(p: Page): Promise<void> {
  await p.getByText('Printen', { exact: true }).click();
  await p.getByRole('link', { name: /Overzicht om mee te nemen/ }).click();
  await p.getByRole('heading', { level: 1, name: 'Printen: overzicht om mee te nemen' }).waitFor();
  await p.locator('nk-sheet-handout').waitFor();
}

const FORMER = `${MIDWIFE.name}, ${MIDWIFE.profession} (deed eerder mee)`;

describe('removal leaves no remains', () => {
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

  it('drops the map from her list, ends her marks and keeps her lines in the history', async () => {
    const p = parent.page;
    const m = midwife.page;
    await parentWithMap(p, server.url, 'linda-ouder', TITLE);
    // Linda puts her own name in the centre of the map.
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByText('Namen in het midden van de kaart').click();
    await p.getByLabel('Jij (en je partner)').fill('Linda');
    await p.getByRole('button', { name: 'Namen bewaren' }).click();
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();

    const link = await inviteByLink(p);
    const code = await joinByLink(m, link, MIDWIFE);
    expect(await pendingCode(p, MIDWIFE.name)).toBe(code);
    await approve(p, MIDWIFE.name, 'borger (jij vraagt het, de ander zegt ja)');
    await joinerOpensMap(m, TITLE);
    await m.getByRole('button', { name: 'Ja, ik word borger' }).click();
    await member(p, MIDWIFE.name).getByTestId('borger-mark').waitFor();
    // The midwife sees the parent by her centre name, never by her username.
    await member(m, 'Linda').waitFor();
    await expect(m.locator('nk-members').innerText()).resolves.not.toContain('linda-ouder');

    await member(p, MIDWIFE.name)
      .getByRole('button', { name: `Maak ${MIDWIFE.name} je vertrouwde persoon` })
      .click();
    await member(p, MIDWIFE.name).getByTestId('trusted-mark').waitFor();
    const history = p.getByTestId('history');
    await expect
      .poll(() => history.innerText(), { timeout: 15_000 })
      .toContain(`${MIDWIFE.name}, ${MIDWIFE.profession} bekeek je kaart op`);

    // On the map both marks show, also on the A5 handout.
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showPicture(p);
    const polygons = p.locator('nk-map-editor nk-ring-picture g.entry polygon');
    await expect.poll(() => polygons.count()).toBe(2);
    await openHandout(p);
    await p.getByText('Mijn vertrouwde persoon:').waitFor();
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Removal.
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    await member(p, MIDWIFE.name).getByRole('button', { name: 'Van de kaart halen' }).click();
    await member(p, MIDWIFE.name)
      .getByRole('button', { name: `Ja, haal ${MIDWIFE.name} van de kaart` })
      .click();
    await expect.poll(() => member(p, MIDWIFE.name).count()).toBe(0);

    // Her open screen says so, and her list no longer holds the map.
    await m.getByTestId('no-access').filter({ hasText: NO_ACCESS }).waitFor();
    await m.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await m.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await m
      .getByTestId('lost-maps')
      .filter({ hasText: `${TITLE} staat niet meer bij je kaarten, want je doet niet meer mee.` })
      .waitFor();
    await expect(m.locator('nk-map-list ul.maps a').count()).resolves.toBe(0);
    await screenshot(m, 'removal-midwife-list');
    await m.setViewportSize(DESKTOP);
    await screenshot(m, 'removal-midwife-list-desktop');

    // The parent's history keeps her joining and her views, marked as a former member.
    await expect
      .poll(() => history.innerText(), { timeout: 15_000 })
      .toContain(`${FORMER} heeft geen toegang meer sinds`);
    const lines = await history.innerText();
    expect(lines).toContain(`${FORMER} doet mee als borger sinds`);
    expect(lines).toContain(`${FORMER} bekeek je kaart op`);
    await screenshot(p, 'removal-parent-history');
    await p.setViewportSize(PHONE);
    await screenshot(p, 'removal-parent-history-phone');
    await p.setViewportSize(DESKTOP);

    // No mark of her on the picture, the list or the A5 handout.
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showPicture(p);
    await p.getByRole('button', { name: new RegExp(`^${MIDWIFE.name}`) }).waitFor();
    await expect(polygons.count()).resolves.toBe(0);
    await expect(p.locator('nk-map-editor nk-ring-picture text.mark').count()).resolves.toBe(0);
    await screenshot(p, 'removal-parent-picture');
    await showList(p);
    const card = p.locator('nk-person-card').filter({ hasText: MIDWIFE.name });
    await card.waitFor();
    await expect(card.locator('.marks li').count()).resolves.toBe(0);
    await openHandout(p);
    await expect(p.getByText('Mijn vertrouwde persoon:').count()).resolves.toBe(0);
    await screenshot(p, 'removal-parent-handout');

    expect(parent.problems).toEqual([]);
    expect(midwife.problems).toEqual([]);
  });
});
