// Every operation of the protocol, and how one message is answered: the worker's whole behaviour, without the browser.
import { isCryptoError } from '../../../shared/crypto/index.js';
import type {
  CryptoErrorCode,
  CryptoOps,
  CryptoRequestMessage,
  CryptoResponseMessage,
} from '../protocol.js';
import { accountHandlers } from './account.js';
import { accountChangeHandlers } from './account-change.js';
import { dayHandlers } from './day.js';
import { exportHandlers } from './export.js';
import { historyHandlers } from './history.js';
import { inviteHandlers } from './invites.js';
import { mapHandlers } from './maps.js';
import { membershipHandlers } from './membership.js';
import { ringHandlers } from './rings.js';
import { passphraseCheckHandlers } from './passphrase-check.js';
import { trustedHandlers } from './trusted.js';
import { WorkerFailure, type Handlers, type SyncOp, type WorkerState } from './state.js';

export const handlers: Handlers = {
  ...accountHandlers,
  ...accountChangeHandlers,
  ...mapHandlers,
  ...membershipHandlers,
  ...ringHandlers,
  ...inviteHandlers,
  ...exportHandlers,
  ...passphraseCheckHandlers,
  ...dayHandlers,
  ...trustedHandlers,
  ...historyHandlers,
};

function run<K extends SyncOp>(
  state: WorkerState,
  message: CryptoRequestMessage<K>,
): CryptoOps[K]['result'] {
  const handler: Handlers[K] = handlers[message.op];
  return handler(state, message.args);
}

export function failureOf(error: unknown): { code: CryptoErrorCode; message: string } {
  if (error instanceof WorkerFailure) return { code: error.code, message: error.message };
  if (isCryptoError(error)) return { code: error.code, message: error.message };
  // Anything else may be a libsodium message; never pass on details that could carry data.
  return { code: 'internal', message: 'Internal crypto error.' };
}

/** Answers one request message on `state`: its result, or its failure with a code. */
export function handle(state: WorkerState, message: CryptoRequestMessage): CryptoResponseMessage {
  try {
    // the device operations run in worker.ts (asynchronous); here they are unknown
    return {
      id: message.id,
      ok: true,
      result: run(state, message as CryptoRequestMessage<SyncOp>),
    };
  } catch (error) {
    return { id: message.id, ok: false, error: failureOf(error) };
  }
}
