// Two tabs edit the same map: the second save meets a 409, merges per entry and retries, so both changes stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  addPerson,
  confirmRecovery,
  createMap,
  login,
  register,
  showList,
} from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const USERNAME = 'twee-tabs';
const PASSPHRASE = 'vier kleine eendjes zwemmen rond';
const TITLE = 'Gedeelde kaart';

describe('saving after someone else saved', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('merges per entry on a version conflict and keeps both changes', async () => {
    const first = browser.page;
    await register(first, server.url, USERNAME, PASSPHRASE);
    await confirmRecovery(first);
    await createMap(first, TITLE);
    await addPerson(first, {
      label: 'P. — partner',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Steun en aandacht'],
    });
    const mapUrl = first.url();

    // A second tab (its own worker and keys) opens the same map at this version. Its live events
    // are cut off on purpose, so it stays at this version (otherwise it would refresh at once).
    const second = await browser.context.newPage();
    await second.route('**/api/maps/*/events', (route) => route.abort());
    await second.goto(mapUrl);
    await login(second, USERNAME, PASSPHRASE);
    await second.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // The first tab saves a new version; the second tab does not know it yet (no events).
    // (The tab in front gets the animation frames Playwright waits for; a background tab is throttled.)
    await first.bringToFront();
    await addPerson(first, {
      label: 'Z. — zus',
      category: 'family',
      ring: 'Dichtbij',
      support: ['Praktische hulp'],
    });

    // The second tab changes the partner on top of the old version.
    await second.bringToFront();
    await showList(second);
    await second.getByRole('button', { name: 'P. — partner wijzigen' }).click();
    await second.getByRole('radio', { name: 'Dichtbij', exact: true }).check();
    await second.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await second
      .getByRole('status')
      .filter({ hasText: 'Iemand anders had de kaart ook veranderd' })
      .waitFor();
    // After the merge the second tab shows the first tab's sister and its own change.
    await second.getByRole('heading', { level: 4, name: 'Z. — zus' }).waitFor();
    await screenshot(second, 'map-editor-merged');

    // The first tab opens the map again and sees the merged result.
    await first.bringToFront();
    await first.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await first.getByRole('link', { name: new RegExp(TITLE) }).click();
    await showList(first);
    await first.getByRole('heading', { level: 4, name: 'Z. — zus' }).waitFor();
    await first.getByRole('heading', { level: 4, name: 'P. — partner' }).waitFor();
    // The partner moved to "Dichtbij" in the second tab, and that change survived the merge.
    await expect(
      first.getByRole('heading', { level: 3, name: 'Heel dichtbij' }).count(),
    ).resolves.toBe(0);
    await expect(
      first.getByRole('heading', { level: 3, name: 'Dichtbij', exact: true }).count(),
    ).resolves.toBe(1);
    expect(browser.problems).toEqual([]);
  });
});
