/**
 * The app's state and the account actions that change it. Screens get the store through
 * @lit/context and re-render on its `change` event (see StoreController).
 */
import { msg } from '@lit/localize';
import { ApiError, type ApiClient } from '../api/transport.js';
import * as accounts from '../api/accounts.js';
import { createMap } from '../api/maps.js';
import type { CryptoClient } from '../crypto/crypto-client.js';
import type { MapSummary } from '../crypto/protocol.js';
import type { MapDocument } from '../../shared/map/types.js';
import { MapSession } from '../editor/session/map-session.js';
import { paths, type Router } from './router.js';
import { forgetLostMap } from '../membership/departure/lost-maps.js';
import { recordVisit } from '../day/visits.js';
import type { MembershipView } from '../membership/types.js';
import { keepAccount, keepKeyring } from '../offline/offline-store.js';
import { unlockOffline } from '../offline/offline-login.js';
import { isOffline } from '../offline/offline-state.js';
import { Connection } from '../offline/connection.js';
import type { AccountResponse } from '../api/types.js';
import { DeviceKeeping } from '../device/keeping.js';
import { forgetLocalState } from './forget-local-state.js';
import { logoutAcrossTabs } from '../device/tabs.js';
import {
  freshAccountProof,
  passphraseProof,
  recoveryProof,
  trustedProof,
  type SignInProof,
} from '../account/sign-in-proofs.js';
import { SIGNED_OUT, type AppState } from './app-state.js';

export type { AppState } from './app-state.js';

/** How many times a keyring write is retried after a conflict with another device. */
const KEYRING_RETRIES = 3;

function newestFirst(maps: readonly MapSummary[]): MapSummary[] {
  return [...maps].sort((a, b) => b.addedAt - a.addedAt);
}

export class AppStore extends EventTarget {
  readonly api: ApiClient;
  readonly crypto: CryptoClient;
  readonly router: Router;
  #state: AppState = SIGNED_OUT;
  #keyringRevision = 0;
  /** Where to go after signing in, when a signed-out visit to a map page sent the person to login. */
  #returnTo: string | null = null;
  /** True during logout, when a refused token is expected and not news. */
  #endingSession = false;
  /** A freshly created map, handed to the editor so it need not fetch and decrypt it again. */
  #fresh: { mapId: string; document: MapDocument; version: number } | null = null;
  /** Keyring writes, one after another: each seals the worker's keyring just before it is sent. */
  #keyringQueue: Promise<unknown> = Promise.resolve();
  /** A pin moved but storing the keyring failed: the next open tries again. */
  #pinsUnsaved = false;
  /** Tells this browser's other tabs about a logout (device/tabs.ts). */
  #tellTabs = (): void => undefined;
  /** Whether this device keeps her unlocked (her own device, decision 0024). */
  readonly device: DeviceKeeping;
  /** Her kept session was refused when the page opened: the login screen says so. */
  sessionEnded = false;
  /** The parent's last choice between the ring picture and the list (kept while signed in). */
  mapView: 'picture' | 'list' = 'picture';
  /** Maps opened in this session, so the editor and its print views share one decrypted copy. */
  readonly #sessions = new Map<string, Promise<MapSession>>();
  /** Signed in offline, or the browser went offline: screens say since when (decision 0025). */
  readonly #connection = new Connection(
    // online again: an offline sign-in gets its session (refresh cookie)
    async () => {
      if (!this.signedIn) return;
      await accounts.getAccount(this.api);
      // open maps ask the server again, so their note goes and saving is possible
      const sessions = [...this.#sessions.values()];
      await Promise.allSettled(sessions.map(async (session) => (await session).refresh()));
    },
    () => this.#set(this.#state),
  );

  constructor(api: ApiClient, crypto: CryptoClient, router: Router) {
    super();
    this.api = api;
    this.crypto = crypto;
    this.router = router;
    this.device = new DeviceKeeping(api, crypto);
    api.addEventListener('session-lost', () => this.#onSessionLost());
    // a logout in one tab locks every tab of this browser (the device's own store only)
    if (api.remember) this.#tellTabs = logoutAcrossTabs(() => this.#onSessionLost());
  }

  /** MapOpener: on her own device, maps and the account are kept as ciphertext for offline use. */
  get keepsOffline(): boolean {
    return this.api.remember && this.device.kept;
  }

  /** Without a connection: when the server last confirmed her list of maps; null when connected. */
  get offlineAt(): number | null {
    return this.signedIn ? this.#connection.offlineAt : null;
  }

  get state(): AppState {
    return this.#state;
  }

  get signedIn(): boolean {
    return this.#state.username !== null;
  }

  /** Asks the app shell to read a short message out through its live region. */
  announce(message: string): void {
    this.dispatchEvent(new CustomEvent<string>('announce', { detail: message }));
  }

  /**
   * Creates the account (keys made in the worker), keeps the recovery code to show, and signs in.
   * Once the account exists its recovery code is kept even if signing in fails, so it is never lost.
   */
  async register(
    username: string,
    passphrase: string,
    options: { professional?: boolean; keep?: boolean } = {},
  ): Promise<void> {
    const { registration, recoveryCode } = await this.crypto.call('register', {
      username,
      passphrase,
    });
    await accounts.createAccount(this.api, registration);
    this.#set({ ...SIGNED_OUT, recovery: { username: registration.username, code: recoveryCode } });
    try {
      const proof = await freshAccountProof(this.api, this.crypto, registration.username);
      // the new account's recovery code still shows
      await this.#signIn(proof, options.keep === true, this.#state.recovery);
      if (options.professional === true) await this.setProfessional(true);
    } catch {
      // The recovery sheet still shows; its Continue button leads to the login screen.
      this.crypto.terminate();
    }
  }

  /** Forgets the recovery code once the person says it is saved. */
  recoverySaved(): void {
    this.#set({ ...this.#state, recovery: null });
  }

  /** Signs in with username and passphrase; the key derivation runs in the worker. */
  async login(username: string, passphrase: string, keep = false): Promise<void> {
    let proof;
    try {
      proof = await passphraseProof(this.api, this.crypto, username, passphrase);
    } catch (error) {
      // no connection: the passphrase opens the account kept on this device, if one is kept
      // (a copy exists only where she said this is her own device)
      const kept = isOffline(error) && this.api.remember;
      const unlocked = kept ? await unlockOffline(this.crypto, username, passphrase) : null;
      if (unlocked === null) throw error;
      this.device.resumed();
      this.#keyringRevision = unlocked.account.keyringRevision;
      this.#connection.lost(unlocked.savedAt);
      return this.#set({ ...unlocked.state, maps: newestFirst(unlocked.state.maps) });
    }
    await this.#signIn(proof, keep);
  }

  /** Signs in with the recovery code; the page then sets a new passphrase (account/recovery.ts). */
  async loginWithRecovery(username: string, recoveryCode: string, keep = false): Promise<void> {
    await this.#signIn(await recoveryProof(this.api, this.crypto, username, recoveryCode), keep);
  }

  /** Signs in with a trusted helper's hand-over (decision 0026); a new passphrase follows. */
  async loginWithTrusted(
    username: string,
    handover: { sealed: string; trustWrappedAccountKey: string },
  ): Promise<void> {
    // a device she got back in on through someone else is not kept until she signs in again
    await this.#signIn(await trustedProof(this.api, this.crypto, username, handover), false);
  }

  async #signIn(
    proof: SignInProof,
    keep: boolean,
    recovery: AppState['recovery'] = null,
  ): Promise<void> {
    // not her own device: the refresh cookie ends with the browser (decision 0024)
    const { account } = await accounts.login(this.api, { ...proof, stay: keep });
    const { maps } = await this.crypto.call('unlock', { account });
    await this.device.signedIn(keep);
    await this.#enter(account, maps, recovery);
    // sealed afresh on every sign-in: a keyring write is no sign of a join, and a keyring stored
    // before the fixed size gets it (decision 0022); a failure here changes nothing for her
    this.commitKeyring().catch(() => undefined);
  }

  /** The worker is unlocked (signed in, or resumed on her own device): show her maps. */
  async #enter(
    account: AccountResponse,
    maps: MapSummary[],
    recovery: AppState['recovery'] = null,
  ): Promise<void> {
    const { professional } = await this.crypto.call('accountSettings', {});
    this.#keyringRevision = account.keyringRevision;
    if (this.keepsOffline) await keepAccount(account);
    this.#connection.confirmed();
    this.#set({ username: account.username, maps: newestFirst(maps), recovery, professional });
  }

  /** A page opened on her own device unlocked the worker with the kept key (device/stay-unlocked.ts). */
  async resumed(account: AccountResponse, maps: MapSummary[]): Promise<void> {
    await this.#enter(account, maps);
    this.device.resumed();
  }

  /** Shows the code that replaced the one used to get back in (the recovery sheet says so). */
  showReplacedRecovery(code: string): void {
    const username = this.#state.username;
    if (username === null) return;
    this.#set({ ...this.#state, recovery: { username, code, replaced: true } });
  }

  /** Ends the session on the server and wipes every key in the worker. */
  async logout(): Promise<void> {
    this.#endingSession = true;
    try {
      await accounts.logout(this.api);
    } catch {
      // Signing out locally matters most; the server session expires by itself.
    } finally {
      this.#endingSession = false;
    }
    this.crypto.terminate();
    this.#fresh = null;
    this.#sessions.clear();
    this.#returnTo = null;
    this.#keyringRevision = 0;
    this.device.ended(false);
    // the device's own store leaves nothing of hers behind; Samen aan tafel's leaves the device alone
    if (this.api.remember) await forgetLocalState();
    this.#tellTabs();
    this.#set(SIGNED_OUT);
  }

  /** Creates a map on the server, then records it in the keyring (merging on conflict). */
  async createMap(title: string): Promise<MapSummary> {
    const created = await this.crypto.call('createMap', { title });
    await createMap(this.api, created.request);
    await this.crypto.call('commitMap', { mapId: created.map.mapId });
    const maps = await this.commitKeyring();
    this.#fresh = { mapId: created.map.mapId, document: created.document, version: 1 };
    this.#set({ ...this.#state, maps: newestFirst(maps) });
    return created.map;
  }

  /** "Ik werk als hulpverlener" on or off: kept in the keyring, so every device of the account follows. */
  async setProfessional(professional: boolean): Promise<void> {
    await this.crypto.call('setProfessional', { professional });
    await this.commitKeyring();
  }

  /**
   * Stores the worker's keyring on the server (merging on conflict) and shows its maps. Used after
   * creating, joining or leaving a map, and when a pin moved. Writes run one after another, and each
   * seals the keyring when it is its turn, so a later write never sends an older keyring.
   */
  commitKeyring(): Promise<MapSummary[]> {
    const run = this.#keyringQueue.then(() => this.#putKeyring());
    this.#keyringQueue = run.catch(() => undefined);
    return run;
  }

  /** MapOpener: stores the keyring when a pin moved (or an earlier store failed); never throws. */
  async syncPins(moved: boolean): Promise<void> {
    if (!moved && !this.#pinsUnsaved) return;
    this.#pinsUnsaved = true;
    try {
      await this.commitKeyring();
      this.#pinsUnsaved = false;
    } catch {
      // The pin holds in this worker; the next open or keyring write stores it.
    }
  }

  async #putKeyring(): Promise<MapSummary[]> {
    let { keyring, maps } = await this.crypto.call('sealKeyring', {});
    for (let attempt = 0; ; attempt++) {
      try {
        const { keyringRevision } = await accounts.putKeyring(
          this.api,
          this.#keyringRevision,
          keyring,
        );
        this.#keyringRevision = keyringRevision;
        this.#connection.confirmed();
        if (this.keepsOffline && this.#state.username !== null)
          await keepKeyring(this.#state.username, keyring, keyringRevision);
        break;
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'keyring_conflict') throw error;
        if (attempt >= KEYRING_RETRIES) throw error;
        // Another device changed the keyring: take its maps and pins and add ours again.
        const account = await accounts.getAccount(this.api);
        const merged = await this.crypto.call('mergeKeyring', { account });
        keyring = merged.keyring;
        maps = merged.maps;
        this.#keyringRevision = account.keyringRevision;
      }
    }
    // a merge may have brought another device's newer choice
    const { professional } = await this.crypto.call('accountSettings', {});
    this.#set({ ...this.#state, maps: newestFirst(maps), professional });
    return maps;
  }

  /** MapOpener: the account no longer takes part in the map, so it leaves the keyring. */
  lost(mapId: string, endedOn?: string): Promise<void> {
    return forgetLostMap(this, mapId, endedOn);
  }

  /** MapOpener: she saw the map as it is now; "Mijn kaarten" says what changed since. */
  visited(
    summary: MapSummary,
    document: MapDocument,
    membership: MembershipView | null,
    withCards: boolean,
  ): void {
    void recordVisit(this, summary, document, membership, withCards);
  }

  /** Forgets the open session of a map, so the next visit fetches and verifies it again. */
  closeMap(mapId: string): void {
    this.#sessions.delete(mapId);
  }

  /** Remembers a page to come back to after signing in. */
  set returnTo(path: string | null) {
    this.#returnTo = path;
  }

  /** The page to go to after signing in (once), or the map list. */
  takeReturnTo(fallback: string): string {
    const path = this.#returnTo ?? fallback;
    this.#returnTo = null;
    return path;
  }

  /** The keyring entry of a map, if this account has it. */
  mapSummary(mapId: string): MapSummary | undefined {
    return this.#state.maps.find((map) => map.mapId === mapId);
  }

  /**
   * The open session of a map in the keyring: the one already open, the map just created, or
   * fetched and decrypted now. Rejects with Error('not-in-keyring') for a map not in the keyring.
   */
  openMap(mapId: string): Promise<MapSession> {
    const open = this.#sessions.get(mapId);
    if (open !== undefined) return open;
    const summary = this.mapSummary(mapId);
    if (summary === undefined) return Promise.reject(new Error('not-in-keyring'));
    const fresh = this.#fresh;
    let session: Promise<MapSession>;
    if (fresh !== null && fresh.mapId === mapId) {
      this.#fresh = null;
      session = Promise.resolve(MapSession.fromFresh(this, summary, fresh));
    } else {
      session = MapSession.open(this, summary);
    }
    this.#sessions.set(mapId, session);
    // A failed open is not kept: the next visit tries again.
    session.catch(() => this.#sessions.delete(mapId));
    return session;
  }

  /** The server no longer accepts this session: lock up and ask for the passphrase again. */
  #onSessionLost(): void {
    if (!this.signedIn || this.#endingSession) return;
    this.crypto.terminate();
    this.#fresh = null;
    this.#sessions.clear();
    // a refused session (expired, revoked, account deleted) leaves no kept key behind
    this.device.ended(true);
    this.#set(SIGNED_OUT);
    this.router.navigate(paths.login);
    this.announce(msg('Je bent uitgelogd. Log opnieuw in.', { id: 'error.sessionExpired' }));
  }

  #set(state: AppState): void {
    this.#state = state;
    this.dispatchEvent(new Event('change'));
  }
}
