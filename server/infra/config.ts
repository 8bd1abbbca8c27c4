// Environment → validated Config. Pure: no files are touched here (secrets/root.ts reads the secret file).
import { join, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

const BooleanText = Type.Union([
  Type.Literal('true'),
  Type.Literal('false'),
  Type.Literal('1'),
  Type.Literal('0'),
]);
const WholeNumber = Type.String({ pattern: '^[0-9]{1,9}$' });

/** The variables we read; empty strings count as absent. */
const Env = Type.Object({
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  LOG_LEVEL: Type.Optional(Type.Union(LOG_LEVELS.map((level) => Type.Literal(level)))),
  STATIC_DIR: Type.Optional(Type.String({ minLength: 1 })),
  RATE_LIMIT_LOGIN: Type.Optional(WholeNumber),
  RATE_LIMIT_SIGNUP: Type.Optional(WholeNumber),
  SETTLE_SECONDS: Type.Optional(WholeNumber),
  PUBLIC_ORIGIN: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+/?$' })),
  COOKIE_SECURE: Type.Optional(BooleanText),
  TRUST_PROXY: Type.Optional(BooleanText),
  TEST_CLOCK_FILE: Type.Optional(Type.String({ minLength: 1 })),
  NODE_ENV: Type.Optional(Type.String()),
});
type Env = Static<typeof Env>;

export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /** From JWT_SECRET; when absent the server generates one (secrets/root.ts: database or DATA_DIR). */
  jwtSecret: string | null;
  logLevel: LogLevel;
  /** Built web app, served when the directory exists. */
  staticDir: string;
  /** Requests per minute per IP to prelogin, login and refresh. */
  rateLimitLogin: number;
  /** Sign-ups per hour per IP. */
  rateLimitSignUp: number;
  /** At most this long after an account-side write, its rows' order and write ids are shuffled (decision 0022). */
  settleSeconds: number;
  /** The origin browsers use to reach the app (`https://host`); null: the Host the request came to. */
  publicOrigin: string | null;
  cookieSecure: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /**
   * FOR TESTS ONLY: a file holding milliseconds added to the clock of trusted recovery's waiting
   * period (decision 0026), so a browser test can move past it. Refused with NODE_ENV=production.
   */
  testClockFile: string | null;
  /**
   * The clock access end dates are checked against (decision 0030). Always Date.now from the
   * environment; only tests replace it (test/helpers/clock.ts), so production has no way to set it.
   */
  now: () => number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = Object.keys(Env.properties) as (keyof Env)[];

/** Reads the environment into a Config; throws ConfigError listing every invalid variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const picked: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  // each variable on its own, so the message lists every problem at once
  const problems = KNOWN.filter(
    (key) => picked[key] !== undefined && !Value.Check(Env.properties[key], picked[key]),
  ).map((key) => `${key}: ${describe(key)}`);
  if (problems.length > 0 || !Value.Check(Env, picked)) throw new ConfigError(problems);
  const e: Env = picked;
  const host = e.HOST ?? '127.0.0.1';
  const port = Number(e.PORT ?? 8080);
  if (port > 65535) throw new ConfigError(['PORT: must be a port number from 0 to 65535']);
  const rateLimitLogin = Number(e.RATE_LIMIT_LOGIN ?? 20);
  if (rateLimitLogin < 1) throw new ConfigError(['RATE_LIMIT_LOGIN: must be at least 1']);
  const rateLimitSignUp = Number(e.RATE_LIMIT_SIGNUP ?? 20);
  if (rateLimitSignUp < 1) throw new ConfigError(['RATE_LIMIT_SIGNUP: must be at least 1']);
  const settleSeconds = Number(e.SETTLE_SECONDS ?? 300);
  if (settleSeconds < 1) throw new ConfigError(['SETTLE_SECONDS: must be at least 1']);
  const dataDir = resolve(e.DATA_DIR ?? './data');
  if (e.TEST_CLOCK_FILE && e.NODE_ENV === 'production')
    throw new ConfigError(['TEST_CLOCK_FILE: is for tests only, never with NODE_ENV=production']);
  return {
    host,
    port,
    dataDir,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'sqlite', file: join(dataDir, 'netwerkkaart.sqlite') },
    jwtSecret: e.JWT_SECRET ?? null,
    logLevel: e.LOG_LEVEL ?? 'info',
    staticDir: resolve(e.STATIC_DIR ?? 'dist/client'),
    rateLimitLogin,
    rateLimitSignUp,
    settleSeconds,
    publicOrigin: e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : null,
    // browsers drop Secure cookies over plain http, which a loopback development server uses
    cookieSecure: e.COOKIE_SECURE ? isTrue(e.COOKIE_SECURE) : !LOOPBACK_HOSTS.has(host),
    trustProxy: e.TRUST_PROXY ? isTrue(e.TRUST_PROXY) : false,
    testClockFile: e.TEST_CLOCK_FILE ? resolve(e.TEST_CLOCK_FILE) : null,
    now: Date.now,
  };
}

function isTrue(value: string): boolean {
  return value === 'true' || value === '1';
}

function describe(key: string): string {
  switch (key) {
    case 'PORT':
      return 'must be a port number from 0 to 65535';
    case 'DATABASE_URL':
      return 'must start with postgres:// or postgresql://';
    case 'JWT_SECRET':
      return 'must be at least 32 characters';
    case 'LOG_LEVEL':
      return `must be one of ${LOG_LEVELS.join(', ')}`;
    case 'RATE_LIMIT_LOGIN':
      return 'must be a whole number of requests per minute';
    case 'RATE_LIMIT_SIGNUP':
      return 'must be a whole number of sign-ups per hour';
    case 'SETTLE_SECONDS':
      return 'must be a whole number of seconds';
    case 'PUBLIC_ORIGIN':
      return 'must be an origin such as https://netwerkkaart.example (no path)';
    case 'COOKIE_SECURE':
    case 'TRUST_PROXY':
      return 'must be true or false';
    default:
      return 'must not be empty';
  }
}
