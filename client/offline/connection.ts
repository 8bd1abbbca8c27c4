/** Whether the app reaches the server, and since when her list of maps is as the server last confirmed it. */
export class Connection {
  #offline = false;
  #confirmedAt = 0;

  /**
   * Watches the browser going offline and online; `reconnect` asks the server (rejecting while it
   * cannot be reached or the session ended) and `changed` lets the screens re-render.
   */
  constructor(reconnect: () => Promise<unknown>, changed: () => void) {
    if (typeof window === 'undefined') return;
    window.addEventListener('offline', () => {
      this.lost();
      changed();
    });
    window.addEventListener('online', () => {
      if (!this.#offline) return;
      reconnect().then(
        () => {
          this.confirmed();
          changed();
        },
        () => undefined,
      );
    });
  }

  /** Null while connected; else when the server last confirmed her keyring (the list of maps). */
  get offlineAt(): number | null {
    return this.#offline ? this.#confirmedAt : null;
  }

  /** The server answered: connected, and her list of maps is as of now. */
  confirmed(): void {
    this.#offline = false;
    this.#confirmedAt = Date.now();
  }

  /** No connection; `since` is when the copy she sees was confirmed (a kept copy's time). */
  lost(since = this.#confirmedAt): void {
    this.#offline = true;
    this.#confirmedAt = since;
  }
}
