// Seeds the demo families into a running server through its API: accounts, maps, members, cards.
import {
  DEFAULT_KDF,
  loadSodium,
  newId,
  type KdfCost,
  type MemberCard,
} from '../../shared/crypto/index.js';
import type { DetailFields, MapDocument } from '../../shared/map/document.js';
import { logIn, markProfessional, signUp, type DemoAccount } from './accounts.js';
import { ApiFailure, DemoApi } from './api.js';
import {
  demoPassphrase,
  FAMILIES,
  PROFESSIONALS,
  type DemoFamily,
  type DemoProfessional,
} from './families.js';
import { createFamilyMap, joinWithConsent } from './membership.js';

/** One line of the printed table. */
export interface LoginRow {
  who: string;
  username: string;
  passphrase: string;
  sees: string;
}

export interface SeedResult {
  /** `created` on an empty server; `present` when an earlier run made everything already. */
  status: 'created' | 'present';
  rows: LoginRow[];
  ms: number;
}

/** The seed cannot go on: names taken by someone else, or an earlier run that stopped halfway. */
export class SeedError extends Error {}

export interface SeedOptions {
  url: string;
  /** Argon2id cost for the new accounts; the web app only logs in with DEFAULT_KDF or more. */
  kdf?: KdfCost;
  log?: (line: string) => void;
}

const SECTION_WORDS = { base: 'people', detail: 'details', private: 'wishes' } as const;

/** Who logs in as whom, with what they will see once logged in. */
export function loginRows(): LoginRow[] {
  const parents = FAMILIES.map((family) => ({
    who: family.parent.who,
    username: family.parent.username,
    passphrase: demoPassphrase(family.parent.username),
    sees: `own map "${family.title}": everything, incl. wishes and cards`,
  }));
  const professionals = PROFESSIONALS.map((pro) => {
    const maps = FAMILIES.flatMap((family) =>
      family.members
        .filter((member) => member.professional === pro.username)
        .map((member) => {
          const parts = member.grant.sections.map((section) => SECTION_WORDS[section]).join('+');
          const role = member.grant.role === 'borger' ? ', borger' : '';
          return `${family.name} (${parts}${role})`;
        }),
    );
    return {
      who: pro.who,
      username: pro.username,
      passphrase: demoPassphrase(pro.username),
      sees: maps.join('; '),
    };
  });
  return [...parents, ...professionals];
}

/** The map document of a family: entries with fresh ids, details keyed by them, the wishes. */
export function familyDocument(family: DemoFamily): MapDocument {
  const details: Record<string, DetailFields> = {};
  const entries = family.entries.map((entry) => {
    const id = newId();
    if (entry.detail !== undefined) details[id] = entry.detail;
    return {
      id,
      label: entry.label,
      category: entry.category,
      ring: entry.ring,
      support: entry.support,
      supportNote: entry.supportNote,
      phases: entry.phases,
      active: entry.active ?? true,
      trusted: entry.trusted ?? false,
    };
  });
  return {
    base: { v: 1, title: family.title, centre: family.centre, entries },
    detail: { v: 1, entries: details },
    private: { v: 1, wishes: family.wishes },
  };
}

function professional(username: string): DemoProfessional {
  const pro = PROFESSIONALS.find((p) => p.username === username);
  if (pro === undefined) throw new Error(`no demo professional ${username}`);
  return pro;
}

/**
 * Creates every demo account, family map and membership on the server at `url`. When the first
 * demo account exists already, creates nothing: it logs in as each parent to check her map is
 * there and answers `present` (or throws SeedError when it is not).
 */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const kdf = options.kdf ?? DEFAULT_KDF;
  const api = new DemoApi(options.url, log);
  await loadSodium();
  await api.json('GET', '/health');

  const usernames = [
    ...FAMILIES.map((family) => family.parent.username),
    ...PROFESSIONALS.map((pro) => pro.username),
  ];
  const accounts = new Map<string, DemoAccount>();
  for (const [i, username] of usernames.entries()) {
    const account = await signUp(api, username, demoPassphrase(username), kdf);
    if (account === 'taken') {
      if (i === 0) {
        log(`Account "${username}" exists already: checking the earlier demo data.`);
        await checkPresent(api, kdf);
        return { status: 'present', rows: loginRows(), ms: performance.now() - started };
      }
      throw new SeedError(
        `The username "${username}" is taken, but "${usernames[0]}" was not: this server has other ` +
          `accounts with demo names. Seed an empty server (a fresh DATA_DIR or database).`,
      );
    }
    accounts.set(username, account);
    if (PROFESSIONALS.some((pro) => pro.username === username))
      await markProfessional(api, account);
    log(`Account ${username} created.`);
  }
  const accountOf = (username: string): DemoAccount => {
    const account = accounts.get(username);
    if (account === undefined) throw new Error(`no account ${username}`);
    return account;
  };

  for (const family of FAMILIES) {
    const owner = accountOf(family.parent.username);
    const map = await createFamilyMap(api, owner, familyDocument(family), family.parent.name);
    log(`Map "${family.title}" created with ${family.entries.length} people.`);
    for (const member of family.members) {
      const pro = professional(member.professional);
      const card: MemberCard = {
        ...member.card,
        role: pro.profile.profession,
        name: pro.profile.name,
        organisation: pro.profile.organisation,
      };
      await joinWithConsent(api, map, accountOf(pro.username), pro.profile, member.grant, card);
      log(`  ${pro.profile.name} joined with ${family.parent.name}'s approval and wrote her card.`);
    }
  }
  return { status: 'created', rows: loginRows(), ms: performance.now() - started };
}

/** Logs in as each parent with her demo passphrase and checks her map is in her keyring. */
async function checkPresent(api: DemoApi, kdf: KdfCost): Promise<void> {
  for (const family of FAMILIES) {
    const username = family.parent.username;
    let account: DemoAccount;
    try {
      account = await logIn(api, username, demoPassphrase(username), kdf);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) {
        throw new SeedError(
          `The username "${username}" is taken, but the demo passphrase does not open it: ` +
            `seed an empty server (a fresh DATA_DIR or database).`,
        );
      }
      throw error;
    }
    if (!account.keyring.maps.some((map) => map.title === family.title)) {
      throw new SeedError(
        `"${username}" exists but has no map "${family.title}": an earlier seed stopped halfway. ` +
          `Seed an empty server (a fresh DATA_DIR or database).`,
      );
    }
  }
}
