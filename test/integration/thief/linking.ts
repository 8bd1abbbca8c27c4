// The thief's linking methods and the test of whether one beats chance. Each method scores every
// (account, map) pair; the thief then names, for each map, as many accounts as it had members (she
// can count its slots). A permutation test compares her hits with those of random guesses.
import type { Loot, Row } from './loot.js';

export type Scores = Map<string, Map<string, number>>;

/** A small seeded generator: tie-breaks and permutations the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded generator. */
export function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** What the thief reads from the rows: which id belongs to which account or map. */
export interface Ids {
  /** account id → username */
  accounts: Map<string, string>;
  /** any id that belongs to a map (the map's, a slot's, an invite's, a request's) → map id */
  mapOf: Map<string, string>;
  /** session id → account id */
  sessionOf: Map<string, string>;
}

export function idsOf(loot: Loot): Ids {
  const ids: Ids = { accounts: new Map(), mapOf: new Map(), sessionOf: new Map() };
  for (const { table, values } of loot.rows) {
    const v = values as Record<string, string>;
    if (table === 'accounts') ids.accounts.set(v['id']!, v['username']!);
    if (table === 'sessions') ids.sessionOf.set(v['id']!, v['account_id']!);
    if (table === 'maps') ids.mapOf.set(v['id']!, v['id']!);
    if (typeof v['map_id'] === 'string') {
      ids.mapOf.set(v['map_id'], v['map_id']);
      for (const key of ['id', 'slot_id', 'invite_id']) {
        if (typeof v[key] === 'string' && table !== 'map_versions')
          ids.mapOf.set(v[key], v['map_id']);
      }
    }
  }
  return ids;
}

/** The account a row belongs to, or the map, as far as its columns say. */
function ownerOf(row: Row, ids: Ids): { account?: string; map?: string } {
  const v = row.values as Record<string, unknown>;
  if (row.table === 'accounts') return { account: v['username'] as string };
  if (row.table === 'sessions' || row.table === 'directory_professionals') {
    return { account: ids.accounts.get(v['account_id'] as string) };
  }
  const map = ids.mapOf.get((v['map_id'] ?? v['slot_id']) as string);
  return map === undefined ? {} : { map };
}

/**
 * Each value of an account (a time, a place in storage, a write) votes for the map with the nearest
 * value; maps tied for nearest share the vote. An account's score for a map is its share of its
 * votes: how many rows an account has (its devices, say) is a count, not a link to a map.
 */
function nearest(accountValues: Map<string, number[]>, mapValues: Map<string, number[]>, ids: Ids) {
  const maps = [...new Set(ids.mapOf.values())];
  const scores: Scores = new Map();
  for (const username of ids.accounts.values()) {
    const row = new Map<string, number>(maps.map((m) => [m, 0]));
    const mine = accountValues.get(username) ?? [];
    for (const a of mine) {
      let best = Infinity;
      let winners: string[] = [];
      for (const map of maps) {
        for (const m of mapValues.get(map) ?? []) {
          const d = Math.abs(a - m);
          if (d < best) {
            best = d;
            winners = [map];
          } else if (d === best && !winners.includes(map)) winners.push(map);
        }
      }
      for (const map of winners) row.set(map, row.get(map)! + 1 / winners.length / mine.length);
    }
    scores.set(username, row);
  }
  return scores;
}

function collect(loot: Loot, ids: Ids, valuesOf: (row: Row) => number[]) {
  const accounts = new Map<string, number[]>();
  const maps = new Map<string, number[]>();
  for (const row of loot.rows) {
    const owner = ownerOf(row, ids);
    const target = owner.account !== undefined ? accounts : owner.map !== undefined ? maps : null;
    const key = owner.account ?? owner.map;
    if (target === null || key === undefined) continue;
    target.set(key, [...(target.get(key) ?? []), ...valuesOf(row)]);
  }
  return nearest(accounts, maps, ids);
}

/** Rows stored next to each other (rowid, ctid) were written close together. */
export function byStorageOrder(loot: Loot, ids: Ids): Scores {
  const sizes = new Map<string, number>();
  for (const row of loot.rows) sizes.set(row.table, (sizes.get(row.table) ?? 0) + 1);
  return collect(loot, ids, (row) => [row.position / Math.max(1, (sizes.get(row.table) ?? 1) - 1)]);
}

const DAY = 86_400_000;
/** Times an account row and a map row share (a sign-up and a new map, a sign-in and a join). */
export function byTimestamps(loot: Loot, ids: Ids): Scores {
  return collect(loot, ids, (row) => {
    const times: number[] = [];
    for (const [column, value] of Object.entries(row.values)) {
      if (value === null || !/(_at|^at|^minute)$/.test(column)) continue;
      const t = Number(value);
      times.push(t);
      // an expiry is a start plus a known lifetime
      if (column === 'expires_at') times.push(t - 30 * DAY, t - 15 * 60_000);
    }
    return times;
  });
}

/** PostgreSQL: rows written by adjacent transactions. */
export function byXmin(loot: Loot, ids: Ids): Scores {
  return collect(loot, ids, (row) => (row.xmin === undefined ? [] : [row.xmin]));
}

/** WAL commits (SQLite) or every heap tuple version, dead ones too (PostgreSQL), in write order. */
export function byWriteOrder(loot: Loot, ids: Ids): Scores {
  const accounts = new Map<string, number[]>();
  const maps = new Map<string, number[]>();
  const add = (target: Map<string, number[]>, key: string, order: number) =>
    target.set(key, [...(target.get(key) ?? []), order]);
  for (const write of loot.writes) {
    for (const [id, username] of ids.accounts)
      if (write.bytes.includes(id)) add(accounts, username, write.order);
    for (const [id, account] of ids.sessionOf) {
      const username = ids.accounts.get(account);
      if (username !== undefined && write.bytes.includes(id)) add(accounts, username, write.order);
    }
    for (const [id, map] of ids.mapOf) if (write.bytes.includes(id)) add(maps, map, write.order);
  }
  return nearest(accounts, maps, ids);
}

/** Guesses for each map its `k` best-scored accounts (ties broken at random); the true ones hit. */
function hits(
  scores: Scores,
  truth: Map<string, Set<string>>,
  members: Map<string, string[]>,
  random: () => number,
) {
  let total = 0;
  for (const [map, who] of members) {
    const ranked = [...scores.keys()]
      .map((username) => ({
        username,
        score: scores.get(username)?.get(map) ?? -Infinity,
        tie: random(),
      }))
      .sort((a, b) => b.score - a.score || a.tie - b.tie)
      .slice(0, who.length);
    total += ranked.filter(({ username }) => truth.get(username)?.has(map) === true).length;
  }
  return total;
}

export interface Verdict {
  hits: number;
  chance: number;
  /** share of random guesses that did at least as well */
  p: number;
}

/** The thief's hits against 2000 random relabellings of the accounts. */
export function judge(
  scores: Scores,
  truth: Map<string, Set<string>>,
  permutations = 2000,
): Verdict {
  const random = seeded(22);
  const members = new Map<string, string[]>();
  for (const [username, maps] of truth)
    for (const map of maps) members.set(map, [...(members.get(map) ?? []), username]);
  const observed = hits(scores, truth, members, random);
  const usernames = [...truth.keys()];
  let atLeast = 0;
  let sum = 0;
  for (let i = 0; i < permutations; i++) {
    const order = shuffled(usernames, random);
    const relabelled = new Map(usernames.map((u, j) => [order[j]!, truth.get(u)!]));
    const h = hits(scores, relabelled, members, random);
    sum += h;
    if (h >= observed) atLeast++;
  }
  return { hits: observed, chance: sum / permutations, p: (atLeast + 1) / (permutations + 1) };
}

/** A per-account number (revision, size) that tracks how many maps the account has: |Spearman|. */
export function countLeak(
  feature: Map<string, number>,
  counts: Map<string, number>,
  permutations = 2000,
): Verdict {
  const names = [...counts.keys()].filter((n) => feature.has(n));
  const rank = (values: number[]) => {
    const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
    const ranks = new Array<number>(values.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]!.v === order[i]!.v) j++;
      for (let k = i; k <= j; k++) ranks[order[k]!.i] = (i + j) / 2;
      i = j + 1;
    }
    return ranks;
  };
  const corr = (x: number[], y: number[]) => {
    const mx = x.reduce((a, b) => a + b, 0) / x.length;
    const my = y.reduce((a, b) => a + b, 0) / y.length;
    let sxy = 0,
      sxx = 0,
      syy = 0;
    x.forEach((xi, i) => {
      sxy += (xi - mx) * (y[i]! - my);
      sxx += (xi - mx) ** 2;
      syy += (y[i]! - my) ** 2;
    });
    return sxx === 0 || syy === 0 ? 0 : Math.abs(sxy / Math.sqrt(sxx * syy));
  };
  const x = rank(names.map((n) => feature.get(n)!));
  const y = rank(names.map((n) => counts.get(n)!));
  const observed = corr(x, y);
  const random = seeded(22);
  let atLeast = 0;
  for (let i = 0; i < permutations; i++) {
    if (corr(shuffled(x, random), y) >= observed - 1e-12) atLeast++;
  }
  return { hits: observed, chance: 0, p: observed === 0 ? 1 : (atLeast + 1) / (permutations + 1) };
}
