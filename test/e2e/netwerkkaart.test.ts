// The netwerkkaart itself, in Chromium against the real server, on a phone and on a desktop:
// adding a person in three steps, the trusted mark in picture and list, the phase filter, ended
// entries, the keyboard in the picture, and switching to English and to Arabic (right-to-left).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates as arabic } from '../../client/locales/ar.js';
import { templates as english } from '../../client/locales/en.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  addPerson,
  confirmRecovery,
  createMap,
  register,
  showList,
  showPicture,
} from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

/** The accessible names of the nodes in the editor's ring picture, in reading order of the DOM. */
async function nodeNames(page: Page): Promise<string[]> {
  return page
    .locator('nk-map-editor nk-ring-picture g.entry')
    .evaluateAll((nodes) => nodes.map((node) => node.querySelector('title')?.textContent ?? ''));
}

/** The people the picture shows by number, as the list below it names them. */
async function listedNames(page: Page): Promise<string[]> {
  return page
    .locator('nk-map-editor nk-ring-picture .numbers button .text')
    .evaluateAll((texts) => texts.map((text) => text.textContent?.trim() ?? ''));
}

/** The element that has focus, looking through shadow roots. */
function focused(): { tag: string; label: string; text: string } {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return {
    tag: active?.tagName.toLowerCase() ?? '',
    // A node of the picture is named by its <title>.
    label: active?.querySelector(':scope > title')?.textContent ?? '',
    text: active?.textContent?.trim() ?? '',
  };
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('the netwerkkaart on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ viewport });
    const { page } = browser;
    await register(page, server.url, `kaart-${device}`, 'zeven blauwe vogels zingen samen');
    await confirmRecovery(page);
    await createMap(page, 'Kaart van Linda');
  });

  afterAll(async () => {
    console.log(`netwerkkaart ${device} timings (ms):`, JSON.stringify(timings));
    await browser?.close();
    await server?.dispose();
  });

  it('adds a person in three steps, with pictograms, roles to pick and own words', async () => {
    const { page } = browser;
    // Few people: the map speaks of room to grow, never of a lack.
    await page.getByRole('heading', { name: 'Ideeën om mee te beginnen' }).waitFor();
    await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
    await page.getByRole('heading', { name: 'Stap 1 van 3: Wie is het?' }).waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(11);
    // Roles come from the roles list; the suggestions follow the chosen group.
    await page.locator('nk-category-picker input[value="pro-medical"]').check();
    const roles = await page
      .locator('nk-person-form datalist option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value')));
    expect(roles).toEqual(
      expect.arrayContaining(['verloskundige', 'huisarts', 'kraamverzorgende']),
    );
    await screenshot(page, `add-step-1-${device}`);
    // Going on without a name says what is missing and stays on step 1.
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Schrijf op wie het is').waitFor();
    await page.locator('nk-category-picker input[value="family"]').check();
    await page.getByLabel('Naam of voorletter').fill('M.');
    await page.getByLabel('Wie is dit voor jou?').fill('moeder');
    await page.getByText('Op de kaart: M. — moeder').waitFor();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page
      .getByRole('heading', { name: 'Stap 2 van 3: Waarmee helpt deze persoon jou?' })
      .waitFor();
    await page.getByRole('checkbox', { name: 'Steun en aandacht', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Oppassen op de baby of de andere kinderen' }).check();
    await page.getByLabel('In je eigen woorden (mag leeg blijven)').fill('Belt elke dag even.');
    await page.getByRole('checkbox', { name: 'Zwangerschap', exact: true }).check();
    await screenshot(page, `add-step-2-${device}`);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { name: 'Stap 3 van 3: Hoe dichtbij?' }).waitFor();
    await page.getByRole('radio', { name: 'Heel dichtbij', exact: true }).check();
    await page.getByText('Meer over deze persoon').click();
    await page.getByLabel('Telefoon of e-mail').fill('06 12345678');
    await screenshot(page, `add-step-3-${device}`);
    const started = performance.now();
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'M. — moeder staat op je kaart.' }).waitFor();
    timings['save a person'] = Math.round(performance.now() - started);

    expect(await nodeNames(page)).toEqual(['M. — moeder, familie, heel dichtbij']);
    await page.getByText('Je hebt 1 persoon die je helpt.').waitFor();

    const more = [
      {
        label: 'Anouk — verloskundige',
        category: 'pro-medical',
        ring: 'Dichtbij',
        support: ['Medische zorg', 'Informatie en advies'],
        phases: ['Zwangerschap', 'Kraamtijd'],
      },
      {
        label: 'B. — buurvrouw',
        category: 'community',
        ring: 'Dichtbij',
        support: ['Praktische hulp'],
        phases: ['0–2 jaar'],
      },
      { label: 'Oom Karim', category: 'family', ring: 'Verder weg', support: [] },
      {
        label: 'Mary en Henk',
        category: 'community',
        ring: 'Dichtbij',
        support: ['Iemand om mee te praten'],
      },
    ] as const;
    for (const person of more) {
      await addPerson(page, {
        ...person,
        support: [...person.support],
        phases: 'phases' in person ? [...person.phases] : [],
      });
    }
    await page.getByText('Je hebt 5 mensen die je helpen.').waitFor();
    await page.getByText('1 persoon staat heel dichtbij.').waitFor();
    expect((await nodeNames(page)).sort()).toEqual([
      'Anouk — verloskundige, zorg, dichtbij',
      'B. — buurvrouw, buurt en gemeenschap, dichtbij',
      'M. — moeder, familie, heel dichtbij',
      'Mary en Henk, buurt en gemeenschap, dichtbij',
      'Oom Karim, familie, verder weg',
    ]);
    await screenshot(page, `map-picture-${device}`);
    expect(browser.problems).toEqual([]);
  });

  it('writes the wishes for the network, after what goes well', async () => {
    const { page } = browser;
    const order = await page.evaluate(() => {
      const editor = document.querySelector('nk-map-editor')?.shadowRoot;
      const tags = [...(editor?.querySelector('.intro')?.children ?? [])].map((el) =>
        el.tagName.toLowerCase(),
      );
      return tags;
    });
    expect(order).toEqual(['nk-strengths', 'nk-wishes']);
    await page
      .getByLabel('Wie of wat zou je er graag bij hebben?')
      .fill('Een andere moeder in de buurt leren kennen.');
    await page.getByRole('button', { name: 'Wensen bewaren' }).click();
    await page.getByRole('status').filter({ hasText: 'Je wensen zijn bewaard.' }).waitFor();
    await page.getByText('Een andere moeder in de buurt leren kennen.').waitFor();
    await page.getByRole('button', { name: 'Wensen wijzigen' }).waitFor();
  });

  it('opens a person from the picture by keyboard, marks the trusted person, and shows the mark in picture and list', async () => {
    const { page } = browser;
    await showPicture(page);
    // One Tab stop for the whole picture; arrow keys move from person to person.
    const first = page.locator('nk-map-editor nk-ring-picture g.entry[tabindex="0"]');
    await first.focus();
    const start = await page.evaluate(focused);
    expect(start.tag).toBe('g');
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(focused);
    expect(next.label).not.toBe(start.label);
    await page.keyboard.press('ArrowLeft');
    expect((await page.evaluate(focused)).label).toBe(start.label);
    // Walk to Anouk and open her with Enter: the panel shows her card and takes the focus.
    for (let i = 0; i < 6 && !(await page.evaluate(focused)).label.startsWith('Anouk'); i++) {
      await page.keyboard.press('ArrowRight');
    }
    expect((await page.evaluate(focused)).label).toBe('Anouk — verloskundige, zorg, dichtbij');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Anouk — verloskundige' }).waitFor();
    expect(await page.evaluate(focused)).toMatchObject({
      tag: 'h3',
      text: 'Anouk — verloskundige',
    });

    await page
      .getByRole('button', { name: 'Anouk — verloskundige is mijn vertrouwde persoon' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Anouk — verloskundige is je vertrouwde persoon.' })
      .waitFor();
    // In the picture: a star and the word, and the screen reader hears it.
    expect(await nodeNames(page)).toContain(
      'Anouk — verloskundige, zorg, dichtbij, vertrouwde persoon',
    );
    // Written under her label, or (when the picture shows her by number) in the list below it.
    const marks = await page
      .locator('nk-map-editor nk-ring-picture g.entry text.mark')
      .evaluateAll((texts) => texts.map((text) => text.textContent?.trim()));
    const listed = await listedNames(page);
    expect([...marks, ...listed.filter((name) => name.includes('vertrouwde persoon'))]).toEqual([
      marks.length > 0
        ? '★ vertrouwd'
        : 'Anouk — verloskundige, zorg, dichtbij, vertrouwde persoon',
    ]);
    await expect(
      page.locator('nk-map-editor nk-ring-picture g.entry polygon.star').count(),
    ).resolves.toBe(1);
    await page.getByText('Je vertrouwde persoon: Anouk — verloskundige').waitFor();
    await screenshot(page, `map-trusted-panel-${device}`);
    // Closing the panel puts the focus back on her node.
    await page.getByRole('button', { name: 'Sluiten' }).click();
    expect((await page.evaluate(focused)).label).toBe(
      'Anouk — verloskundige, zorg, dichtbij, vertrouwde persoon',
    );

    // A click (or tap) opens a person too.
    await page.getByRole('button', { name: /^B\. — buurvrouw,/ }).click();
    await page.getByRole('heading', { level: 3, name: 'B. — buurvrouw' }).waitFor();
    await page.getByRole('button', { name: 'Sluiten' }).click();

    // In the list: the same mark, in words.
    await showList(page);
    const card = page.locator('nk-person-card', { hasText: 'Anouk — verloskundige' });
    await expect(
      card.getByText('Vertrouwde persoon', { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
    await expect(
      card
        .getByRole('button', { name: 'Anouk — verloskundige is mijn vertrouwde persoon' })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await screenshot(page, `map-list-${device}`);
    expect(browser.problems).toEqual([]);
  });

  it('shows who no longer helps only when asked, greyed and in words', async () => {
    const { page } = browser;
    await showList(page);
    await page.getByRole('button', { name: 'Oom Karim wijzigen' }).click();
    await page.getByRole('radio', { name: 'Nee, nu niet meer' }).check();
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De wijziging is opgeslagen.' }).waitFor();
    await expect(page.getByRole('heading', { level: 4, name: 'Oom Karim' }).count()).resolves.toBe(
      0,
    );
    await page.getByText('Je hebt 4 mensen die je helpen.').waitFor();

    await showPicture(page);
    expect(await nodeNames(page)).not.toContain(
      'Oom Karim, familie, verder weg, helpt nu niet meer',
    );
    const toggle = page.getByLabel('Laat ook zien wie nu niet meer helpt (1)');
    await toggle.check();
    expect(await nodeNames(page)).toContain('Oom Karim, familie, verder weg, helpt nu niet meer');
    const ended = page.locator('nk-map-editor nk-ring-picture g.entry.ended');
    await expect(ended.count()).resolves.toBe(1);
    if ((await ended.locator('text.mark').count()) > 0)
      await expect(ended.locator('text.mark').textContent()).resolves.toBe('gestopt');
    else
      expect(await listedNames(page)).toContain(
        'Oom Karim, familie, verder weg, helpt nu niet meer',
      );
    await screenshot(page, `map-ended-shown-${device}`);
    await showList(page);
    await page
      .locator('nk-person-card', { hasText: 'Oom Karim' })
      .getByText('Helpt nu niet meer')
      .waitFor();
    await toggle.uncheck();
    await showPicture(page);
    expect(await nodeNames(page)).toHaveLength(4);
  });

  it('filters by phase; people without a phase count for every phase', async () => {
    const { page } = browser;
    await showPicture(page);
    const phase = page.getByLabel('Fase', { exact: true });
    await phase.selectOption('kraamtijd');
    expect((await nodeNames(page)).sort()).toEqual([
      'Anouk — verloskundige, zorg, dichtbij, vertrouwde persoon',
      'Mary en Henk, buurt en gemeenschap, dichtbij',
    ]);
    await screenshot(page, `map-phase-kraamtijd-${device}`);
    await phase.selectOption('zwangerschap');
    expect((await nodeNames(page)).sort()).toEqual([
      'Anouk — verloskundige, zorg, dichtbij, vertrouwde persoon',
      'M. — moeder, familie, heel dichtbij',
      'Mary en Henk, buurt en gemeenschap, dichtbij',
    ]);
    await phase.selectOption('kinderwens');
    expect(await nodeNames(page)).toEqual(['Mary en Henk, buurt en gemeenschap, dichtbij']);
    // The list follows the same filter.
    await showList(page);
    await expect(page.locator('nk-person-card').count()).resolves.toBe(1);
    await phase.selectOption('all');
    await expect(page.locator('nk-person-card').count()).resolves.toBe(4);
    await showPicture(page);
  });

  it('switches to English and to Arabic (right-to-left, mirrored) and back', async () => {
    const { page } = browser;
    const html = () =>
      page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      }));
    await page.getByLabel('Taal / Language').selectOption('en');
    await page.getByRole('heading', { level: 2, name: english['editor.peopleHeading'] }).waitFor();
    expect(await html()).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await nodeNames(page)).toContain('M. — moeder, family, very close');
    await page.getByText('You have 4 people who help you.').waitFor();
    await screenshot(page, `map-english-${device}`);

    await page.getByLabel('Language / Taal').selectOption('ar');
    await page.getByRole('heading', { level: 2, name: arabic['editor.peopleHeading'] }).waitFor();
    expect(await html()).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await nodeNames(page)).toContain('M. — moeder، العائلة، قريب جدًا');
    await screenshot(page, `map-arabic-${device}`);
    // The page reads from the right: the link back to the maps sits at the right edge.
    const back = await page.locator('nk-map-editor a.back').boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(back).not.toBeNull();
    if (back !== null) expect(width - (back.x + back.width)).toBeLessThan(back.x);
    // The picture is mirrored: family at the top, friends and neighbours now to its left.
    const sides = await page.evaluate(() => {
      const picture = document
        .querySelector('nk-map-editor')
        ?.shadowRoot?.querySelector('nk-ring-picture');
      const centre = picture?.shadowRoot?.querySelector('circle[r]');
      const node = [...(picture?.shadowRoot?.querySelectorAll('g.entry') ?? [])].find((g) =>
        g.querySelector('title')?.textContent?.startsWith('B. — buurvrouw'),
      );
      const x = (element: Element | null | undefined) => {
        const box = element?.getBoundingClientRect();
        return box === undefined ? Number.NaN : box.x + box.width / 2;
      };
      return { centre: x(centre), neighbour: x(node?.querySelector('circle')) };
    });
    expect(sides.neighbour).toBeLessThan(sides.centre);
    // The form in Arabic, right-to-left.
    await page.getByRole('button', { name: arabic['editor.add'] }).click();
    await page.getByRole('heading', { name: /الخطوة 1 من 3/ }).waitFor();
    await screenshot(page, `add-step-1-arabic-${device}`);
    await page.getByRole('button', { name: arabic['person.cancel'] }).click();

    await page.getByLabel(`${arabic['language.label']} / Language`).selectOption('nl');
    await page.getByRole('heading', { level: 2, name: 'Wie helpt jou?' }).waitFor();
    expect(await html()).toEqual({ lang: 'nl', dir: 'ltr' });
    expect(browser.problems).toEqual([]);
  });
});
