// Roles through consent, in two separate Chromium browsers: a borger (the parent asks, the other says
// yes; either side can end it) and a second owner (the co-parent, only by the parent's invitation).
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  parentWithMap,
  pendingCode,
  type JoinerProfile,
} from './support/consent.js';
import { showList, showPicture } from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

describe('consent: roles', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let joiner: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  beforeEach(async () => {
    parent = await launchBrowser({ viewport: DESKTOP });
    joiner = await launchBrowser({ viewport: PHONE });
  });
  afterEach(async () => {
    expect(parent.problems).toEqual([]);
    expect(joiner.problems).toEqual([]);
    await parent?.close();
    await joiner?.close();
  });

  it('a borger: the parent asks, the buddy says yes, everyone sees it, and the parent can end it', async () => {
    const started = Date.now();
    const buddy: JoinerProfile = {
      username: 'maatje-els',
      name: 'Els de Wit',
      profession: 'maatje of buddy',
      organisation: 'Home-Start Oost',
      contact: 'els@example.org',
      availability: 'dinsdagmiddag',
    };
    const p = parent.page;
    const j = joiner.page;
    await parentWithMap(p, server.url, 'meriam', 'Kaart van Meriam');
    const link = await inviteByLink(p);
    const code = await joinByLink(j, link, buddy);
    expect(await pendingCode(p, buddy.name)).toBe(code);
    await approve(p, buddy.name, 'borger (jij vraagt het, de ander zegt ja)');
    // Asked, not yet accepted.
    await member(p, buddy.name).getByText('gevraagd als borger, wacht op ja').waitFor();

    await joinerOpensMap(j, 'Kaart van Meriam');
    await j.getByText('De ouder vraagt of jij haar borger wilt zijn.').waitFor();
    await screenshot(j, 'consent-borger-question');
    // A clear choice: yes or no, each its own answer on her card.
    await j.getByRole('button', { name: 'Nee, liever niet' }).waitFor();
    await j.getByRole('button', { name: 'Ja, ik word borger' }).click();
    await member(j, buddy.name).getByTestId('borger-mark').waitFor();
    // The parent sees the yes arrive without reloading.
    await member(p, buddy.name).getByTestId('borger-mark').waitFor();
    await screenshot(p, 'consent-borger-accepted');

    // On the parent's map (once Els stands on it) the borger is marked with a sign and the word,
    // in the picture (also for the screen reader) and in the list.
    await member(p, buddy.name)
      .getByRole('button', { name: `Maak ${buddy.name} je vertrouwde persoon` })
      .click();
    await p.getByText(`${buddy.name} is je vertrouwde persoon.`).first().waitFor();
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: 'Kaart van Meriam' }).waitFor();
    await showPicture(p);
    const node = p.getByRole('button', { name: /^Els de Wit — maatje of buddy,.*, borger$/ });
    await node.waitFor();
    const marks = await p
      .locator('nk-map-editor nk-ring-picture g.entry text.mark tspan')
      .evaluateAll((lines) => lines.map((line) => line.textContent?.trim()));
    expect(marks.join(' · ')).toBe('★ vertrouwd · ◆ borger');
    await expect(
      p.locator('nk-map-editor nk-ring-picture g.entry polygon.diamond').count(),
    ).resolves.toBe(1);
    await showList(p);
    await p
      .locator('nk-person-card')
      .filter({ hasText: buddy.name })
      .getByTestId('borger-mark')
      .getByText('Borger')
      .waitFor();
    await screenshot(p, 'consent-borger-on-map');
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();

    // Either side can end it: here the parent.
    await member(p, buddy.name).getByRole('button', { name: 'Stoppen als borger' }).click();
    await expect.poll(() => member(p, buddy.name).getByTestId('borger-mark').count()).toBe(0);
    await expect.poll(() => member(j, buddy.name).getByTestId('borger-mark').count()).toBe(0);
    console.log(`consent flow (borger) took ${Date.now() - started} ms`);
  });

  it('a borger asked for by the person and granted by the parent; the borger ends it herself', async () => {
    const mentor: JoinerProfile = {
      username: 'mentor-jim',
      name: 'Yusuf Amrani',
      profession: 'mentor (JIM)',
      organisation: 'JIM-aanpak',
      contact: '06-55501234',
      availability: 'avonds',
    };
    const p = parent.page;
    const j = joiner.page;
    await parentWithMap(p, server.url, 'linda', 'Kaart van Linda');
    const link = await inviteByLink(p);
    await joinByLink(j, link, mentor);
    await pendingCode(p, mentor.name);
    await approve(p, mentor.name, 'iemand uit je omgeving');
    await joinerOpensMap(j, 'Kaart van Linda');
    await j.getByRole('button', { name: 'Vraag om borger te worden' }).click();
    await member(p, mentor.name).getByText('wil graag borger zijn').waitFor();
    await member(p, mentor.name)
      .getByRole('button', { name: `Ja, ${mentor.name} wordt borger` })
      .click();
    await member(p, mentor.name).getByTestId('borger-mark').waitFor();
    await member(j, mentor.name).getByTestId('borger-mark').waitFor();
    await j.getByRole('button', { name: 'Stoppen als borger' }).click();
    await expect.poll(() => member(p, mentor.name).getByTestId('borger-mark').count()).toBe(0);
  });

  it('a second owner: the co-parent joins as owner, sees every part and can invite', async () => {
    const started = Date.now();
    const partner: JoinerProfile = {
      username: 'micha-vader',
      name: 'Micha Jansen',
      profession: 'partner',
      organisation: '',
      contact: '06-99887766',
      availability: 'altijd',
    };
    const p = parent.page;
    const j = joiner.page;
    await parentWithMap(p, server.url, 'meriam-2', 'Kaart van Mera en Meram');
    const link = await inviteByLink(p);
    const code = await joinByLink(j, link, partner);
    expect(await pendingCode(p, partner.name)).toBe(code);
    await approve(p, partner.name, 'tweede ouder (beheert de kaart met jou)');
    await member(p, partner.name).getByText('ouder (beheert de kaart)').waitFor();

    await joinerOpensMap(j, 'Kaart van Mera en Meram');
    await member(j, partner.name).getByText('Ziet alles op de kaart, ook de wensen.').waitFor();
    // An owner may invite too.
    await j.getByRole('heading', { name: 'Iemand uitnodigen' }).waitFor();
    const second = await inviteByLink(j);
    expect(second).not.toBe(link);
    await j
      .getByTestId('history')
      .filter({ hasText: 'Micha Jansen, partner doet mee als ouder' })
      .waitFor();
    await screenshot(j, 'consent-second-owner');

    console.log(`consent flow (second owner) took ${Date.now() - started} ms`);
  });
});
