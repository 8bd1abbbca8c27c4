// `npm run seed:demo` against a real listening server on both engines: what it creates, who reads
// what, and that a second run creates nothing.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogResponse } from '../../../shared/api/membership.js';
import { DEFAULT_KDF, fromBase64Url, loadSodium, verifyLog } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { logIn, type DemoAccount } from '../../../scripts/demo/accounts.js';
import { DemoApi } from '../../../scripts/demo/api.js';
import { openMap, type OpenedMap } from '../../../scripts/demo/reader.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const INFORMAL = ['family', 'friends', 'other-parents', 'community', 'work-study'];

/** Runs the real command line, as `npm run seed:demo -- --url <url>` would. */
async function seed(url: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/seed-demo.ts', '--url', url],
    { cwd: ROOT, timeout: 60_000 },
  );
  return stdout;
}

/** The passphrase printed for `username` in the seed's table. */
function printedPassphrase(stdout: string, username: string): string {
  for (const line of stdout.split('\n')) {
    const columns = line.trim().split(/\s{2,}/);
    if (columns[1] === username && columns[2] !== undefined) return columns[2];
  }
  throw new Error(`no row for ${username} in:\n${stdout}`);
}

function mapTitled(account: DemoAccount, title: string) {
  const entry = account.keyring.maps.find((map) => map.title === title);
  if (entry === undefined) throw new Error(`${account.username} has no map "${title}"`);
  return entry;
}

const databases = testDatabases();

describe.each(databases)('seed:demo on $engine', (database) => {
  let app: App;
  let url: string;
  let api: DemoApi;
  let firstOutput: string;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    api = new DemoApi(url);
    firstOutput = await seed(url);
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates the families and prints how to log in as each', () => {
    expect(firstOutput).toContain('Demo families created');
    for (const username of ['meriam', 'tiny', 'linda', 'verloskundige-demo', 'jgz-demo']) {
      expect(printedPassphrase(firstOutput, username)).toBe(`demo ${username} netwerkkaart`);
    }
    expect(firstOutput).toMatch(/demo data only/i);
  });

  it("lets Linda read her whole map, her wishes and her professionals' cards, on a verified log", async () => {
    const linda = await logIn(api, 'linda', printedPassphrase(firstOutput, 'linda'), DEFAULT_KDF);
    expect(linda.keyring.maps.map((map) => map.title)).toEqual(['Kaart van Linda en Davie']);
    const entry = mapTitled(linda, 'Kaart van Linda en Davie');
    const map = await openMap(api, linda, entry);

    // the log, fetched raw and verified here too: INIT and three ADDs, signed by Linda
    const raw = await api.json<LogResponse>('GET', `/maps/${entry.mapId}/log`, {
      auth: { capability: entry.capability },
    });
    const log = verifyLog({
      mapId: entry.mapId,
      records: raw.records.map((r) => fromBase64Url(r.record)),
      keysByEpoch: { 1: map.keys.base },
    });
    expect(log.seq).toBe(4);
    expect(log.owners).toEqual([map.slotId]);
    expect(log.entries.map((e) => e.type)).toEqual(['INIT', 'ADD', 'ADD', 'ADD']);
    const members = Object.values(log.members);
    const fawzia = members.find((m) => m.profile.name === 'Fawzia El Amrani');
    expect(fawzia).toMatchObject({ role: 'borger', sections: ['base', 'detail'] });
    expect(members.filter((m) => m.role === 'professional').map((m) => m.sections)).toEqual([
      ['base'],
      ['base'],
    ]);

    // the document: centre, people, details, the trusted mark, an ended entry, her wishes
    const { base, detail } = map.doc;
    expect(map.rights).toBe('admin');
    expect(base.centre).toEqual({ parents: ['Linda'], children: ['Davie'] });
    const labels = base.entries.map((e) => e.label);
    expect(labels).toContain('M. — vroegere juf, woont dichtbij');
    expect(labels).toContain('H. — man van M.');
    expect(labels).toContain('Fawzia — wijkteam');
    expect(base.entries.filter((e) => INFORMAL.includes(e.category)).length).toBeLessThanOrEqual(3);
    expect(base.entries.filter((e) => e.trusted).map((e) => e.label)).toEqual([
      'Jolien de Wit — ouder-kindspecialist',
    ]);
    expect(base.entries.find((e) => e.label.startsWith('Ziekenhuis'))?.active).toBe(false);
    for (const e of base.entries) {
      expect(e.support.length).toBeGreaterThan(0);
      expect(e.phases.length).toBeGreaterThan(0);
    }
    const mary = base.entries.find((e) => e.label.startsWith('M. —'));
    expect(detail?.entries[mary?.id ?? '']?.name).toBe('Mary');
    expect(map.doc.private?.wishes).toMatch(/Mary en Henk/);

    // each professional's own card, verified against the log
    const cards = map.cards.map((c) => ({
      name: c.card.card.name,
      role: c.member.role,
      whatIDo: c.card.card.whatIDo,
    }));
    expect(cards.map((c) => c.name).sort()).toEqual([
      'Anouk Visser',
      'Fawzia El Amrani',
      'Inge Smit',
    ]);
    expect(cards.find((c) => c.name === 'Fawzia El Amrani')?.role).toBe('borger');
    for (const c of cards) expect(c.whatIDo.length).toBeGreaterThan(10);

    // the server holds ciphertext only
    const read = await api.readMap(entry.mapId, entry.capability);
    const stored = Buffer.from(read.body);
    for (const word of ['Mary', 'Davie', 'juf', 'wijkteam'])
      expect(stored.includes(word)).toBe(false);
  });

  it('lets a professional read only what each parent granted her', async () => {
    const jgz = await logIn(
      api,
      'jgz-demo',
      printedPassphrase(firstOutput, 'jgz-demo'),
      DEFAULT_KDF,
    );
    expect(jgz.keyring.maps.map((m) => m.title).sort()).toEqual([
      'Kaart van Linda en Davie',
      'Kaart van Meriam en Micha',
    ]);
    const seen: OpenedMap = await openMap(api, jgz, mapTitled(jgz, 'Kaart van Linda en Davie'));
    expect(seen.rights).toBe('read');
    expect(seen.keys.detail).toBeUndefined();
    expect(seen.keys.private).toBeUndefined();
    expect(seen.doc.detail).toBeUndefined();
    expect(seen.doc.private).toBeUndefined();
    expect(seen.doc.base.entries.map((e) => e.label)).toContain('H. — man van M.');
    expect(seen.cards).toHaveLength(3);

    const fawzia = await logIn(
      api,
      'wijkteam-fawzia',
      printedPassphrase(firstOutput, 'wijkteam-fawzia'),
      DEFAULT_KDF,
    );
    const borger = await openMap(api, fawzia, mapTitled(fawzia, 'Kaart van Linda en Davie'));
    expect(borger.rights).toBe('write');
    expect(Object.values(borger.doc.detail?.entries ?? {}).map((d) => d.name)).toContain('Mary');
    expect(borger.doc.private).toBeUndefined();
    const atMeriam = await openMap(api, fawzia, mapTitled(fawzia, 'Kaart van Meriam en Micha'));
    expect(atMeriam.doc.detail).toBeUndefined();
    expect(atMeriam.doc.base.entries.some((e) => e.trusted)).toBe(true);
  });

  it('creates nothing the second time and exits 0', async () => {
    const linda = await logIn(api, 'linda', 'demo linda netwerkkaart', DEFAULT_KDF);
    const before = await openMap(api, linda, mapTitled(linda, 'Kaart van Linda en Davie'));
    const verloskundige = await logIn(
      api,
      'verloskundige-demo',
      'demo verloskundige-demo netwerkkaart',
      DEFAULT_KDF,
    );
    expect(verloskundige.keyring.maps).toHaveLength(3);

    const again = await seed(url);
    expect(again).toContain('already there');
    expect(printedPassphrase(again, 'linda')).toBe('demo linda netwerkkaart');

    const lindaAfter = await logIn(api, 'linda', 'demo linda netwerkkaart', DEFAULT_KDF);
    expect(lindaAfter.keyring.maps).toHaveLength(1);
    expect(lindaAfter.keyring).toEqual(linda.keyring);
    const after = await openMap(api, lindaAfter, mapTitled(lindaAfter, 'Kaart van Linda en Davie'));
    expect(after.version).toBe(before.version);
    expect(after.logRecords).toBe(before.logRecords);
    expect(after.cards).toHaveLength(before.cards.length);
    const verloskundigeAfter = await logIn(
      api,
      'verloskundige-demo',
      'demo verloskundige-demo netwerkkaart',
      DEFAULT_KDF,
    );
    expect(verloskundigeAfter.keyring.maps).toHaveLength(3);
  });
});
