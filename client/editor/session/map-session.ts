/**
 * One open map: its decrypted document and version, and saving with conflict handling.
 * A save writes version N+1 naming N as its base; on 409 it fetches the newer version,
 * merges per entry (merge.ts) and tries again.
 */
import { ApiError, type ApiClient } from '../../api/transport.js';
import { getMap, saveMap } from '../../api/maps.js';
import type { CryptoClient } from '../../crypto/crypto-client.js';
import type { MapSummary } from '../../crypto/protocol.js';
import type { Rights } from '../../../shared/api/maps.js';
import type { MapDocument } from '../../../shared/map/types.js';
import { mergeDocuments } from './merge.js';
import { MapHistory } from '../timeline/history.js';
import { agreedBorgerIds } from '../../membership/borger.js';
import { membershipApi } from '../../api/membership.js';
import { fetchMapOrNoAccess, openVerified, type MapOpener } from '../../membership/open.js';
import type { MembershipView } from '../../membership/types.js';
import { isOffline } from '../../offline/offline-state.js';
import { keepSaved } from '../../offline/offline-store.js';

/** How often a save is retried after conflicts before giving up. */
const SAVE_ATTEMPTS = 5;
/** A session fetched this recently (ms) is not fetched again when its editor opens. */
const FRESH_MS = 2000;

export interface SaveResult {
  /** True when someone else's newer version was merged in. */
  readonly merged: boolean;
}

export class MapSession {
  readonly summary: MapSummary;
  /** What this slot may do; `read` means no saving. */
  readonly rights: Rights;
  readonly #opener: MapOpener;
  readonly #api: ApiClient;
  readonly #crypto: CryptoClient;
  /** The document as shown, including edits that are being saved. */
  #document: MapDocument;
  /** The last version the server confirmed, and its document (the base of the next merge). */
  #version: number;
  #base: MapDocument;
  #queue: Promise<unknown> = Promise.resolve();
  /** When the server's latest version was read into this session (0: made here, never read). */
  #fetchedAt = 0;
  /** The membership verified with the last opened version (null for a map made here). */
  #membership: MembershipView | null;
  /** When the version shown came from the server: opened, refreshed or saved (or the kept copy's time). */
  #answeredAt: number;
  /** True while the server cannot be reached: opened from the kept copy, or a refresh found no connection. */
  #unreachable: boolean;

  private constructor(
    opener: MapOpener,
    summary: MapSummary,
    document: MapDocument,
    version: number,
    rights: Rights,
    membership: MembershipView | null = null,
    offlineAt: number | null = null,
  ) {
    this.#membership = membership;
    this.#answeredAt = offlineAt ?? Date.now();
    this.#unreachable = offlineAt !== null;
    this.rights = rights;
    this.#opener = opener;
    this.#api = opener.api;
    this.#crypto = opener.crypto;
    this.summary = summary;
    this.#document = document;
    this.#base = document;
    this.#version = version;
  }

  /** Fetches and decrypts the latest version. */
  static async open(opener: MapOpener, summary: MapSummary): Promise<MapSession> {
    const opened = await openVerified(opener, summary);
    const { document, version, response, membership, offlineAt } = opened;
    // offline, her cards cannot be read: a visit recorded now would make them look new later
    if (offlineAt === null) opener.visited?.(summary, document, membership, true);
    const session = new MapSession(
      opener,
      summary,
      document,
      version,
      response.rights,
      membership,
      offlineAt,
    );
    // a kept copy is not the server's latest: the next look at the map asks again
    if (offlineAt === null) session.#fetchedAt = Date.now();
    return session;
  }

  /** A session for a map just created in this worker (no need to fetch it back). */
  static fromFresh(
    opener: MapOpener,
    summary: MapSummary,
    fresh: { document: MapDocument; version: number },
  ): MapSession {
    // The creator's slot is the map's first admin slot.
    return new MapSession(opener, summary, fresh.document, fresh.version, 'admin');
  }

  #history: MapHistory | null = null;

  /** The stored versions for the timeline; decrypted ones stay in memory with this session. */
  get history(): MapHistory {
    this.#history ??= new MapHistory(this.#api, this.#crypto, this.summary);
    return this.#history;
  }

  get document(): MapDocument {
    return this.#document;
  }

  get version(): number {
    return this.#version;
  }

  /**
   * Null while the server answers; without a connection, when the version shown was last confirmed
   * by the server (for a copy kept on this device: when it was kept). Saving waits for a connection.
   */
  get offlineAt(): number | null {
    return this.offlineSince(false);
  }

  /** As offlineAt, also when the app knows the connection is gone (`appOffline`) before a refresh does. */
  offlineSince(appOffline: boolean): number | null {
    return this.#unreachable || appOffline ? this.#answeredAt : null;
  }

  /** The verified members, as of the last version opened (null for a map made here). */
  get membership(): MembershipView | null {
    return this.#membership;
  }

  /**
   * The entry ids of the agreed borgers: members whose role in the verified log is borger and
   * whose own verified card says so too. Fetches the cards; none when they cannot be read.
   */
  async borgerIds(): Promise<string[]> {
    const members = this.#membership?.members ?? [];
    if (!members.some((member) => member.role === 'borger')) return [];
    try {
      const { mapId, capability } = this.summary;
      const sealed = await membershipApi.cards(mapId, capability);
      const cards = await this.#crypto.call('openCards', { mapId, cards: sealed.cards });
      return agreedBorgerIds(members, cards);
    } catch {
      return [];
    }
  }

  /**
   * As refresh(), but not for a session fetched from the server a moment ago (opening a map must
   * not read it twice); the map's live events keep an open session fresh after that.
   */
  refreshIfStale(): Promise<boolean> {
    if (Date.now() - this.#fetchedAt < FRESH_MS) return Promise.resolve(false);
    return this.refresh();
  }

  /**
   * Fetches the latest version and takes it when it is newer than the one shown (someone else
   * saved meanwhile). Runs after any save in progress. True when the document changed.
   */
  refresh(): Promise<boolean> {
    const run = this.#queue.then(async () => {
      const latest = await fetchMapOrNoAccess(this.#api, this.summary).catch((error: unknown) => {
        if (isOffline(error)) return null;
        throw error;
      });
      // no connection: she keeps reading what she had, and the screen says since when
      this.#unreachable = latest === null;
      if (latest === null) return false;
      this.#answeredAt = Date.now();
      if (latest.version <= this.#version) return false;
      const opened = await openVerified(this.#opener, this.summary, latest);
      this.#version = opened.version;
      this.#base = opened.document;
      this.#document = opened.document;
      this.#membership = opened.membership;
      this.#opener.visited?.(this.summary, opened.document, opened.membership, false);
      return true;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies `edit` to the current document and saves it as a new version. Saves run one after
   * another; on failure the document goes back to the last saved state and the error is thrown.
   */
  save(edit: (document: MapDocument) => MapDocument): Promise<SaveResult> {
    const run = this.#queue.then(() => this.#save(edit));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #save(edit: (document: MapDocument) => MapDocument): Promise<SaveResult> {
    const { mapId, capability } = this.summary;
    let mine = edit(this.#document);
    this.#document = mine;
    let merged = false;
    try {
      for (let attempt = 1; ; attempt++) {
        const version = this.#version + 1;
        const { body } = await this.#crypto.call('sealVersion', { mapId, document: mine, version });
        try {
          const saved = await saveMap(this.#api, mapId, capability, this.#version, body);
          this.#version = saved.version;
          this.#answeredAt = Date.now();
          if (this.#opener.keepsOffline === true) await keepSaved(mapId, saved.version, body);
          this.#base = mine;
          this.#document = mine;
          // her own change is never "new" on her list
          this.#opener.visited?.(this.summary, mine, this.#membership, false);
          return { merged };
        } catch (error) {
          if (
            !(error instanceof ApiError) ||
            error.code !== 'version_conflict' ||
            attempt >= SAVE_ATTEMPTS
          ) {
            throw error;
          }
        }
        // Someone saved in between: take their version and put our change on top of it.
        const latest = await getMap(this.#api, mapId, capability);
        const theirs = await openVerified(this.#opener, this.summary, latest);
        mine = mergeDocuments(this.#base, mine, theirs.document);
        this.#base = theirs.document;
        this.#version = theirs.version;
        this.#membership = theirs.membership;
        this.#document = mine;
        merged = true;
      }
    } catch (error) {
      this.#document = this.#base;
      throw error;
    }
  }
}
