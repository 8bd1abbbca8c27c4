// Consent across owners and devices, in separate Chromium browsers: invites made on the parent's first
// device are answered by the co-parent and by the parent on a second device (a fresh browser that only
// logs in), and a fresh device that the server serves an older log than the account has seen refuses it.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  PASSPHRASE,
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  parentWithMap,
  pendingCode,
  type JoinerProfile,
} from './support/consent.js';
import { login } from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Kaart van Sanne en Micha';
const PARENT = 'sanne-apparaten';

function joiner(username: string, name: string, profession: string): JoinerProfile {
  return { username, name, profession, organisation: '', contact: '', availability: '' };
}
const PARTNER = joiner('micha-apparaten', 'Micha Jansen', 'partner');
const MIDWIFE = joiner('fatima-apparaten', 'Fatima Bakkali', 'verloskundige');
const NEIGHBOUR = joiner('ria-apparaten', 'Ria de Boer', 'buurvrouw');

const ROLLBACK =
  'De server laat een oudere kaart zien dan je eerder al zag. Daarom laten we haar niet zien. Probeer het later opnieuw.';

describe('consent: owners and devices share invites and what was seen', () => {
  let server: TestServer;
  const browsers: TestBrowser[] = [];

  const launch = async (viewport: { width: number; height: number }) => {
    const browser = await launchBrowser({ viewport });
    browsers.push(browser);
    return browser;
  };

  /** The parent on a device of her own that has never seen the app: log in, open the map. */
  const parentOnFreshDevice = async () => {
    const device = await launch(DESKTOP);
    const page = device.page;
    await page.goto(`${server.url}/inloggen`);
    await login(page, PARENT, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    return device;
  };

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.dispose();
  });

  it('the co-parent and the parent’s second device answer the first device’s invites', async () => {
    const started = Date.now();
    const first = await launch(DESKTOP);
    const p = first.page;
    await parentWithMap(p, server.url, PARENT, TITLE);
    const coParent = await launch(PHONE);
    const c = coParent.page;
    const partnerCode = await joinByLink(c, await inviteByLink(p), PARTNER);
    expect(await pendingCode(p, PARTNER.name)).toBe(partnerCode);
    await approve(p, PARTNER.name, 'tweede ouder (beheert de kaart met jou)');
    await joinerOpensMap(c, TITLE);

    // The first device invites the midwife; the co-parent sees her request and lets her in.
    const midwife = await launch(PHONE);
    const midwifeCode = await joinByLink(midwife.page, await inviteByLink(p), MIDWIFE);
    expect(await pendingCode(c, MIDWIFE.name)).toBe(midwifeCode);
    await screenshot(c, 'consent-devices-co-parent-request');
    await approve(c, MIDWIFE.name, 'Hulpverlener');
    await joinerOpensMap(midwife.page, TITLE);
    await member(p, MIDWIFE.name).waitFor();

    // The first device invites the neighbour and is then closed for good.
    const neighbourLink = await inviteByLink(p);
    await first.close();
    const neighbour = await launch(PHONE);
    const neighbourCode = await joinByLink(neighbour.page, neighbourLink, NEIGHBOUR);
    const second = await parentOnFreshDevice();
    const d = second.page;
    await d.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await d.getByRole('link', { name: 'Wie doet mee?' }).click();
    expect(await pendingCode(d, NEIGHBOUR.name)).toBe(neighbourCode);
    await screenshot(d, 'consent-devices-second-device-request');
    await approve(d, NEIGHBOUR.name, 'iemand uit je omgeving');
    await joinerOpensMap(neighbour.page, TITLE);
    for (const browser of [coParent, midwife, neighbour, second]) {
      expect(browser.problems).toEqual([]);
    }
    console.log(`consent on two owners and two devices took ${Date.now() - started} ms`);
  });

  it('a fresh device served an older log than the account has seen refuses the map', async () => {
    // The server drops the newest record (the neighbour's ADD) that the second device verified.
    const db = new Database(server.databaseFile, { fileMustExist: true });
    try {
      const { mapId } = db.prepare('SELECT id AS mapId FROM maps').get() as { mapId: string };
      const dropped = db
        .prepare(
          'DELETE FROM map_log WHERE map_id = ? AND seq = (SELECT MAX(seq) FROM map_log WHERE map_id = ?)',
        )
        .run(mapId, mapId);
      expect(dropped.changes).toBe(1);
    } finally {
      db.close();
    }
    const third = await parentOnFreshDevice();
    await third.page.getByRole('alert').filter({ hasText: ROLLBACK }).waitFor();
    await expect(third.page.getByRole('heading', { name: NEIGHBOUR.name }).count()).resolves.toBe(
      0,
    );
    await screenshot(third.page, 'consent-devices-rollback-refused');

    // What older versions kept in the browser (pins, invite secrets) is wiped when the app starts.
    await third.page.evaluate(() => {
      localStorage.setItem('nk-invites:oud', '{"a":"geheim"}');
      localStorage.setItem('nk-pin:oud', '{}');
    });
    await third.page.reload();
    await third.page.getByRole('heading', { level: 1 }).first().waitFor();
    const keys = await third.page.evaluate(() => Object.keys(localStorage));
    expect(
      keys.filter((key) => key.startsWith('nk-pin:') || key.startsWith('nk-invites:')),
    ).toEqual([]);
    expect(third.problems).toEqual([]);
  });
});
