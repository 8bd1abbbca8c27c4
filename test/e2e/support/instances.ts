// Server instances as real child processes (`node --import tsx server/main.ts`), each with its own
// PORT and data dir, all on one PostgreSQL database: what a self-hoster runs behind a proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface InstanceOptions {
  port: number;
  databaseUrl: string;
  staticDir: string;
  /** Extra environment (JWT_SECRET, RATE_LIMIT_LOGIN, …). */
  env: Record<string, string>;
}

/** One JSON log line of pino, as the server wrote it. */
export type LogLine = Record<string, unknown> & { msg?: string };

const ENTRY = resolve('server/main.ts');
/** Starting tsx, transpiling the server and migrating can take a while on a loaded machine. */
const START_TIMEOUT_MS = 90_000;

export class Instance {
  readonly url: string;
  readonly #options: InstanceOptions;
  readonly #dataDir = mkdtempSync(join(tmpdir(), 'nk-e2e-instance-'));
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  /** Every log line of every run of this instance, in order; `runs` marks where each run starts. */
  readonly lines: LogLine[] = [];
  readonly runs: number[] = [];
  #partial = '';
  /** stderr and anything on stdout that is not a log line. */
  readonly other: string[] = [];

  constructor(
    readonly name: string,
    options: InstanceOptions,
  ) {
    this.#options = options;
    this.url = `http://127.0.0.1:${options.port}`;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Starts the process and resolves once it listens and /api/health answers. */
  async start(): Promise<void> {
    if (this.#child) throw new Error(`${this.name} is already running`);
    // a server left over from an earlier run would answer the health checks in this one's place
    if (await portAnswers(this.#options.port))
      throw new Error(`${this.name}: port ${this.#options.port} is in use`);
    this.runs.push(this.lines.length);
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: process.env['HOME'] ?? tmpdir(),
        HOST: '127.0.0.1',
        PORT: String(this.#options.port),
        DATA_DIR: this.#dataDir,
        DATABASE_URL: this.#options.databaseUrl,
        STATIC_DIR: this.#options.staticDir,
        LOG_LEVEL: 'info',
        TRUST_PROXY: 'true',
        COOKIE_SECURE: 'true',
        ...this.#options.env,
      },
      cwd: resolve('.'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    this.#exited = new Promise((done) => child.once('exit', () => done()));
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.#read(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.other.push(chunk));
    await this.waitForHealth(START_TIMEOUT_MS);
  }

  /** Polls /api/health on the instance itself until it answers 200. */
  async waitForHealth(timeoutMs: number): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.#child) throw new Error(`${this.name} exited while starting:\n${this.tail()}`);
      const body = await this.health().catch(() => null);
      if (body !== null) return body;
      if (Date.now() > deadline) throw new Error(`${this.name} did not start:\n${this.tail()}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  /** GET /api/health on this instance (not through the proxy). */
  async health(): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) throw new Error(`${this.name} health ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** SIGKILL: no shutdown, no goodbye to open streams or the database. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) throw new Error(`${this.name} is not running`);
    child.kill('SIGKILL');
    await this.#exited;
  }

  /** SIGTERM (a graceful close), then SIGKILL if it takes longer than 15 s. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.#exited;
    clearTimeout(late);
  }

  /** For a process 'exit' handler: no waiting possible there. */
  killNow(): void {
    this.#child?.kill('SIGKILL');
  }

  dispose(): void {
    rmSync(this.#dataDir, { recursive: true, force: true });
  }

  /** Log lines of the current (latest) run. */
  get currentRun(): LogLine[] {
    return this.lines.slice(this.runs.at(-1) ?? 0);
  }

  /** Event streams open on this instance now, from its own log (stream.ts logs each open and close). */
  get openStreams(): number {
    if (!this.#child) return 0;
    const last = this.currentRun.findLast(
      (line) => line.msg === 'event stream opened' || line.msg === 'event stream closed',
    );
    return typeof last?.['openStreams'] === 'number' ? last['openStreams'] : 0;
  }

  /** How many requests this run has logged as incoming. */
  get requestsThisRun(): number {
    return this.currentRun.filter((line) => line.msg === 'incoming request').length;
  }

  /** The last lines, for a failure message. */
  tail(count = 30): string {
    const lines = this.lines.slice(-count).map((line) => JSON.stringify(line));
    return [...lines, ...this.other.slice(-5)].join('\n');
  }

  #read(chunk: string): void {
    this.#partial += chunk;
    let end: number;
    while ((end = this.#partial.indexOf('\n')) >= 0) {
      const text = this.#partial.slice(0, end);
      this.#partial = this.#partial.slice(end + 1);
      if (text.startsWith('{')) {
        try {
          this.lines.push(JSON.parse(text) as LogLine);
          continue;
        } catch {
          // not JSON after all: keep it as text
        }
      }
      if (text !== '') this.other.push(text);
    }
  }
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
