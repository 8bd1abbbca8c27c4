// Two audiences, one map, in two Chromium browsers: Linda reads her map as her own ("Wie helpt
// jou?"); the midwife who joined reads the same map as Linda's ("Wie helpt Linda?"), in Dutch,
// English and Arabic, and can search the sociale kaart for the family from it. Features only
// professionals need show only for an account that chose "Ik werk als hulpverlener" (kept in the
// keyring, so it holds after signing in again); an owner never gets a member's card form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  PASSPHRASE,
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  pendingCode,
  type JoinerProfile,
} from './support/consent.js';
import { importDemoDirectory } from './support/directory.js';
import {
  addPerson,
  becomeProfessional,
  confirmRecovery,
  createMap,
  login,
  register,
  showPicture,
} from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Ons netwerk';
const MIDWIFE: JoinerProfile = {
  username: 'anouk-verlos',
  name: 'Anouk Visser',
  profession: 'verloskundige',
  organisation: 'Verloskundigenpraktijk Delft',
  contact: '015-1234567',
  availability: 'werkdagen',
  professional: true,
};

interface Words {
  /** Sentences that must be on the screen. */
  readonly present: readonly string[];
  /** Sentences addressed to the parent as "je/jij": never on the member's screen. */
  readonly absent: readonly string[];
}

/** What the midwife must and must not read on Linda's map, per language. */
const MEMBER: Record<'nl' | 'en' | 'ar', Words> = {
  nl: {
    present: [
      'Het netwerk van Linda',
      'Jij doet mee op de kaart van Linda.',
      'Wie helpt Linda?',
      '2 mensen helpen Linda.',
      'Vertrouwde persoon van Linda:',
      'Zo wordt Linda geholpen:',
      'Er is nog ruimte op deze kaart',
      'Zie je iets wat Linda nog mist?',
      'Kies iemand op de kaart om te zien wat die voor Linda doet.',
      'Iedereen kan steun gebruiken. Misschien past een van deze mensen ook op de kaart van Linda:',
    ],
    absent: [
      'Wie helpt jou?',
      'mensen die je helpen',
      'Je vertrouwde persoon',
      'Zo word je geholpen',
      'Er is nog ruimte op je kaart',
      'ook op je kaart',
      'Misschien kan iemand hier je helpen',
      'bij jou in de buurt',
      'Je gemeente of postcode',
      'wat die voor je doet',
      'Jij (en je partner)',
      'Alleen jij',
    ],
  },
  en: {
    present: [
      'The network of Linda',
      'Who helps Linda?',
      '2 people help Linda.',
      'Trusted person of Linda:',
      'There is still room on this map',
      'Do you see something Linda still misses?',
    ],
    absent: [
      'Who helps you?',
      'people who help you',
      'Your trusted person',
      'How you are helped',
      'There is still room on your map',
      'Maybe someone here can help you',
      'Your municipality or postcode',
    ],
  },
  ar: {
    present: ['شبكة Linda', 'من يساعد Linda؟', 'أشخاص يساعدون Linda.', 'الشخص الموثوق لدى Linda:'],
    absent: [
      'من يساعدك؟',
      'الذين يساعدونك',
      'الشخص الموثوق لديك',
      'هكذا يساعدونك',
      'ما زال في خريطتك مكان',
      'ربما يستطيع أحد هنا مساعدتك',
    ],
  },
};

/** What Linda reads on her own map (Dutch). */
const OWNER: Words = {
  present: ['Wie helpt jou?', 'Je hebt 2 mensen die je helpen.', 'Er is nog ruimte op je kaart'],
  absent: ['Het netwerk van', 'Wie helpt Linda?', 'mensen helpen Linda', 'Jouw kaartje'],
};

async function expectWords(page: Page, words: Words, where: string): Promise<void> {
  for (const text of words.present) {
    await page
      .getByText(text)
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error(`${where}: "${text}" is not on the screen`);
      });
  }
  for (const text of words.absent) {
    expect(await page.getByText(text).count(), `${where}: "${text}" is on the screen`).toBe(0);
  }
}

async function switchLanguage(page: Page, code: 'nl' | 'en' | 'ar'): Promise<void> {
  await page.locator('nk-language-picker select').selectOption(code);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
}

/** Screenshots of one view at the phone and the laptop width. */
async function shootBothWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [width, size] of [
    ['390', PHONE],
    ['1440', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await page.locator('nk-ring-picture svg').waitFor();
    await screenshot(page, `${name}-${width}`);
  }
  if (before !== null) await page.setViewportSize(before);
}

describe('two audiences: the parent’s own map and a member on it', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let midwife: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    expect(await importDemoDirectory(server)).toBeGreaterThan(20);
    parent = await launchBrowser({ viewport: DESKTOP });
    midwife = await launchBrowser({ viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await midwife?.close();
    await server?.dispose();
  });

  it('speaks to the owner as the owner and to the member as the member, in three languages', async () => {
    const p = parent.page;
    const m = midwife.page;

    // Linda, a parent: none of the professionals' features, and the map name's true audience.
    await register(p, server.url, 'linda-ouder', PASSPHRASE);
    await confirmRecovery(p);
    await p.getByText('Iedereen die meedoet op deze kaart ziet deze naam.').waitFor();
    expect(await p.getByText('Alleen jij ziet deze naam').count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Nieuwe kaart met ouder' }).count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Vindbaar als hulpverlener' }).count()).toBe(0);
    await createMap(p, TITLE);
    await p.getByText('Namen in het midden van de kaart').click();
    await p.getByLabel('Jij (en je partner)').fill('Linda');
    await p.getByRole('button', { name: 'Namen bewaren' }).click();
    await p.getByRole('status').filter({ hasText: 'De namen zijn bewaard.' }).waitFor();
    await addPerson(p, {
      label: 'Mama — moeder',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Praktische hulp'],
      trusted: true,
    });
    await addPerson(p, {
      label: 'Huisarts',
      category: 'pro-medical',
      ring: 'Dichtbij',
      support: ['Medische zorg'],
    });
    await showPicture(p);
    await expectWords(p, OWNER, 'owner, nl');

    // The midwife joins with the parent's approval.
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    const link = await inviteByLink(p);
    await joinByLink(m, link, MIDWIFE);
    await pendingCode(p, MIDWIFE.name);
    await approve(p, MIDWIFE.name, 'Hulpverlener');
    // On her own map's members screen Linda never gets a member's card form.
    expect(await p.getByText('Jouw kaartje').count()).toBe(0);
    expect(await p.getByLabel('Wat doe ik voor dit gezin?').count()).toBe(0);

    // The midwife, a professional, has her own card on Linda's map.
    await joinerOpensMap(m, TITLE);
    await m.getByRole('heading', { name: 'Jouw kaartje' }).waitFor();
    await m.getByLabel('Wat doe ik voor dit gezin?').waitFor();
    await m.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await m.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showPicture(m);
    await expect
      .poll(() => m.locator('nk-ring-picture text.centre').first().textContent())
      .toContain('Linda');
    await expectWords(m, MEMBER.nl, 'member, nl');

    // "Zoek hulp voor Linda": straight to the search of the sociale kaart, which finds help.
    await m.getByRole('button', { name: 'Zoek hulp voor Linda op de sociale kaart' }).click();
    await expect
      .poll(() =>
        m.evaluate(
          () => document.querySelector('nk-map-editor')?.shadowRoot?.activeElement?.tagName,
        ),
      )
      .toBe('NK-FIND-HELP');
    const findHelp = m.locator('nk-find-help');
    await findHelp.getByLabel('Gemeente of postcode').fill('Delft');
    await findHelp.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await findHelp.locator('article[data-service]').first().waitFor();
    // She may only read the map, so she gets no button to put a service on it.
    expect(await findHelp.getByRole('button', { name: /Zet op/ }).count()).toBe(0);
    await m.locator('nk-map-editor h1').scrollIntoViewIfNeeded();
    await shootBothWidths(m, 'audience-member-nl');

    await switchLanguage(m, 'en');
    await expectWords(m, MEMBER.en, 'member, en');
    await switchLanguage(m, 'ar');
    await expectWords(m, MEMBER.ar, 'member, ar');
    await shootBothWidths(m, 'audience-member-ar');
    await switchLanguage(m, 'nl');

    // Linda's own view, at both widths.
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await showPicture(p);
    await expectWords(p, OWNER, 'owner, nl, after the member joined');
    await shootBothWidths(p, 'audience-owner-nl');

    // Linda may choose to be a professional: the choice sits in her keyring, so it holds after
    // signing in again; still, her own map never gives her a member's card form.
    await becomeProfessional(p);
    await p.getByRole('link', { name: 'Nieuwe kaart met ouder' }).waitFor();
    await p.getByRole('button', { name: 'Uitloggen' }).click();
    await p.goto(`${server.url}/inloggen`);
    await login(p, 'linda-ouder', PASSPHRASE);
    await p.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await p.getByRole('link', { name: 'Nieuwe kaart met ouder' }).waitFor();
    await p.getByRole('link', { name: 'Vindbaar als hulpverlener' }).waitFor();
    await p.getByRole('link', { name: TITLE }).click();
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    await p.getByRole('heading', { name: MIDWIFE.name }).waitFor();
    expect(await p.getByText('Jouw kaartje').count()).toBe(0);
    expect(browserProblems(parent, midwife)).toEqual([]);
  });
});

function browserProblems(...browsers: TestBrowser[]): string[] {
  return browsers.flatMap((browser) => browser.problems);
}
