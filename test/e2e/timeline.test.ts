// People over time: a map edited over several moments shows each one on the timeline, the comparison
// names who joined and who stopped, an ended person stays with her dates, and a past moment prints
// with its date. Versions are decrypted in this browser from what the server stores.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, createMap, register, showList } from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const USERNAME = 'door-de-tijd';
const PASSPHRASE = 'zeven bonte vlinders zoeken bloemen';
const TITLE = 'Kaart door de tijd';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } })
      .axe;
    return axe.run(document);
  });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

/** The names in a side's list, in order, once its moment is open. */
async function namesOn(page: Page, side: 'a' | 'b'): Promise<string[]> {
  const root = page.getByTestId(`timeline-side-${side}`);
  await root.locator('[role="status"]').waitFor({ state: 'detached' });
  return root.locator('ul.people li strong').allTextContents();
}

/** Moves a side's slider with the keyboard to moment `index` (0 is the first). */
async function pick(page: Page, side: 'a' | 'b', index: number): Promise<void> {
  const slider = page.locator(`#moment-${side}`);
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => slider.inputValue()).toBe(String(index));
}

describe('the map at any moment', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows each moment, compares two, keeps an ended person with her dates and prints a past moment', async () => {
    const page = browser.page;
    await register(page, server.url, USERNAME, PASSPHRASE);
    await confirmRecovery(page);
    await createMap(page, TITLE); // moment 1: empty
    await addPerson(page, {
      label: 'M. — moeder',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Steun en aandacht'],
      phases: ['Zwangerschap', 'Kraamtijd'],
    }); // moment 2
    await addPerson(page, {
      label: 'Anouk — verloskundige',
      category: 'pro-medical',
      ring: 'Dichtbij',
      support: ['Medische zorg'],
      phases: ['Zwangerschap'],
    }); // moment 3
    await addPerson(page, {
      label: 'Per ongeluk',
      category: 'friends',
      ring: 'Verder weg',
      support: [],
    }); // moment 4
    // She no longer helps: she stays on the map, greyed, with her dates.
    await showList(page);
    await page.getByRole('button', { name: 'Anouk — verloskundige wijzigen' }).click();
    await page.getByRole('radio', { name: 'Nee, nu niet meer' }).check();
    await page.getByLabel('Sinds wanneer helpt deze persoon?').fill('2026-03-02');
    await page.getByLabel('Tot wanneer hielp deze persoon?').fill('2026-06-15');
    await page
      .locator('nk-person-form fieldset', { has: page.locator('#since') })
      .screenshot({ path: 'test-output/screenshots/timeline-form-390.png' });
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De wijziging is opgeslagen.' }).waitFor(); // moment 5
    await addPerson(page, {
      label: 'Kraamzorg',
      category: 'pro-medical',
      ring: 'Dichtbij',
      support: ['Praktische hulp'],
      phases: ['Kraamtijd'],
    }); // moment 6
    // Deleting is for mistakes: it says so, and the person leaves every earlier moment too.
    await page.getByRole('button', { name: 'Per ongeluk weghalen' }).click();
    await page.getByText('Weghalen is voor een vergissing.').waitFor();
    await page
      .locator('nk-person-card', { hasText: 'Per ongeluk' })
      .screenshot({ path: 'test-output/screenshots/timeline-delete-390.png' });
    await page.getByRole('button', { name: 'Ja, weghalen' }).click();
    await page.getByRole('status').filter({ hasText: 'is van je kaart gehaald' }).waitFor(); // moment 7

    await page.getByRole('checkbox', { name: /Laat ook zien wie nu niet meer helpt/ }).check();
    const ended = page.locator('nk-person-card', { hasText: 'Anouk — verloskundige' });
    await ended.getByText('Helpt nu niet meer').waitFor();
    await ended.getByText('Hielp van 2 maart 2026 tot 15 juni 2026').waitFor();
    expect(await ended.getAttribute('ended')).not.toBeNull();

    // The timeline: every saved version is a moment, read and decrypted only when shown.
    await page.getByRole('button', { name: 'Bekijk eerdere momenten' }).click();
    await page.getByText('Er zijn 7 momenten bewaard.').waitFor();
    const slider = page.getByRole('slider', { name: /Kies een moment/ });
    await expect.poll(() => slider.inputValue()).toBe('6');
    expect(await namesOn(page, 'a')).toEqual(['M. — moeder', 'Anouk — verloskundige', 'Kraamzorg']);
    const sideA = page.getByTestId('timeline-side-a');
    await sideA.getByText('Hielp van 2 maart 2026 tot 15 juni 2026').waitFor();

    const expected = [
      [],
      ['M. — moeder'],
      ['M. — moeder', 'Anouk — verloskundige'],
      // "Per ongeluk" was on the map at moments 4 to 6, but was deleted as a mistake
      ['M. — moeder', 'Anouk — verloskundige'],
      ['M. — moeder', 'Anouk — verloskundige'],
      ['M. — moeder', 'Anouk — verloskundige', 'Kraamzorg'],
    ];
    for (const [index, names] of expected.entries()) {
      await pick(page, 'a', index);
      await expect.poll(() => namesOn(page, 'a')).toEqual(names);
    }
    await screenshot(page, 'timeline-phone');
    await page
      .locator('nk-timeline')
      .screenshot({ path: 'test-output/screenshots/timeline-390.png' });

    // Compare the pregnancy moment (3) with now: one joined, one stopped, named.
    await pick(page, 'a', 2);
    await page.getByRole('checkbox', { name: 'Vergelijk met een ander moment' }).check();
    await expect.poll(() => page.locator('#moment-b').inputValue()).toBe('6');
    const change = page.getByTestId('timeline-change');
    await expect
      .poll(() => change.locator('.strength').textContent())
      .toMatch(/^\s*1 persoon erbij sinds \d+ december 2026\s*$/);
    await change.getByText('Erbij: Kraamzorg').waitFor();
    await change.getByText('1 persoon is gestopt met helpen.').waitFor();
    await change.getByText('Gestopt: Anouk — verloskundige').waitFor();

    // By phase: the people of the pregnancy against everyone now, on the newest moment.
    await pick(page, 'a', 6);
    await page.getByLabel('Of kies een fase').first().selectOption({ label: 'Zwangerschap' });
    await expect.poll(() => namesOn(page, 'a')).toEqual(['M. — moeder', 'Anouk — verloskundige']);
    await change.getByText('1 persoon erbij sinds je zwangerschap').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'timeline-desktop');
    await page
      .locator('nk-timeline')
      .screenshot({ path: 'test-output/screenshots/timeline-1280.png' });
    await page.setViewportSize({ width: 390, height: 844 });

    // In Arabic (right to left) the timeline reads as well, and axe finds nothing either.
    await page.locator('nk-language-picker select').selectOption('ar');
    await page.getByRole('heading', { name: 'شبكتك عبر الوقت' }).waitFor();
    await page.getByText('شخص واحد إضافي منذ').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page
      .locator('nk-timeline')
      .screenshot({ path: 'test-output/screenshots/timeline-ar-390.png' });
    await page.locator('nk-language-picker select').selectOption('nl');
    await page.getByRole('heading', { name: 'Je netwerk door de tijd' }).waitFor();

    // Printing a past moment prints its date.
    await page.getByLabel('Of kies een fase').first().selectOption({ label: 'Alle fasen' });
    await pick(page, 'a', 2);
    await sideA.getByRole('link', { name: 'Dit moment printen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Printen: kaart met lijst' }).waitFor();
    const sheet = page.locator('nk-sheet-map');
    await sheet.getByText(/zoals op .* \(geprint op /).waitFor();
    await sheet
      .locator('header')
      .screenshot({ path: 'test-output/screenshots/timeline-print-header.png' });
    expect(await sheet.locator('li strong').allTextContents()).toEqual([
      'M. — moeder',
      'Anouk — verloskundige',
    ]);
    expect(browser.problems).toEqual([]);
  });
});
