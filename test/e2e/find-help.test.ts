// "Mist er iets?" in Chromium against the real server with the fictional demo sociale kaart: a map
// with no childcare entry suggests childcare near the parent's municipality, one tap puts a service
// on the map (still there after a reload), and the search requests carry no map id, no capability,
// no token and no cookie. Also: a professional publishes her profile and a parent finds her.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  importDemoDirectory,
  logDirectoryRequests,
  type LoggedRequest,
} from './support/directory.js';
import { confirmRecovery, createMap, login, register, showList } from './support/flows.js';
import { seedMap } from './support/seed.js';
import { startServer, type TestServer } from './support/server.js';

const PASSPHRASE = 'zonnige ochtend bij de rivier';
const TITLE = 'Kaart van Linda';
const CHILDCARE = 'Kinderdagverblijf Vlinderveld Delft (fictief)';

/** The only query fields a search may carry (shared/api/directory.ts, closed schemas). */
const ALLOWED_FIELDS = new Set(['place', 'category', 'language', 'q', 'page', 'pageSize']);

function expectBlind(requests: readonly LoggedRequest[], mapId: string): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    const url = new URL(request.url);
    expect(request.method).toBe('GET');
    expect(url.href).not.toContain(mapId);
    for (const key of url.searchParams.keys()) expect(ALLOWED_FIELDS.has(key), key).toBe(true);
    for (const value of url.searchParams.values()) expect(value).not.toContain(mapId);
    const names = Object.keys(request.headers).map((name) => name.toLowerCase());
    expect(names).not.toContain('nk-capability');
    expect(names).not.toContain('authorization');
    expect(names).not.toContain('cookie');
    expect(request.headers['referer'] ?? '').not.toContain(mapId);
  }
}

describe('Mist er iets? (find help on the sociale kaart)', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    expect(await importDemoDirectory(server)).toBeGreaterThan(20);
    browser = await launchBrowser({ viewport: DESKTOP });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows childcare near the parent for a map without childcare, and adds one with one tap', async () => {
    const { page } = browser;
    const started = Date.now();
    const log = logDirectoryRequests(page);
    await register(page, server.url, 'linda', PASSPHRASE);
    await confirmRecovery(page);
    await createMap(page, TITLE);
    const mapId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    expect(mapId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await seedMap(page, {
      entries: [
        {
          id: 'AAAAAAAAAAAAAAAAAAAAAA',
          label: 'Huisarts',
          category: 'pro-medical',
          ring: 2,
          support: ['medical'],
          supportNote: '',
          phases: [],
          active: true,
          trusted: false,
        },
      ],
    });

    const findHelp = page.locator('nk-find-help');
    await findHelp.getByRole('heading', { name: 'Mist er iets?' }).waitFor();
    await findHelp.getByText('Misschien kan iemand hier je helpen.').waitFor();
    // Nobody for childcare and school yet: it is offered as room on the map.
    const gap = findHelp.getByRole('button', { name: 'Kinderopvang en school' });
    await gap.click();
    await findHelp.getByText('Vul eerst je gemeente of postcode in.').waitFor();
    await findHelp.getByLabel('Je gemeente of postcode').fill('Delft');
    await gap.click();
    await findHelp.getByRole('heading', { name: 'Wat we vonden' }).waitFor();
    const results = findHelp.locator('article[data-service]');
    await results.first().waitFor();
    const names = await results.locator('h4').allInnerTexts();
    expect(names).toContain(CHILDCARE);
    expect(names.every((name) => name.includes('Delft'))).toBe(true);
    expect(await findHelp.locator('select#fh-category').inputValue()).toBe('childcare-school');
    const card = results.filter({ hasText: CHILDCARE });
    const website = card.getByRole('link').filter({ hasText: /^[a-z0-9.-]+\./ });
    if ((await website.count()) > 0) {
      expect(await website.first().getAttribute('rel')).toBe('noopener noreferrer');
    }
    await screenshot(page, 'find-help-results-desktop');

    const add = card.getByRole('button', { name: 'Zet op mijn kaart' });
    expect(await add.getAttribute('aria-describedby')).toMatch(/^fh-service-\d+$/);
    await add.click();
    await page
      .getByRole('status')
      .filter({ hasText: `${CHILDCARE} staat op je kaart.` })
      .waitFor();
    await card.getByText('Staat op je kaart').waitFor();
    // Childcare is no longer offered as open room.
    await expect
      .poll(() => findHelp.getByRole('button', { name: 'Kinderopvang en school' }).count())
      .toBe(0);

    await log.settled();
    expectBlind(log.requests, mapId);
    const search = new URL(log.requests.at(-1)?.url ?? '');
    expect(search.searchParams.get('place')).toBe('Delft');
    expect(search.searchParams.get('category')).toBe('childcare-school');

    // After a reload (and logging in again: the token lives in memory only) it is still on the map.
    await page.reload();
    await login(page, 'linda', PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showList(page);
    const entry = page.locator('nk-person-card').filter({ hasText: CHILDCARE });
    await entry.waitFor();
    // The place was kept in the map's private section: the field is filled in after a new login.
    await expect.poll(() => page.locator('nk-find-help #fh-place').inputValue()).toBe('Delft');
    await screenshot(page, 'find-help-on-map-desktop');
    console.log(`find-help: search and add in ${Date.now() - started} ms`);
    expect(browser.problems).toEqual([]);
  });

  it('lets a professional publish her profile, and a parent find her', async () => {
    const { page } = browser;
    const log = logDirectoryRequests(page);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await register(page, server.url, 'fawzia', PASSPHRASE, { professional: true });
    await confirmRecovery(page);
    await page.getByRole('link', { name: 'Vindbaar als hulpverlener' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vindbaar als hulpverlener' }).waitFor();
    await page.getByText('Je staat nu niet in de lijst.').waitFor();
    await page.getByRole('button', { name: 'Zet me in de lijst' }).click();
    await page.getByText('Vul dit in.').first().waitFor();
    await page.getByLabel('Je naam').fill('Fawzia Haddou');
    await page.getByLabel('Je beroep').fill('maatschappelijk werker');
    await page.getByLabel('Organisatie (mag leeg blijven)').fill('Wijkteam Delft-Oost (fictief)');
    await page.getByLabel('Waar werk je?').fill('Delft');
    await page.getByLabel('Hoe kan een ouder je bereiken?').fill('015 123 45 67 (ma–do)');
    await page.getByRole('button', { name: 'Zet me in de lijst' }).click();
    await page.getByTestId('profile-published').waitFor();
    await screenshot(page, 'professional-profile-desktop');
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await page.goto(`${server.url}/inloggen`);
    await login(page, 'linda', PASSPHRASE);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const search = page.locator('nk-professional-search');
    await search.getByText('Een hulpverlener zoeken').click();
    await search.getByLabel('Plaats of postcode').fill('Delft');
    await search.getByLabel('Naam, beroep of organisatie').fill('wijkteam');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    const found = search.locator('li[data-profile]').filter({ hasText: 'Fawzia Haddou' });
    await found.waitFor();
    await found.getByText('Bereikbaar: 015 123 45 67 (ma–do)').waitFor();
    await screenshot(page, 'professional-search-desktop');
    await found.getByRole('link', { name: 'Fawzia Haddou uitnodigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();

    await log.settled();
    const mapId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    const searches = log.requests.filter((r) => r.url.includes('/api/directory/professionals'));
    expect(searches).toHaveLength(1);
    expectBlind(searches, mapId);

    // She can take herself out of the list again.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.goto(`${server.url}/inloggen`);
    await login(page, 'fawzia', PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await page.getByRole('link', { name: 'Vindbaar als hulpverlener' }).click();
    await page.getByRole('button', { name: 'Haal me uit de lijst' }).click();
    await page.getByText('Je staat nu niet in de lijst.').waitFor();
    const after = await fetch(`${server.url}/api/directory/professionals?place=Delft`);
    expect(((await after.json()) as { total: number }).total).toBe(0);
    expect(browser.problems).toEqual([]);
  });
});

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core on the whole page (it follows open shadow roots); the violations in short form. */
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

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('accessibility of the sociale kaart and export screens on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    await importDemoDirectory(server);
    // bypassCSP only here: axe-core is injected as an inline script, which the app's CSP blocks.
    browser = await launchBrowser({ bypassCSP: true, viewport });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it.each([
    ['Dutch', 'nl', 'ltr', 'Delft'],
    ['Arabic', 'ar', 'rtl', 'Rotterdam'],
  ] as const)('has no violations in %s', async (_language, code, dir, place) => {
    const { page } = browser;
    const check = async (screen: string, shot: string): Promise<void> => {
      expect(await violations(page), `${screen} (${code}, ${device})`).toEqual([]);
      await screenshot(page, `${shot}-${code}-${device}`);
    };
    // professional too: the check below also visits "Vindbaar als hulpverlener"
    await register(page, server.url, `ouder-${code}`, PASSPHRASE, { professional: true });
    await confirmRecovery(page);
    await page.locator('nk-language-picker select').selectOption(code);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
    await check('map list with "more"', 'directory-map-list');

    await page.locator('nk-map-list input#title').fill(TITLE);
    await page.locator('nk-map-list form button[type=submit]').click();
    await page.locator('nk-map-editor nk-find-help').waitFor();
    const findHelp = page.locator('nk-find-help');
    await findHelp.locator('#fh-place').fill(place);
    await findHelp.locator('button[data-category="childcare-school"]').click();
    await findHelp.locator('article[data-service]').first().waitFor();
    await page.locator('nk-professional-search summary').click();
    await page.locator('nk-professional-search #ps-place').fill(place);
    await page.locator('nk-professional-search form button[type=submit]').click();
    await page.locator('nk-professional-search [role=status]').waitFor();
    await page.locator('nk-export-menu summary').click();
    await page.locator('nk-export-menu button[aria-expanded]').click();
    await page.locator('nk-export-menu #ex-pass').waitFor();
    await check('map with find help, professional search and export menu', 'directory-map');

    await page.locator('nk-export-menu a[href="/kaarten/terugzetten"]').click();
    await page.locator('nk-backup-import h1').waitFor();
    await page.locator('nk-backup-import button[type=submit]').click();
    await page.locator('nk-backup-import .error').waitFor();
    await check('restore from backup', 'directory-restore');

    await page.goto(`${server.url}/kaarten`);
    await page.locator('nk-login h1').waitFor();
    await page.locator('nk-login input[type=text]').fill(`ouder-${code}`);
    await page.locator('nk-login input[type=password]').fill(PASSPHRASE);
    await page.locator('nk-login button[type=submit]').click();
    await page.locator('nk-map-list h1').waitFor();
    await page.locator('nk-map-list-more a[href="/mijn-profiel"]').click();
    await page.locator('nk-professional-profile form').waitFor();
    await page.locator('nk-professional-profile button[type=submit]').click();
    await page.locator('nk-professional-profile .field-error').first().waitFor();
    await check('professional profile', 'directory-profile');
    await page.locator('nk-app nav button').click();
    await page.locator('nk-welcome h1').waitFor();
    expect(browser.problems).toEqual([]);
  });
});
