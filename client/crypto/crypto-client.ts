/**
 * The page's side of the crypto worker: typed calls that resolve with the worker's answer.
 * The worker (and with it libsodium, ~170 KB compressed) is started on first use, or by `warmUp()`
 * once the page has painted, so the first page never waits for it.
 */
import type {
  CryptoErrorCode,
  CryptoOp,
  CryptoOps,
  CryptoRequestMessage,
  CryptoResponseMessage,
} from './protocol.js';

/** A failure inside the worker, with its code. */
export class CryptoFailure extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoFailure';
    this.code = code;
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class CryptoClient {
  #worker: Worker | null = null;
  /** Counts terminations, so a warm-up asked for before one does not start a worker after it. */
  #generation = 0;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** Starts the worker after the first paint, so libsodium is ready when the person presses the button. */
  warmUp(): void {
    const generation = this.#generation;
    afterFirstPaint(() => {
      // stopped (signed out) in between: only a later call or warm-up starts it again
      if (generation === this.#generation) this.#ensureWorker();
    });
  }

  /** Runs one operation in the worker. */
  call<K extends CryptoOp>(op: K, args: CryptoOps[K]['args']): Promise<CryptoOps[K]['result']> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const message: CryptoRequestMessage<K> = { id, op, args };
    return new Promise<CryptoOps[K]['result']>((resolve, reject) => {
      // The worker answers with the result type of `op`; the protocol is the contract.
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage(message);
    });
  }

  /** Ends the worker and with it every key in its memory. */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#generation++;
    for (const pending of this.#pending.values()) {
      pending.reject(new CryptoFailure('locked', 'The crypto worker was stopped.'));
    }
    this.#pending.clear();
  }

  #ensureWorker(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), {
      type: 'module',
      name: 'nk-crypto',
    });
    worker.addEventListener('message', (event: MessageEvent<CryptoResponseMessage>) => {
      const data = event.data;
      const pending = this.#pending.get(data.id);
      if (pending === undefined) return;
      this.#pending.delete(data.id);
      if (data.ok) pending.resolve(data.result);
      else pending.reject(new CryptoFailure(data.error.code, data.error.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const failure = new CryptoFailure('internal', event.message || 'The crypto worker failed.');
      for (const pending of this.#pending.values()) pending.reject(failure);
      this.#pending.clear();
      this.#worker = null;
    });
    this.#worker = worker;
    return worker;
  }
}

/**
 * Runs `task` when the browser is idle after the first contentful paint: the worker's 600 KB must not
 * compete with the page's own script and styles for the phone's bandwidth and CPU before it shows.
 */
export function afterFirstPaint(task: () => void): void {
  const idle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
    else setTimeout(task, 50);
  };
  if (performance.getEntriesByName('first-contentful-paint').length > 0) return idle();
  if (
    typeof PerformanceObserver !== 'function' ||
    !PerformanceObserver.supportedEntryTypes.includes('paint')
  ) {
    // no paint timing (older Safari): two frames later the first one has been drawn
    requestAnimationFrame(() => requestAnimationFrame(idle));
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    idle();
  });
  observer.observe({ type: 'paint', buffered: true });
}
