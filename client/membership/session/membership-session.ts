/**
 * One map open on the members screen ("Wie doet mee?"), beside the editor's MapSession
 * (editor/session/map-session.ts): the verified document and membership log, the member cards,
 * and for owners the open invites, the join requests (polled: they raise no event) and who
 * looked. Kept fresh from the map's one event stream; actions/ change it, then reload it.
 */
import { msg } from '@lit/localize';
import type { AccessLogResponse, Rights } from '../../../shared/api/maps.js';
import type { MapDocument } from '../../../shared/map/types.js';
import { accessLog } from '../../api/maps.js';
import { invitesApi } from '../../api/invites.js';
import { membershipApi } from '../../api/membership.js';
import { ApiError } from '../../api/transport.js';
import { CryptoFailure } from '../../crypto/crypto-client.js';
import type { AppStore } from '../../shell/store.js';
import { describeError } from '../../ui/errors.js';
import { inviteSecretOf } from '../flows/invite-secrets.js';
import { isPending, openRequest, type JoinRequestView } from '../flows/invite.js';
import { NoAccessError, openVerified } from '../open.js';
import type { CardWire, MembershipView } from '../types.js';
import { followMap } from './map-events.js';

export interface OpenInvite {
  readonly inviteId: string;
  readonly status: string;
  readonly expiresAt: number;
}

/** A pending request whose invite secret this device cannot open: shown, but not as a person. */
export interface UnverifiableRequest {
  readonly inviteId: string;
  readonly requestId: string;
  readonly createdAt: number;
}

/** How often an owner's screen looks for new join requests (they raise no event), in ms. */
const REQUEST_POLL_MS = 3000;

/** Fires `change` whenever what it holds changed. */
export class MembershipSession extends EventTarget {
  loaded = false;
  /** Why the screen cannot open at all. */
  fatal = '';
  noAccess = false;
  /** A reload that failed after the screen was open. */
  error = '';
  membership: MembershipView | null = null;
  document: MapDocument | null = null;
  version = 0;
  rights: Rights = 'read';
  cards: CardWire[] = [];
  requests: JoinRequestView[] = [];
  /** Pending requests that cannot be checked here (their invite's secret does not open). */
  unverifiable: UnverifiableRequest[] = [];
  invites: OpenInvite[] = [];
  access: AccessLogResponse | null = null;

  readonly #abort = new AbortController();
  #pollTimer: ReturnType<typeof setInterval> | undefined;
  #reloading: Promise<void> | null = null;
  #reloadAgain = false;

  constructor(
    readonly store: AppStore,
    readonly mapId: string,
  ) {
    super();
  }

  get isOwner(): boolean {
    return this.rights === 'admin';
  }

  get capability(): string {
    return this.store.mapSummary(this.mapId)?.capability ?? '';
  }

  /** Loads, then follows the map's events and (for owners) polls for join requests. */
  async start(): Promise<void> {
    if (this.store.mapSummary(this.mapId) === undefined) {
      this.fatal = msg('Deze kaart staat niet bij jouw kaarten.', { id: 'editor.notInKeyring' });
      this.#changed();
      return;
    }
    await this.reload();
    if (this.noAccess || this.fatal || this.#abort.signal.aborted) return;
    followMap(
      this.store,
      this.mapId,
      {
        removed: () => {
          this.noAccess = true;
          this.#changed();
        },
        event: () => void this.reload(),
      },
      this.#abort.signal,
    );
    if (this.isOwner)
      this.#pollTimer = setInterval(() => void this.reloadInvites(), REQUEST_POLL_MS);
  }

  /** Stops listening and polling (the screen closed, or this account left). */
  close(): void {
    this.#abort.abort();
    clearInterval(this.#pollTimer);
  }

  /** Loads (again) the map, the verified log, the cards and, for owners, invites and history. */
  reload(): Promise<void> {
    if (this.#reloading !== null) {
      this.#reloadAgain = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      do {
        this.#reloadAgain = false;
        await this.#load();
      } while (this.#reloadAgain);
    })().finally(() => (this.#reloading = null));
    return this.#reloading;
  }

  async #load(): Promise<void> {
    const store = this.store;
    const summary = store.mapSummary(this.mapId);
    if (summary === undefined) return;
    try {
      const opened = await openVerified(store, summary);
      // The editor's session re-opens with what was verified here.
      store.closeMap(this.mapId);
      this.membership = opened.membership;
      this.document = opened.document;
      this.version = opened.version;
      this.rights = opened.response.rights;
      const cards = await membershipApi.cards(this.mapId, summary.capability);
      this.cards = await store.crypto.call('openCards', { mapId: this.mapId, cards: cards.cards });
      if (this.isOwner) {
        await this.reloadInvites();
        this.access = await accessLog(this.mapId, summary.capability);
      }
      this.loaded = true;
    } catch (error) {
      if (error instanceof NoAccessError) this.noAccess = true;
      else if (!this.loaded) this.fatal = describeError(error);
      else this.error = describeError(error);
    }
    this.#changed();
  }

  /** Open invites and the pending requests on them, opened with the secrets sealed for the owners. */
  async reloadInvites(): Promise<void> {
    const capability = this.capability;
    if (!this.isOwner || capability === '') return;
    try {
      const { invites } = await invitesApi.listInvites(this.mapId, capability);
      const requests: JoinRequestView[] = [];
      const unverifiable: UnverifiableRequest[] = [];
      for (const invite of invites) {
        const request = invite.request;
        if (!isPending(request)) continue;
        const known = this.requests.find((r) => r.requestId === request.requestId);
        if (known !== undefined) {
          requests.push(known);
          continue;
        }
        const { inviteId, sealedInfo } = invite;
        const { requestId, createdAt } = request;
        const secret = await inviteSecretOf(this.store, this.mapId, invite);
        try {
          if (secret === null) throw new CryptoFailure('decrypt-failure', 'no secret here');
          requests.push(
            await openRequest(this.store, this.mapId, { inviteId, secret, sealedInfo }, request),
          );
        } catch (error) {
          // not checkable on this device: shown as such, never as a person to let in
          if (!(error instanceof CryptoFailure)) throw error;
          unverifiable.push({ inviteId, requestId, createdAt });
        }
      }
      this.requests = requests;
      this.unverifiable = unverifiable;
      this.invites = invites
        .filter((i) => i.status === 'open')
        .map((i) => ({ inviteId: i.inviteId, status: i.status, expiresAt: i.expiresAt }));
      this.#changed();
    } catch {
      // The next round tries again.
    }
  }

  /** A request that was answered here: off the list at once. */
  dropRequest(requestId: string): void {
    this.requests = this.requests.filter((r) => r.requestId !== requestId);
    this.unverifiable = this.unverifiable.filter((r) => r.requestId !== requestId);
    this.#changed();
  }

  clearError(): void {
    this.error = '';
  }

  /** Retries once after a log or version conflict (someone else wrote first), with fresh state. */
  async withRetry(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'log_conflict' || error.code === 'version_conflict')
      ) {
        await this.#load();
        await run();
      } else {
        throw error;
      }
    }
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
