/**
 * The parent's temporary session on the professional's device ("Samen aan tafel"): her own crypto
 * worker and her own API client, signed in with `remember: false` (no refresh cookie, every request
 * without cookies), so the professional's session and refresh cookie are never touched. Its router
 * only tells the together screen where the reused screens (register, recovery sheet, login) want to go.
 */
import { ApiClient } from '../api/transport.js';
import { AppStore } from '../shell/store.js';
import { Router } from '../shell/router.js';
import { CryptoClient } from '../crypto/crypto-client.js';

/** A router that never touches the address bar: it reports the path as a `go` event. */
export class SeatRouter extends Router {
  override start(): void {
    // Never listens to the page: the professional's router does that.
  }

  override navigate(path: string): void {
    this.dispatchEvent(new CustomEvent<string>('go', { detail: path }));
  }
}

export interface TemporarySession {
  readonly store: AppStore;
  readonly router: SeatRouter;
  /** Signs the parent out (bearer only), stops her worker and drops every reference to her keys. */
  end(): Promise<void>;
}

export function startTemporarySession(): TemporarySession {
  const router = new SeatRouter();
  const api = new ApiClient('/api', { remember: false });
  const crypto = new CryptoClient();
  const store = new AppStore(api, crypto, router);
  let ended = false;
  return {
    store,
    router,
    async end() {
      if (ended) return;
      ended = true;
      try {
        await store.crypto.call('lock', {});
      } catch {
        // The worker may be gone already; terminating it below is what counts.
      }
      await store.logout();
      api.clearSession();
      crypto.terminate();
    },
  };
}
