// "Samen aan tafel": a professional, logged in on her own device, makes a new map with a parent.
// The parent registers on the same page in a temporary session of her own (no e-mail, her own
// passphrase, her recovery sheet), names her map and adds a person; the professional asks to join
// with the invite secret held in memory; the parent sees the safety code and approves; the parent
// is signed out. Then: the map is in the professional's list and opens; the parent logs in on
// another device and sees the professional as member; the professional's refresh cookie is still
// hers; nothing of the parent is left in localStorage or sessionStorage. And axe-core on every new
// screen, in Dutch and in Arabic (bypassCSP only in that test, to inject axe-core).
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, login, register, showList } from './support/flows.js';
import { PASSPHRASE, member } from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TITLE = 'Ons netwerk aan tafel';
const PARENT_PASSPHRASE = 'blauwe fiets onder de lindeboom';
const PRO = { name: 'Ilse de Wit', profession: 'jeugdverpleegkundige', organisation: 'JGZ Noord' };

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

/** Switches the whole app to `code` with the language picker and waits for the new direction. */
async function switchLanguage(page: Page, code: 'nl' | 'ar', dir: 'ltr' | 'rtl'): Promise<void> {
  await page.locator('nk-language-picker select').selectOption(code);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
}

/** Everything in localStorage and sessionStorage, as one string. */
function storageDump(page: Page): Promise<string> {
  return page.evaluate(() => {
    const all: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i) ?? '';
        all.push(`${key}=${store.getItem(key) ?? ''}`);
      }
    }
    return all.join('\n');
  });
}

interface Walk {
  readonly recoveryCode: string;
  readonly safetyCode: string;
}

/**
 * The whole flow from "Mijn kaarten" of a logged-in professional to "Klaar". `at` is called on
 * each new screen (for axe-core and screenshots).
 */
async function makeMapTogether(
  page: Page,
  parentName: string,
  at: (screen: string) => Promise<void>,
): Promise<Walk> {
  await page.getByRole('link', { name: 'Nieuwe kaart met ouder' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nieuwe kaart met ouder' }).waitFor();
  await page.getByText('De ouder kiest zelf een wachtwoordzin. Jij kijkt even weg.').waitFor();
  await at('intro');
  await page.getByRole('button', { name: 'Geef het apparaat aan de ouder' }).click();

  // The parent registers in her own session: username only, her own passphrase.
  await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
  await page.getByText('Geen e-mailadres.').waitFor();
  await page.getByLabel('Gebruikersnaam').fill(parentName);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(PARENT_PASSPHRASE);
  await page.getByText('Sterk. Goed gekozen!').waitFor();
  await page.getByLabel('Wachtwoordzin nog een keer').fill(PARENT_PASSPHRASE);
  await at('register');
  await page.getByRole('button', { name: 'Account maken' }).click();

  await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
  const recoveryCode = (await page.getByTestId('recovery-code').innerText())
    .replace(/\s+/g, ' ')
    .trim();
  await at('recovery');
  await page.getByLabel('Ik heb mijn herstelcode bewaard').check();
  await page.getByRole('button', { name: 'Verder' }).click();

  await page.getByRole('heading', { level: 1, name: 'Geef je kaart een naam' }).waitFor();
  await at('name');
  await page.getByLabel('Naam van de kaart').fill(TITLE);
  await page.getByRole('button', { name: 'Kaart maken' }).click();

  // Filling in together, in the parent's session, with the normal editor.
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await addPerson(page, {
    label: 'Oma Ria — oma',
    category: 'family',
    ring: 'Heel dichtbij',
    support: ['Praktische hulp'],
  });
  await at('fill');
  await page.getByRole('button', { name: 'Klaar met invullen' }).click();

  await page.getByRole('heading', { level: 1, name: 'Nu jij' }).waitFor();
  await page.getByLabel('Je naam').fill(PRO.name);
  await page.getByLabel('Je beroep').fill(PRO.profession);
  await page.getByLabel('Organisatie').fill(PRO.organisation);
  await at('professional');
  await page.getByRole('button', { name: 'Vraag om mee te doen' }).click();

  await page.getByRole('heading', { level: 1, name: `Mag ${PRO.name} meedoen?` }).waitFor();
  const safetyCode = (await page.getByTestId('safety-code').innerText()).trim();
  await page.getByText('De hulpverlener kreeg dezelfde code. Dat klopt.').waitFor();
  await at('approve');
  await page.getByLabel('Mag ook namen en contactgegevens zien').check();
  await page.getByRole('button', { name: 'Toelaten', exact: true }).click();

  // The device goes back to the professional: only her own passphrase opens her account again.
  await page.getByRole('heading', { level: 1, name: 'Geef het apparaat terug' }).waitFor();
  await at('handback');
  await page.getByLabel('Jouw wachtwoordzin').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Verder als hulpverlener' }).click();
  await page
    .getByTestId('together-done')
    .filter({ hasText: 'Klaar. De ouder is nu uitgelogd op dit apparaat.' })
    .waitFor({ timeout: 30_000 });
  await at('done');
  return { recoveryCode, safetyCode };
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('together at the table on a %s', (device, viewport) => {
  let server: TestServer;
  let professional: TestBrowser;
  let parent: TestBrowser | undefined;

  beforeAll(async () => {
    server = await startServer();
    professional = await launchBrowser({ viewport });
  });

  afterAll(async () => {
    await professional?.close();
    await parent?.close();
    await server?.dispose();
  });

  it('makes the parent’s map with the professional as member, then signs the parent out', async () => {
    const started = Date.now();
    const page = professional.page;
    const proName = `ilse-${device}`;
    const parentName = `ouder-${device}`;
    await register(page, server.url, proName, PASSPHRASE, { professional: true });
    await confirmRecovery(page);

    const walk = await makeMapTogether(page, parentName, async (screen) => {
      if (screen !== 'register') await screenshot(page, `together-${screen}-${device}`);
    });
    expect(walk.safetyCode).toMatch(/^\d{4} \d{4} \d{4}$/);

    // Nothing of the parent stays in storage: no passphrase, recovery code, name or invite secret.
    const stored = await storageDump(page);
    for (const secret of [
      PARENT_PASSPHRASE,
      walk.recoveryCode,
      walk.recoveryCode.replace(/ /g, ''),
      parentName,
    ])
      expect(stored).not.toContain(secret);
    expect(stored).not.toContain('nk-invites:');
    expect(stored).not.toContain('nk-join');

    // On the server, every session of the parent has ended (her logout was by bearer token).
    const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
    try {
      const open = db
        .prepare(
          'SELECT COUNT(*) AS n FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = ? AND s.revoked_at IS NULL',
        )
        .get(parentName) as { n: number };
      expect(open.n).toBe(0);
    } finally {
      db.close();
    }

    // The professional sees the map among hers and opens it.
    await page.getByRole('link', { name: 'Naar mijn kaarten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await showList(page);
    await page.locator('nk-person-card').filter({ hasText: 'Oma Ria' }).waitFor();
    await screenshot(page, `together-professional-map-${device}`);

    // Her own refresh cookie is still hers (the parent's login set none and her logout sent none).
    const cookieOwner = await page.evaluate(async () => {
      const refreshed = await fetch('/api/accounts/refresh', { method: 'POST' });
      if (!refreshed.ok) return `refresh ${refreshed.status}`;
      const { accessToken } = (await refreshed.json()) as { accessToken: string };
      const account = await fetch('/api/account', {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      return ((await account.json()) as { username: string }).username;
    });
    expect(cookieOwner).toBe(proName);

    // After a reload she logs in as herself and still has the map.
    await page.reload();
    await page.goto(`${server.url}/inloggen`);
    await login(page, proName, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await page.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    expect(professional.problems).toEqual([]);

    // The parent, on her own device, sees her map with the professional as member.
    parent = await launchBrowser({ viewport });
    const p = parent.page;
    await p.goto(`${server.url}/inloggen`);
    await login(p, parentName, PARENT_PASSPHRASE);
    await p.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await p.getByRole('link', { name: new RegExp(TITLE) }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    await member(p, PRO.name).waitFor();
    await screenshot(p, `together-parent-members-${device}`);
    expect(parent.problems).toEqual([]);
    console.log(`together (${device}): ${Date.now() - started} ms`);
  }, 180_000);
});

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('together at the table: accessibility on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    // bypassCSP only here: addScriptTag injects axe-core as an inline script.
    browser = await launchBrowser({ bypassCSP: true, viewport });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('has no violations on the new screens', async () => {
    const { page } = browser;
    await register(page, server.url, `axe-pro-${device}`, PASSPHRASE, { professional: true });
    await confirmRecovery(page);
    /** axe-core in Dutch, then in Arabic (right to left) with the app's own language picker. */
    const check = async (screen: string): Promise<void> => {
      expect(await violations(page), `${screen} (nl, ${device})`).toEqual([]);
      await switchLanguage(page, 'ar', 'rtl');
      expect(await violations(page), `${screen} (ar, ${device})`).toEqual([]);
      await switchLanguage(page, 'nl', 'ltr');
    };
    await check('map list');
    await makeMapTogether(page, `axe-ouder-${device}`, check);
  }, 180_000);
});
