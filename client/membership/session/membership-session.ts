/**
 * One map open on the members screen ("Wie doet mee?"), beside the editor's MapSession
 * (editor/session/map-session.ts): the verified document and membership log, the member cards,
 * and for owners the open invites, the join requests (polled: they raise no event) and who
 * looked. Kept fresh from the map's one event stream; actions/ change it, then reload it (a re-key
 * shows the server's answer instead, and its own events are not re-read: echoes.ts).
 */
import { msg } from '@lit/localize';
import type { AccessLogResponse, Rights } from '../../../shared/api/maps.js';
import type { MapEventType, RemoveMembersResponse } from '../../../shared/api/membership.js';
import type { MapDocument } from '../../../shared/map/types.js';
import { accessLog } from '../../api/maps.js';
import { invitesApi } from '../../api/invites.js';
import { membershipApi } from '../../api/membership.js';
import { ApiError } from '../../api/transport.js';
import { CryptoFailure } from '../../crypto/crypto-client.js';
import type { AppStore } from '../../shell/store.js';
import { describeError, describeRefusedRequest } from '../../ui/errors.js';
import type { CryptoErrorCode, CryptoOps } from '../../crypto/protocol.js';
import { inviteSecretOf } from '../flows/invite-secrets.js';
import {
  isPending,
  openRequest,
  type JoinRequestView,
  type RefusedRequestView,
} from '../flows/invite.js';
import { NoAccessError, openVerified } from '../open.js';
import { withParentName } from '../departure/parent-name.js';
import type { CardWire, MembershipView } from '../types.js';
import { followMap } from './map-events.js';
import { Echoes } from './echoes.js';

export interface OpenInvite {
  readonly inviteId: string;
  readonly status: string;
  readonly expiresAt: number;
}

/** Worker failures that mean the request itself is not to be trusted (others: try again later). */
const REFUSALS: ReadonlySet<CryptoErrorCode> = new Set([
  'forged-request',
  'unsupported-version',
  'decrypt-failure',
  'bad-signature',
  'malformed',
]);

/** How often an owner's screen looks for new join requests (they raise no event), in ms. */
const REQUEST_POLL_MS = 3000;

/** Fires `change` whenever what it holds changed. */
export class MembershipSession extends EventTarget {
  loaded = false;
  /** Why the screen cannot open at all. */
  fatal = '';
  noAccess = false;
  /** With noAccess: her access for a time ended after this day ('' unknown; decision 0030). */
  endedOn: string | undefined = undefined;
  /** A reload that failed after the screen was open. */
  error = '';
  membership: MembershipView | null = null;
  document: MapDocument | null = null;
  version = 0;
  rights: Rights = 'read';
  cards: CardWire[] = [];
  requests: JoinRequestView[] = [];
  /** Requests her device refused (no valid proof of the invite secret): shown as a plain refusal. */
  refused: RefusedRequestView[] = [];
  invites: OpenInvite[] = [];
  access: AccessLogResponse | null = null;

  readonly #abort = new AbortController();
  #pollTimer: ReturnType<typeof setInterval> | undefined;
  #reloading: Promise<void> | null = null;
  #reloadAgain = false;
  readonly #echoes = new Echoes();

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
          void this.store.lost(this.mapId);
        },
        event: (name) => {
          if (!this.#echoes.take(name)) void this.reload();
        },
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
      if (error instanceof NoAccessError) {
        this.noAccess = true;
        this.endedOn = error.endedOn;
      } else if (!this.loaded) this.fatal = describeError(error);
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
      const refused: RefusedRequestView[] = [];
      for (const invite of invites) {
        const request = invite.request;
        if (!isPending(request)) continue;
        const known = this.requests.find((r) => r.requestId === request.requestId);
        const knownRefused = this.refused.find((r) => r.requestId === request.requestId);
        if (known !== undefined || knownRefused !== undefined) {
          if (known !== undefined) requests.push(known);
          if (knownRefused !== undefined) refused.push(knownRefused);
          continue;
        }
        const { inviteId, sealedInfo } = invite;
        const { requestId } = request;
        const secret = await inviteSecretOf(this.store, this.mapId, invite);
        if (secret === null) {
          // its invite does not open on this device: say so, never show it as someone to let in
          const reason = msg(
            'Iemand vraagt om mee te doen. We kunnen niet controleren wie het is, want de uitnodiging is hier niet te openen. Laat deze persoon niet toe. Verwacht je iemand? Maak dan een nieuwe uitnodiging.',
            { id: 'members.unverifiable' },
          );
          refused.push({ inviteId, requestId, reason });
          continue;
        }
        try {
          requests.push(
            await openRequest(this.store, this.mapId, { inviteId, secret, sealedInfo }, request),
          );
        } catch (error) {
          // the worker refused it (no proof of the secret): say so instead of showing it
          if (!(error instanceof CryptoFailure) || !REFUSALS.has(error.code)) throw error;
          refused.push({ inviteId, requestId, reason: describeRefusedRequest(error) });
        }
      }
      this.requests = requests;
      this.refused = refused;
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
    this.refused = this.refused.filter((r) => r.requestId !== requestId);
    this.#changed();
  }

  clearError(): void {
    this.error = '';
  }

  /** Retries once after a log or version conflict (someone else wrote first), with fresh state. */
  async withRetry<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'log_conflict' || error.code === 'version_conflict')
      ) {
        await this.#load();
        return await run();
      } else {
        throw error;
      }
    }
  }

  /** The server's events for a change this screen will show from the answer (actions/rotate.ts). */
  expectEcho(names: MapEventType[]): { cancel(): void } {
    return this.#echoes.expect(names);
  }

  /**
   * Shows the re-key the server took (POST …/remove answered `answer`) from what the worker sealed:
   * the log, document and pin move without fetching and verifying the map again. False when the
   * worker holds another state than the answer names; the caller then loads it all again.
   */
  async applyRotation(answer: RemoveMembersResponse, removed: string[]): Promise<boolean> {
    let done: CryptoOps['commitRotate']['result'];
    try {
      done = await this.store.crypto.call('commitRotate', { mapId: this.mapId, ...answer });
    } catch {
      return false;
    }
    await this.store.syncPins(done.pinMoved);
    // the editor's session opens the new version when she goes back to the map
    this.store.closeMap(this.mapId);
    this.membership = withParentName(done.membership, done.document);
    this.document = done.document;
    this.version = done.version;
    this.cards = this.cards.filter((card) => !removed.includes(card.slotId));
    this.#changed();
    // the history's line "has no access since …" comes from the server's record of the removal
    if (this.isOwner) void this.#reloadAccess();
    return true;
  }

  async #reloadAccess(): Promise<void> {
    try {
      this.access = await accessLog(this.mapId, this.capability);
      this.#changed();
    } catch {
      // The next reload brings it.
    }
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
