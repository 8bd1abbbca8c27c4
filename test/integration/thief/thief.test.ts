// Plays the thief (issue 10): after four families and their helpers have signed up, made maps,
// invited, joined, left and been removed, she copies the stored data and tries every way we know to
// tell which accounts share a map. None may beat chance once the product's settle time has passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadSodium } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildAppOn } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { blobChunk, runScenario, type Truth } from './scenario.js';
import { stealPostgres, stealSqlite, type Loot } from './loot.js';
import {
  byStorageOrder,
  byTimestamps,
  byWriteOrder,
  byXmin,
  countLeak,
  idsOf,
  judge,
  seeded,
  type Scores,
  type Verdict,
} from './linking.js';

const databases = testDatabases();
/** Below this a method links more pairs than chance: fewer than 1 in 2000 random guesses did as well. */
const CHANCE_FLOOR = 0.0005;
const PERMUTATIONS = 4000;

/** A scenario across midnight UTC would split the day-precision times in two; wait it out. */
async function notAtMidnight(): Promise<void> {
  const sinceMidnight = Date.now() % 86_400_000;
  const untilMidnight = 86_400_000 - sinceMidnight;
  if (untilMidnight < 120_000) await new Promise((r) => setTimeout(r, untilMidnight + 1000));
}

function report(engine: string, verdicts: Record<string, Verdict>): string {
  return Object.entries(verdicts)
    .map(
      ([m, v]) =>
        `${engine} ${m}: ${v.hits.toFixed(2)} vs chance ${v.chance.toFixed(2)}, p ${v.p.toFixed(4)}`,
    )
    .join('\n');
}

describe('the thief’s statistics', () => {
  it('catch a method that knows the pairs, and not one that knows nothing', () => {
    const truth = new Map<string, Set<string>>();
    const random = seeded(7);
    for (let a = 0; a < 14; a++) truth.set(`a${a}`, new Set());
    for (let m = 0; m < 5; m++)
      for (let a = 0; a < 14; a++) if (random() < 0.3) truth.get(`a${a}`)!.add(`m${m}`);
    const leaky: Scores = new Map();
    const blind: Scores = new Map();
    for (const [a, maps] of truth) {
      leaky.set(
        a,
        new Map(
          [0, 1, 2, 3, 4].map((m) => [`m${m}`, (maps.has(`m${m}`) ? 1 : 0) + random() * 0.5]),
        ),
      );
      blind.set(a, new Map([0, 1, 2, 3, 4].map((m) => [`m${m}`, 0])));
    }
    expect(judge(leaky, truth, PERMUTATIONS).p).toBeLessThan(CHANCE_FLOOR);
    expect(judge(blind, truth, PERMUTATIONS).p).toBeGreaterThan(0.01);
    const counts = new Map([...truth].map(([a, maps]) => [a, maps.size]));
    expect(countLeak(counts, counts, PERMUTATIONS).p).toBeLessThan(CHANCE_FLOOR);
  });
});

describe.each(databases)('a thief with a copy of the $engine data', (database) => {
  let app: App;
  let loot: Loot;
  let truth: Truth;
  let liveKeyrings: Set<string>;
  let liveBundles: Set<string>;

  beforeAll(async () => {
    await loadSodium();
    await notAtMidnight();
    const created = await database.create();
    app = await buildAppOn(created, { env: { SETTLE_SECONDS: '1' } });
    await app.ready();
    truth = await runScenario(app);
    // the product's stated settle time: SETTLE_SECONDS after the last account write, then the WAL
    await app.settle.idle();
    const keyrings = await app.db.selectFrom('accounts').select('keyring').execute();
    liveKeyrings = new Set(keyrings.map((r) => blobChunk(r.keyring)));
    const bundles = await app.db.selectFrom('map_slots').select('key_bundle').execute();
    liveBundles = new Set(bundles.map((r) => blobChunk(r.key_bundle)));
    loot =
      database.engine === 'sqlite'
        ? await stealSqlite(join(created.dataDir, 'netwerkkaart.sqlite'))
        : await stealPostgres(created.databaseUrl!);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
  });

  it('links no account to a map better than chance, by any method', () => {
    const ids = idsOf(loot);
    expect(ids.accounts.size).toBe(truth.maps.size);
    const verdicts: Record<string, Verdict> = {
      'storage order (rowid / ctid)': judge(byStorageOrder(loot, ids), truth.maps, PERMUTATIONS),
      timestamps: judge(byTimestamps(loot, ids), truth.maps, PERMUTATIONS),
      'write order (WAL commits / tuple versions)': judge(
        byWriteOrder(loot, ids),
        truth.maps,
        PERMUTATIONS,
      ),
    };
    if (database.engine === 'postgres') {
      verdicts['xmin adjacency'] = judge(byXmin(loot, ids), truth.maps, PERMUTATIONS);
    }
    const revision = new Map<string, number>();
    const size = new Map<string, number>();
    for (const { table, values } of loot.rows) {
      if (table !== 'accounts') continue;
      revision.set(String(values['username']), Number(values['keyring_revision']));
      size.set(String(values['username']), (values['keyring'] as Buffer).length);
    }
    verdicts['keyring revision ~ maps'] = countLeak(revision, truth.keyringMaps, PERMUTATIONS);
    verdicts['keyring size ~ maps'] = countLeak(size, truth.keyringMaps, PERMUTATIONS);
    console.log(report(database.engine, verdicts));
    for (const [method, verdict] of Object.entries(verdicts)) {
      expect(
        verdict.p,
        `${method}: ${verdict.hits} vs chance ${verdict.chance}`,
      ).toBeGreaterThanOrEqual(CHANCE_FLOOR * 2);
    }
    expect(new Set(size.values()).size).toBe(1);
  });

  it('finds no old keyring, no removed member’s keys and no plaintext in the files', () => {
    const found = (chunks: Iterable<string>) =>
      [...chunks].filter((chunk) => loot.raw.includes(Buffer.from(chunk, 'hex')));
    const oldKeyrings = [...truth.seenKeyrings].filter((c) => !liveKeyrings.has(c));
    expect(oldKeyrings.length).toBeGreaterThan(10);
    expect(found(oldKeyrings)).toEqual([]);
    if (database.engine === 'sqlite') {
      // PostgreSQL keeps dead map rows in its pages until they are reused (docs/security.md)
      const oldBundles = [...truth.seenBundles].filter((c) => !liveBundles.has(c));
      expect(oldBundles.length).toBeGreaterThan(0);
      expect(found(oldBundles)).toEqual([]);
      expect(loot.walBytes).toBe(0);
    }
    expect(loot.raw.includes(Buffer.from('Kaart van'))).toBe(false);
  });
});
