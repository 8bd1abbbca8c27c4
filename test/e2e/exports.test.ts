// Exports made on the device, in Chromium against the real server: the FHIR R4 CareTeam (.json), the
// contacts as vCard 4.0 (.vcf), the whole map as JSON, and an encrypted backup that is restored into
// a NEW map with the same entries (a wrong passphrase is told apart). Files are saved via Blob URLs;
// no export request goes to the server.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseEntry, DetailFields, MapDocument } from '../../shared/map/types.js';
import { DESKTOP, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { confirmRecovery, createMap, login, register } from './support/flows.js';
import { seedMap } from './support/seed.js';
import { startServer, type TestServer } from './support/server.js';

const PASSPHRASE = 'zonnige ochtend bij de rivier';
const BACKUP_PASSPHRASE = 'blauwe fiets onder de lindeboom';
const TITLE = 'Ons netwerk rond Davie';

const entry = (id: string, fields: Partial<BaseEntry> & Pick<BaseEntry, 'label' | 'category'>) =>
  ({
    id,
    ring: 2,
    support: [],
    supportNote: '',
    phases: [],
    active: true,
    trusted: false,
    ...fields,
  }) satisfies BaseEntry;

const ENTRIES: BaseEntry[] = [
  entry('AAAAAAAAAAAAAAAAAAAAAA', {
    label: 'Huisarts',
    category: 'pro-medical',
    support: ['medical'],
    phases: ['zwangerschap', 'baby-0-2'],
  }),
  entry('AQEBAQEBAQEBAQEBAQEBAQ', {
    label: 'Fawzia — wijkteam',
    category: 'pro-social',
    support: ['advice', 'money-housing-papers'],
    trusted: true,
    ring: 1,
  }),
  entry('AgICAgICAgICAgICAgICAg', {
    label: 'Verloskundige',
    category: 'pro-medical',
    active: false,
    ring: 3,
  }),
  entry('AwMDAwMDAwMDAwMDAwMDAw', {
    label: 'M. — moeder',
    category: 'family',
    support: ['emotional', 'childcare'],
    ring: 1,
  }),
];

const DETAILS: Record<string, DetailFields> = {
  AAAAAAAAAAAAAAAAAAAAAA: { name: 'Dr. P. de Vries', contact: '015 212 34 56' },
  AQEBAQEBAQEBAQEBAQEBAQ: {
    name: 'Fawzia Haddou',
    contact: 'fawzia@wijkteam.example, 06 1234 5678',
  },
  AwMDAwMDAwMDAwMDAwMDAw: { contact: '06 9876 5432', note: 'Komt op woensdag.' },
};

async function saved(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  const bytes = await readFile(path);
  return { download, text: bytes.toString('utf8'), bytes };
}

async function editorDocument(page: Page): Promise<MapDocument> {
  return page.evaluate(() => {
    const editor = document.querySelector('nk-map-editor') as unknown as { document: MapDocument };
    return editor.document;
  });
}

describe('exports from the device', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ viewport: DESKTOP });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('saves a CareTeam, vCards, the map as JSON and a backup that restores into a new map', async () => {
    const { page } = browser;
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiCalls.push(`${request.method()} ${url.pathname}`);
    });
    await register(page, server.url, 'linda', PASSPHRASE);
    await confirmRecovery(page);
    await createMap(page, TITLE);
    await seedMap(page, {
      entries: ENTRIES,
      details: DETAILS,
      wishes: 'Meer mensen in de buurt leren kennen.',
      centre: { parents: ['Linda'], children: ['Davie'] },
    });
    const before = apiCalls.length;

    const menu = page.locator('nk-export-menu');
    await menu.getByText('Opslaan als bestand').click();
    await screenshot(page, 'export-menu-desktop');

    // FHIR R4 CareTeam: the three professionals, the ended one with period.end.
    let started = Date.now();
    const careTeam = await saved(page, () =>
      menu.getByRole('button', { name: /Zorgteam voor een zorgsysteem/ }).click(),
    );
    expect(careTeam.download.suggestedFilename()).toMatch(
      /^netwerkkaart-zorgteam-\d{4}-\d\d-\d\d\.json$/,
    );
    const resource = JSON.parse(careTeam.text) as {
      resourceType: string;
      name: string;
      participant: {
        member: { display: string };
        role: { coding: { code: string }[] }[];
        period?: { end: string };
      }[];
    };
    expect(resource.resourceType).toBe('CareTeam');
    expect(resource.name).toBe(TITLE);
    expect(resource.participant.map((p) => p.member.display).sort()).toEqual([
      'Dr. P. de Vries',
      'Fawzia Haddou',
      'Verloskundige',
    ]);
    expect(
      resource.participant.find((p) => p.member.display === 'Verloskundige')?.period?.end,
    ).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(careTeam.text).not.toContain('M. — moeder');

    // vCard 4.0: one card per entry with contact details.
    const vcards = await saved(page, () => menu.getByRole('button', { name: /Contacten/ }).click());
    expect(vcards.download.suggestedFilename()).toMatch(/\.vcf$/);
    expect(vcards.text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(vcards.text.match(/BEGIN:VCARD/g)).toHaveLength(3);
    expect(vcards.text).toContain('FN:Fawzia Haddou');
    expect(vcards.text).toContain('EMAIL:fawzia@wijkteam.example');

    // The whole map as JSON.
    const json = await saved(page, () =>
      menu.getByRole('button', { name: /De hele kaart/ }).click(),
    );
    const wrapper = JSON.parse(json.text) as { format: string; map: MapDocument };
    expect(wrapper.format).toBe('netwerkkaart-map');
    expect(wrapper.map.base.entries).toEqual(ENTRIES);
    console.log(`exports: CareTeam, vCard and JSON in ${Date.now() - started} ms`);

    // The encrypted backup (Argon2id in the worker).
    started = Date.now();
    await menu.getByRole('button', { name: /Back-up op slot/ }).click();
    await menu.getByLabel('Wachtwoordzin voor de back-up').fill(BACKUP_PASSPHRASE);
    await menu.getByLabel('Wachtwoordzin nog een keer').fill('iets anders dan de eerste');
    await menu.getByRole('button', { name: 'Back-up maken' }).click();
    await menu.getByText('De twee wachtwoordzinnen zijn niet hetzelfde.').waitFor();
    await menu.getByLabel('Wachtwoordzin nog een keer').fill(BACKUP_PASSPHRASE);
    await screenshot(page, 'export-backup-form-desktop');
    const backup = await saved(page, () =>
      menu.getByRole('button', { name: 'Back-up maken' }).click(),
    );
    expect(backup.bytes.subarray(0, 9).toString('latin1')).toBe('NKBACKUP1');
    expect(backup.text).not.toContain('Fawzia');
    console.log(`exports: backup made in ${Date.now() - started} ms`);
    // Nothing of the exports went to the server.
    expect(apiCalls.slice(before)).toEqual([]);
    const backupPath = await backup.download.path();

    // Restore into a new map.
    started = Date.now();
    await menu.getByRole('link', { name: 'Kaart terugzetten uit back-up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kaart terugzetten uit back-up' }).waitFor();
    await page.getByLabel('Back-upbestand').setInputFiles({
      name: 'netwerkkaart-backup.nkbackup',
      mimeType: 'application/octet-stream',
      buffer: backup.bytes,
    });
    await page.getByLabel('Wachtwoordzin van de back-up').fill('niet de goede zin hoor');
    await page.getByRole('button', { name: 'Terugzetten als nieuwe kaart' }).click();
    await page.getByText('Deze wachtwoordzin past niet bij de back-up.').waitFor();
    await screenshot(page, 'restore-wrong-passphrase-desktop');
    await page.getByLabel('Back-upbestand').setInputFiles(backupPath);
    await page.getByLabel('Wachtwoordzin van de back-up').fill(BACKUP_PASSPHRASE);
    await page.getByRole('button', { name: 'Terugzetten als nieuwe kaart' }).click();
    await page.getByRole('status').filter({ hasText: 'Je kaart is teruggezet.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    console.log(`exports: backup restored in ${Date.now() - started} ms`);
    const restoredId = new URL(page.url()).pathname.split('/')[2];

    // Logged out and in again, the new map is fetched and decrypted from the server: same content.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.goto(`${server.url}/inloggen`);
    await login(page, 'linda', PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    expect(await page.locator('nk-map-list ul.maps li').count()).toBe(2);
    await page.locator(`nk-map-list a[href$="${restoredId}"]`).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(async () => (await editorDocument(page))?.base?.entries?.length).toBe(4);
    const restored = await editorDocument(page);
    expect(restored.base.entries).toEqual(ENTRIES);
    expect(restored.base.centre).toEqual({ parents: ['Linda'], children: ['Davie'] });
    expect(restored.detail?.entries).toEqual(DETAILS);
    expect(restored.private?.wishes).toBe('Meer mensen in de buurt leren kennen.');
    await screenshot(page, 'restored-map-desktop');
    expect(browser.problems).toEqual([]);
  });
});
