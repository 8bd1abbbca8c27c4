/**
 * The page's side of the crypto worker: typed calls that resolve with the worker's answer.
 * The worker (and with it libsodium) is started on first use or by `warmUp()`, so the first
 * page does not pay for it.
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
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** Starts the worker now, so libsodium is ready when the person presses the button. */
  warmUp(): void {
    this.#ensureWorker();
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
