// axe-core finds no accessibility violations on the consent screens: the join page (account step,
// profile, waiting with the safety code), and "Wie doet mee?" for the parent (invite with QR code,
// a pending request, members with cards and history) and for a member — in Dutch and in Arabic.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  PASSPHRASE,
  approve,
  inviteByLink,
  joinerOpensMap,
  parentWithMap,
  pendingCode,
  writeCard,
} from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

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
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

describe('accessibility of the consent screens', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let joiner: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    // bypassCSP only here: addScriptTag injects axe-core as an inline script (see accessibility.test.ts).
    parent = await launchBrowser({ bypassCSP: true, viewport: DESKTOP });
    joiner = await launchBrowser({ bypassCSP: true, viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await joiner?.close();
    await server?.dispose();
  });

  it('has no violations on the join and members screens', async () => {
    const p = parent.page;
    const j = joiner.page;
    const check = async (page: Page, screen: string): Promise<void> => {
      expect(await violations(page), screen).toEqual([]);
    };
    await parentWithMap(p, server.url, 'axe-ouder', 'Kaart voor axe');
    const link = await inviteByLink(p);
    await check(p, 'members with a new invite and QR code');

    await j.goto(`${server.url}/doe-mee`);
    await j.getByLabel('Code').waitFor();
    await check(j, 'join: type a code');

    await j.goto(link);
    await j.getByRole('link', { name: 'Account maken' }).waitFor();
    await check(j, 'join: account step');
    await j.getByRole('link', { name: 'Account maken' }).click();
    await j.getByLabel('Gebruikersnaam').fill('axe-lid');
    await j.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE);
    await j.getByLabel('Wachtwoordzin nog een keer').fill(PASSPHRASE);
    await j.getByLabel('Ik werk als hulpverlener').check();
    await j.getByRole('button', { name: 'Account maken' }).click();
    await j.getByLabel('Ik heb mijn herstelcode bewaard').check();
    await j.getByRole('button', { name: 'Verder' }).click();
    await j.getByLabel('Je naam').waitFor();
    await check(j, 'join: profile');
    await j.getByLabel('Je naam').fill('Anna');
    await j.getByLabel('Je beroep of rol').fill('jeugdverpleegkundige (JGZ/consultatiebureau)');
    await j.getByRole('button', { name: 'Vraag om mee te doen' }).click();
    await j.getByTestId('safety-code').waitFor();
    await check(j, 'join: waiting with the safety code');
    await screenshot(j, 'consent-a11y-waiting');

    await pendingCode(p, 'Anna');
    await check(p, 'members with a pending request');
    await approve(p, 'Anna', 'Hulpverlener');
    await joinerOpensMap(j, 'Kaart voor axe');
    await writeCard(j, { whatIDo: 'Consultatiebureau', howToReach: '088-1234567', when: 'ma' });
    await check(j, 'members as a member');
    await p.getByTestId('member-card').filter({ hasText: 'Consultatiebureau' }).waitFor();
    await check(p, 'members with a member, a card and history');

    // Arabic, right-to-left.
    await p.locator('nk-language-picker select').selectOption('ar');
    await expect.poll(() => p.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await check(p, 'members in Arabic');
    await screenshot(p, 'consent-members-ar');
    expect(parent.problems).toEqual([]);
    expect(joiner.problems).toEqual([]);
  });
});
