// The core promise, end to end in Chromium against the real server: a parent registers, makes a map,
// adds three people, reloads, logs in again and sees them decrypted — while the server holds nothing readable.
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  addPerson,
  confirmRecovery,
  createMap,
  login,
  register,
  showList,
  type Person,
} from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const USERNAME = 'ouder-e2e';
const PASSPHRASE = 'rode step achter de oude schuur';
const MAP_TITLE = 'Kaart van Mila-Test';

const PEOPLE: Person[] = [
  {
    label: 'Oma Zeynep-Test',
    category: 'family',
    ring: 'Heel dichtbij',
    support: ['Praktische hulp', 'Oppassen op de baby of de andere kinderen'],
    supportNote: 'past op als ik naar de dokter moet',
    name: 'Zeynep Yilmaz-Geheimnaam',
  },
  {
    label: 'B. — buurvrouw-Test',
    category: 'community',
    ring: 'Dichtbij',
    support: ['Praktische hulp', 'Iemand om mee te praten'],
    supportNote: 'buurvrouw kookt op dinsdag',
  },
  {
    label: 'Anouk-Test, verloskundige',
    category: 'pro-medical',
    ring: 'Dichtbij',
    support: ['Medische zorg', 'Informatie en advies'],
    note: 'Notitie-Geheim: belt na de echo',
  },
];

/** Everything typed that only the family may read. */
const SECRETS = [
  MAP_TITLE,
  ...PEOPLE.flatMap((person) => [person.label, person.supportNote, person.name, person.note]),
].filter((text): text is string => text !== undefined);

describe('a map survives a reload and stays unreadable to the server', () => {
  let server: TestServer;
  let browser: TestBrowser;
  /** Request bodies and URLs the browser sent to the server. */
  const sent: string[] = [];
  const timings: Record<string, number> = {};
  /** The checks after the round trip only mean something once it has run to the end. */
  let roundTripDone = false;

  async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    browser.page.on('request', (request) => {
      sent.push(request.url());
      const body = request.postData();
      if (body !== null) sent.push(body);
    });
  });

  afterAll(async () => {
    console.log('e2e timings (ms):', JSON.stringify(timings));
    await browser?.close();
    await server?.dispose();
  });

  it('registers, shows the recovery sheet, keeps three people through a reload and a new login', async () => {
    const { page } = browser;

    const code = await timed('register (Argon2id + keys + account + login)', () =>
      register(page, server.url, USERNAME, PASSPHRASE),
    );
    // 52 Crockford base32 characters in groups of four.
    expect(code.replace(/\s/g, '')).toMatch(/^[0-9A-HJKMNP-TV-Z]{52}$/);
    await expect(page.getByRole('button', { name: 'Printen' }).isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('button', { name: 'Opslaan als bestand' }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'recovery-sheet');

    // The sheet downloads as a text file holding the code.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Opslaan als bestand' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`netwerkkaart-herstelcode-${USERNAME}.txt`);
    const file = readFileSync(await download.path(), 'utf8');
    expect(file.replace(/\s/g, '')).toContain(code.replace(/\s/g, ''));

    await confirmRecovery(page);
    await screenshot(page, 'map-list-empty');
    await timed('create map', () => createMap(page, MAP_TITLE));
    await screenshot(page, 'map-editor-empty');

    for (const [i, person] of PEOPLE.entries()) {
      await timed(`add person ${i + 1}`, () => addPerson(page, person));
    }
    await expect(page.getByText('Je hebt 3 mensen die je helpen.').isVisible()).resolves.toBe(true);
    await showList(page);
    await screenshot(page, 'map-editor-three-people');

    // A reload loses every key (they lived only in the worker): the app asks to log in again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await timed('login (Argon2id + unlock) and open map', async () => {
      await login(page, USERNAME, PASSPHRASE);
      // After login the app returns to the map that was open.
      await page.getByRole('heading', { level: 1, name: MAP_TITLE }).waitFor();
    });
    await showList(page);
    for (const person of PEOPLE) {
      await page.getByRole('heading', { level: 4, name: person.label }).waitFor();
    }
    await expect(page.getByText('“buurvrouw kookt op dinsdag”').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Zeynep Yilmaz-Geheimnaam').isVisible()).resolves.toBe(true);
    await screenshot(page, 'map-editor-after-login');

    // The map list shows the map from the decrypted keyring.
    await page.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await expect(page.getByRole('link', { name: new RegExp(MAP_TITLE) }).isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, 'map-list');

    // Under the strict CSP nothing was blocked and nothing failed.
    expect(browser.problems).toEqual([]);
    roundTripDone = true;
  });

  it('never sent the typed names, roles or notes over the wire', () => {
    expect(roundTripDone, 'the round trip must pass first').toBe(true);
    expect(sent.length).toBeGreaterThan(0);
    for (const secret of SECRETS) {
      for (const item of sent) expect(item).not.toContain(secret);
    }
  });

  it('keeps none of them in the database, its WAL or the log', async () => {
    expect(roundTripDone, 'the round trip must pass first').toBe(true);
    const files = [server.databaseFile, `${server.databaseFile}-wal`];
    const before = files.filter((path) => existsSync(path)).map((path) => readFileSync(path));
    expect(before.length).toBeGreaterThanOrEqual(1);
    await server.close();
    // Closing checkpoints the WAL into the main file; look again.
    const after = files.filter((path) => existsSync(path)).map((path) => readFileSync(path));
    const logText = server.logs.join('');
    expect(logText.length).toBeGreaterThan(0);
    for (const secret of SECRETS) {
      const needle = Buffer.from(secret, 'utf8');
      for (const bytes of [...before, ...after]) expect(bytes.includes(needle), secret).toBe(false);
      expect(logText, secret).not.toContain(secret);
    }
    // Sanity check of the method: the username is stored in the clear, so it must be found.
    expect(after.some((bytes) => bytes.includes(Buffer.from(USERNAME, 'utf8')))).toBe(true);
  });

  it('has no table that links an account to a map or a slot', () => {
    const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[];
      expect(tables.map((table) => table.name)).toEqual(
        expect.arrayContaining(['accounts', 'maps']),
      );
      for (const { name } of tables) {
        const columns = (
          db.prepare(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all() as { name: string }[]
        ).map((column) => column.name.toLowerCase());
        const accountish =
          columns.some((column) => /account|user/.test(column)) || /account|user/.test(name);
        const mapish = columns.some((column) => /map|slot/.test(column)) || /map|slot/.test(name);
        expect(accountish && mapish, `${name}(${columns.join(', ')})`).toBe(false);
      }
    } finally {
      db.close();
    }
  });
});
