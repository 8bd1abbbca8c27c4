/**
 * The crypto worker: every Argon2id run, key and ciphertext of the app lives here, off the main
 * thread. It holds one WorkerState (state.ts) in memory and answers the typed requests of
 * protocol.ts with the handlers of handlers.ts.
 *
 * It does not call fetch: the page owns all networking (one place for tokens, retries and
 * errors), and the worker stays a pure "messages in, ciphertext out" box that is easy to reason about.
 */
/// <reference lib="webworker" />
import { loadSodium } from '../../../shared/crypto/index.js';
import type { CryptoRequestMessage, CryptoResponseMessage } from '../protocol.js';
import { DEVICE_OPS, type DeviceOp } from '../device-ops.js';
import { runDevice } from './device.js';
import { failureOf, handle } from './handlers.js';
import { createWorkerState } from './state.js';

declare const self: DedicatedWorkerGlobalScope;

const state = createWorkerState();

// Messages are handled one at a time, in order, after libsodium has loaded.
let queue: Promise<void> = loadSodium();

self.addEventListener('message', (event: MessageEvent<CryptoRequestMessage>) => {
  const message = event.data;
  queue = queue
    .catch(() => loadSodium())
    .then(async () => {
      if (!DEVICE_OPS.has(message.op)) {
        self.postMessage(handle(state, message));
        return;
      }
      // the device's own store (Web Crypto, IndexedDB) answers later; the queue waits for it
      const device = message as CryptoRequestMessage<DeviceOp>;
      const response: CryptoResponseMessage = await runDevice(state, device.op, device.args).then(
        (result) => ({ id: message.id, ok: true, result }),
        (error: unknown) => ({ id: message.id, ok: false, error: failureOf(error) }),
      );
      self.postMessage(response);
    })
    .catch(() => {
      const response: CryptoResponseMessage = {
        id: message.id,
        ok: false,
        error: { code: 'internal', message: 'The crypto library did not load.' },
      };
      self.postMessage(response);
    });
});
