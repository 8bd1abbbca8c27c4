// Consent to join, in two separate Chromium browsers: the parent invites a midwife by link, the midwife
// makes an account and asks to join, both screens show the same safety code, the parent approves; the
// midwife reads the map and writes her card; the parent sees it arrive live, marks her as vertrouwde
// persoon and removes her; the midwife is told plainly that she has no access any more. Then the
// server-blindness check over this whole flow.
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { login } from './support/flows.js';
import {
  NO_ACCESS,
  PASSPHRASE,
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  parentWithMap,
  pendingCode,
  writeCard,
  type JoinerProfile,
} from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Kaart van Sanne';
const MIDWIFE: JoinerProfile = {
  username: 'fatima-linde',
  name: 'Fatima Bakkali',
  profession: 'verloskundige',
  organisation: 'Verloskundigenpraktijk De Lindeboom',
  contact: '06-18273645',
  availability: 'maandag tot vrijdag, 9 tot 17 uur',
  professional: true,
};
const CARD = {
  whatIDo: 'Ik doe de zwangerschapscontroles en kom na de bevalling langs',
  howToReach: 'Bel de praktijk op 020-7654321',
  when: 'Werkdagen van 8 tot 17 uur',
};
/** Typed in the browsers; none may reach the server in readable form. */
const TYPED = [
  MIDWIFE.name,
  MIDWIFE.profession,
  MIDWIFE.organisation,
  MIDWIFE.contact,
  MIDWIFE.availability,
  CARD.whatIDo,
  CARD.howToReach,
  CARD.when,
  TITLE,
];

describe('consent: a midwife joins by link, with the parent’s approval', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let midwife: TestBrowser;
  let flowDone = false;

  beforeAll(async () => {
    server = await startServer();
    parent = await launchBrowser({ viewport: DESKTOP });
    midwife = await launchBrowser({ viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await midwife?.close();
    await server?.dispose();
  });

  it('invites, compares the safety code, approves, shares cards live, marks and removes', async () => {
    const started = Date.now();
    const p = parent.page;
    const m = midwife.page;
    await parentWithMap(p, server.url, 'sanne-ouder', TITLE);
    const link = await inviteByLink(p);
    await screenshot(p, 'consent-invite-link');

    const joinerCode = await joinByLink(m, link, MIDWIFE);
    expect(joinerCode).toMatch(/^\d{4} \d{4} \d{4}$/);
    await screenshot(m, 'consent-joiner-waiting');

    const parentCode = await pendingCode(p, MIDWIFE.name);
    expect(parentCode).toBe(joinerCode);
    await screenshot(p, 'consent-parent-request');
    await approve(p, MIDWIFE.name, 'Hulpverlener');

    // The midwife's app collects the answer and opens the map.
    await joinerOpensMap(m, TITLE);
    await writeCard(m, CARD);
    await screenshot(m, 'consent-midwife-card');

    // The parent sees the card appear without reloading.
    await member(p, MIDWIFE.name)
      .getByTestId('member-card')
      .filter({ hasText: CARD.whatIDo })
      .waitFor();
    await member(p, MIDWIFE.name)
      .getByRole('button', { name: `Maak ${MIDWIFE.name} je vertrouwde persoon` })
      .click();
    await member(p, MIDWIFE.name).getByTestId('trusted-mark').waitFor();
    // Everyone sees the mark: the midwife too, live.
    await member(m, MIDWIFE.name).getByTestId('trusted-mark').waitFor();
    await screenshot(p, 'consent-parent-members');

    // The history names her and what she did.
    const history = p.getByTestId('history');
    await expect
      .poll(() => history.innerText())
      .toContain(`${MIDWIFE.name}, ${MIDWIFE.profession} doet mee als hulpverlener`);

    // Who sees what: one tap widens the grant; taking it back re-keys the map.
    await member(p, MIDWIFE.name)
      .getByRole('button', { name: 'Laat namen en contactgegevens zien' })
      .click();
    await member(p, MIDWIFE.name)
      .getByText('Ziet wie er op de kaart staat, met namen, telefoonnummers en adressen.')
      .waitFor();
    await member(m, MIDWIFE.name)
      .getByText('Ziet wie er op de kaart staat, met namen, telefoonnummers en adressen.')
      .waitFor();
    await member(p, MIDWIFE.name)
      .getByRole('button', { name: 'Geen namen en contactgegevens meer' })
      .click();
    await member(p, MIDWIFE.name)
      .getByText('Ziet wie er op de kaart staat, zonder telefoonnummers en adressen.')
      .waitFor();
    // After the re-key she still reads the map (with her new key ring) and her card still shows.
    await member(m, MIDWIFE.name)
      .getByText('Ziet wie er op de kaart staat, zonder telefoonnummers en adressen.')
      .waitFor();
    await member(p, MIDWIFE.name).getByTestId('trusted-mark').waitFor();

    // Removal: one atomic re-key; her open screen says so at once.
    await member(p, MIDWIFE.name).getByRole('button', { name: 'Van de kaart halen' }).click();
    await member(p, MIDWIFE.name)
      .getByRole('button', { name: `Ja, haal ${MIDWIFE.name} van de kaart` })
      .click();
    await expect.poll(() => member(p, MIDWIFE.name).count()).toBe(0);
    await m.getByTestId('no-access').filter({ hasText: NO_ACCESS }).waitFor();
    await screenshot(m, 'consent-midwife-removed');

    // And the map itself no longer opens for her: it left her keyring, no stale copy opens.
    await m.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await m
      .getByRole('alert')
      .filter({ hasText: 'Deze kaart staat niet bij jouw kaarten.' })
      .waitFor();

    // A server that drops the newest log entry (a rollback) is refused, with a clear message: the
    // pin comes with her keyring, so a reloaded page (a new worker) knows what she saw.
    const mapId = /\/kaarten\/([A-Za-z0-9_-]{22})/.exec(p.url())?.[1] ?? '';
    const db = new Database(server.databaseFile, { fileMustExist: true });
    try {
      db.prepare(
        'DELETE FROM map_log WHERE map_id = ? AND seq = (SELECT MAX(seq) FROM map_log WHERE map_id = ?)',
      ).run(mapId, mapId);
    } finally {
      db.close();
    }
    await p.reload();
    await login(p, 'sanne-ouder', PASSPHRASE);
    await p
      .getByRole('alert')
      .filter({
        hasText:
          'De server laat een oudere kaart zien dan je eerder al zag. Daarom laten we haar niet zien. Probeer het later opnieuw.',
      })
      .waitFor();
    await screenshot(p, 'consent-log-refused');

    expect(parent.problems).toEqual([]);
    expect(midwife.problems).toEqual([]);
    flowDone = true;
    console.log(`consent flow (midwife) took ${Date.now() - started} ms`);
  });

  it('keeps none of the typed names, professions, organisations or card texts on the server', async () => {
    expect(flowDone, 'the flow must pass first').toBe(true);
    const files = [server.databaseFile, `${server.databaseFile}-wal`];
    const before = files.filter((path) => existsSync(path)).map((path) => readFileSync(path));
    await server.close();
    const after = files.filter((path) => existsSync(path)).map((path) => readFileSync(path));
    const logText = server.logs.join('');
    expect(logText.length).toBeGreaterThan(0);
    for (const secret of TYPED) {
      const needle = Buffer.from(secret, 'utf8');
      for (const bytes of [...before, ...after]) expect(bytes.includes(needle), secret).toBe(false);
      expect(logText, secret).not.toContain(secret);
    }
    // The method finds what is stored in the clear: the usernames.
    expect(after.some((bytes) => bytes.includes(Buffer.from(MIDWIFE.username, 'utf8')))).toBe(true);
  });

  it('has no table that links an account to a map, a slot, an invite or a request', () => {
    const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
    try {
      const tables = (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .all() as { name: string }[]
      ).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['accounts', 'maps', 'invites', 'map_log']));
      const accountIds = (db.prepare('SELECT id FROM accounts').all() as { id: string }[]).map(
        (row) => row.id,
      );
      expect(accountIds.length).toBe(2);
      for (const name of tables) {
        const columns = (
          db.prepare(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all() as { name: string }[]
        ).map((column) => column.name.toLowerCase());
        const accountish =
          columns.some((column) => /account|user/.test(column)) || /account|user/.test(name);
        const mapish =
          columns.some((column) => /map|slot|invite|request/.test(column)) ||
          /map|slot|invite|request/.test(name);
        expect(accountish && mapish, `${name}(${columns.join(', ')})`).toBe(false);
        if (name === 'accounts' || name === 'sessions' || name === 'login_challenges') continue;
        // No account id stored anywhere on the map side.
        const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as Record<
          string,
          unknown
        >[];
        const text = JSON.stringify(rows);
        for (const id of accountIds)
          expect(text.includes(id), `${name} holds an account id`).toBe(false);
      }
    } finally {
      db.close();
    }
  });
});
