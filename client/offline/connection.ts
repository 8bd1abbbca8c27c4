// While offline, how often the app asks the server whether it is back (the browser's 'online' event
// does not always come, e.g. when only the route to the server was gone).
const RECONNECT_PAUSE_MS = 5000;

/** Whether the app reaches the server, and since when her list of maps is as the server last confirmed it. */
export class Connection {
  #offline = false;
  #confirmedAt = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #trying = false;
  readonly #reconnect: () => Promise<unknown>;
  readonly #changed: () => void;

  /**
   * `reconnect` asks the server (rejecting while it cannot be reached or the session ended);
   * `changed` lets the screens re-render.
   */
  constructor(reconnect: () => Promise<unknown>, changed: () => void) {
    this.#reconnect = reconnect;
    this.#changed = changed;
    if (typeof window === 'undefined') return;
    window.addEventListener('offline', () => {
      this.lost();
      changed();
    });
    window.addEventListener('online', () => void this.#tryReconnect());
  }

  /** Null while connected; else when the server last confirmed her keyring (the list of maps). */
  get offlineAt(): number | null {
    return this.#offline ? this.#confirmedAt : null;
  }

  /** The server answered: connected, and her list of maps is as of now. */
  confirmed(): void {
    this.#offline = false;
    this.#confirmedAt = Date.now();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** No connection; `since` is when the copy she sees was confirmed (a kept copy's time). */
  lost(since = this.#confirmedAt): void {
    this.#offline = true;
    this.#confirmedAt = since;
    if (this.#timer === undefined && typeof window !== 'undefined')
      this.#timer = setInterval(() => void this.#tryReconnect(), RECONNECT_PAUSE_MS);
  }

  async #tryReconnect(): Promise<void> {
    if (!this.#offline || this.#trying || !navigator.onLine) return;
    this.#trying = true;
    try {
      await this.#reconnect();
      this.confirmed();
      this.#changed();
    } catch {
      // still unreachable: the next tick tries again
    } finally {
      this.#trying = false;
    }
  }
}
