// The one LISTEN connection of an instance, watched: re-made with backoff when it fails or stops answering.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { backoffDelay, LISTEN_BACKOFF, type Backoff } from './backoff.js';

export interface ListenerOptions {
  url: string;
  channel: string;
  log: FastifyBaseLogger;
  /** Every NOTIFY payload on the channel. */
  onNotification(payload: string | undefined): void;
  /** The connection is back after it was lost: notifications in between are gone. */
  onHealed(): void;
  backoff?: Backoff;
  /** How often a live connection is asked `select 1` (catches a silently dead socket), in ms. */
  checkEveryMs?: number;
  /** How long a connect or a query may take before the connection counts as lost, in ms. */
  timeoutMs?: number;
}

const CHECK_EVERY_MS = 5000;
const TIMEOUT_MS = 5000;

/** Listens on one channel for as long as it is open; `downSince` says whether it hears anything now. */
export class WatchedListener {
  /** application_name of the connection, to find it in pg_stat_activity (one per instance). */
  readonly name = `netwerkkaart-events-${randomBytes(4).toString('hex')}`;
  readonly #options: ListenerOptions;
  /** The connection being made or in use; null while waiting to retry. */
  #client: pg.Client | null = null;
  #live = false;
  #downSince: number | null = Date.now();
  /** Failed attempts since the connection last proved itself (a passed check). */
  #attempt = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #check: ReturnType<typeof setInterval> | undefined;
  #closed = false;

  constructor(options: ListenerOptions) {
    this.#options = options;
  }

  /** When the connection was lost (ms since the epoch), or null while it listens. */
  get downSince(): number | null {
    return this.#downSince;
  }

  /** Makes the first connection; if that fails it keeps trying in the background. */
  async start(): Promise<void> {
    this.#check = setInterval(
      () => void this.#checkAlive(),
      this.#options.checkEveryMs ?? CHECK_EVERY_MS,
    );
    this.#check.unref();
    await this.#connect();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#check);
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    this.#live = false;
    if (client) await client.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    const timeout = this.#options.timeoutMs ?? TIMEOUT_MS;
    const client = new pg.Client({
      connectionString: this.#options.url,
      application_name: this.name,
      keepAlive: true,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
    });
    this.#client = client;
    client.on('notification', (message) => this.#options.onNotification(message.payload));
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${this.#options.channel}`);
    } catch (error) {
      this.#lost(client, error);
      return;
    }
    if (this.#client !== client) return;
    this.#live = true;
    this.#downSince = null;
    // attempt 0: the first connection, before any stream could have missed something
    if (this.#attempt === 0) {
      this.#options.log.info({ listener: this.name }, 'event listener connected');
      return;
    }
    this.#options.log.info({ listener: this.name }, 'event listener connection is back');
    this.#options.onHealed();
  }

  /** Forgets `client` (once) and schedules the next attempt. */
  #lost(client: pg.Client, error: unknown): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = null;
    this.#live = false;
    this.#downSince ??= Date.now();
    // the socket may be dead; ending it is best effort and never waited on
    void client.end().catch(() => undefined);
    const delay = backoffDelay(this.#attempt, this.#options.backoff ?? LISTEN_BACKOFF);
    this.#attempt += 1;
    this.#options.log.warn(
      { err: error, listener: this.name, retryInMs: delay },
      'event listener connection lost; live events wait for it',
    );
    this.#retry = setTimeout(() => void this.#connect(), delay);
    this.#retry.unref();
  }

  async #checkAlive(): Promise<void> {
    const client = this.#client;
    if (!client || !this.#live) return;
    try {
      await client.query('select 1');
      // a connection that answers has proved itself: the next loss starts the backoff over
      if (this.#client === client) this.#attempt = 0;
    } catch (error) {
      this.#lost(client, error);
    }
  }
}
