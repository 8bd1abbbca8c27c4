// Real databases for integration tests: a fresh SQLite file and a fresh PostgreSQL database per test file.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';

export type Engine = 'sqlite' | 'postgres';

/** PostgreSQL with trust auth and a database named `test`, as .ci/run sets it up. */
export const POSTGRES_ADMIN_URL = withUser(
  process.env.TEST_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test',
);

/** Trust auth still needs a role name; `postgres` exists on every fresh cluster. */
function withUser(url: string): string {
  const parsed = new URL(url);
  if (!parsed.username) parsed.username = 'postgres';
  return parsed.toString();
}

export interface TestDatabase {
  engine: Engine;
  /** Creates a fresh, empty database with its own data directory; removed after the test file. */
  create(): Promise<{ dataDir: string; databaseUrl: string | undefined }>;
}

/**
 * Both engines, for `describe.each(testDatabases())`. Must be called at the top of a test file: it
 * registers the cleanup. An unreachable PostgreSQL fails the tests (it never skips them).
 */
export function testDatabases(): TestDatabase[] {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nk-test-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  return [
    {
      engine: 'sqlite',
      create: async () => ({ dataDir: await dataDir(), databaseUrl: undefined }),
    },
    {
      engine: 'postgres',
      create: async () => {
        const name = `nk_test_${randomBytes(6).toString('hex')}`;
        await adminQuery(`create database ${name}`);
        cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
        const url = new URL(POSTGRES_ADMIN_URL);
        url.pathname = `/${name}`;
        return { dataDir: await dataDir(), databaseUrl: url.toString() };
      },
    },
  ];
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed at ${POSTGRES_ADMIN_URL} (trust auth, database "test"); run bash .ci/run to set it up`,
      { cause: error },
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
