/**
 * The stored versions of one map for the timeline: the list (numbers and dates, no bodies), and a
 * version's document, fetched and decrypted on the device only when it is shown. Decrypted versions
 * are kept in memory for this session (never in storage); logging out drops the session with them.
 */
import { getVersion, listVersions } from '../../api/maps.js';
import type { ApiClient } from '../../api/transport.js';
import type { CryptoClient } from '../../crypto/crypto-client.js';
import type { MapSummary, OpenedVersion } from '../../crypto/protocol.js';
import { limits } from '../../../shared/api/limits.js';

/** One moment on the timeline: a stored version and when it was saved (ms since the Unix epoch). */
export interface Moment {
  readonly version: number;
  readonly savedAt: number;
}

export class MapHistory {
  readonly #api: ApiClient;
  readonly #crypto: CryptoClient;
  readonly #summary: MapSummary;
  readonly #opened = new Map<number, Promise<OpenedVersion>>();

  constructor(api: ApiClient, crypto: CryptoClient, summary: MapSummary) {
    this.#api = api;
    this.#crypto = crypto;
    this.#summary = summary;
  }

  /** Every stored version, oldest first (pages of the largest size the server allows). */
  async moments(): Promise<Moment[]> {
    const { mapId, capability } = this.#summary;
    const all: Moment[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listVersions(this.#api, mapId, capability, {
        limit: limits.versionsPageMax,
        ...(before === undefined ? {} : { before }),
      });
      for (const item of page.versions)
        all.push({ version: item.version, savedAt: item.createdAt });
      const last = page.versions.at(-1);
      if (page.versions.length < limits.versionsPageMax || last === undefined) break;
      before = last.version;
    }
    return all.sort((a, b) => a.version - b.version);
  }

  /** The versions' documents (or unreadable), fetching and decrypting only those not seen yet. */
  open(versions: readonly number[]): Promise<OpenedVersion[]> {
    const missing = [...new Set(versions)].filter((version) => !this.#opened.has(version));
    if (missing.length > 0) {
      const batch = this.#fetchAndOpen(missing);
      missing.forEach((version, i) => {
        const one = batch.then((opened) => opened[i]!);
        // a failed fetch is tried again next time, not remembered
        one.catch(() => this.#opened.delete(version));
        this.#opened.set(version, one);
      });
    }
    return Promise.all(versions.map((version) => this.#opened.get(version)!));
  }

  async #fetchAndOpen(versions: readonly number[]): Promise<OpenedVersion[]> {
    const { mapId, capability } = this.#summary;
    const bodies = await Promise.all(
      versions.map(async (version) => {
        const read = await getVersion(this.#api, mapId, capability, version);
        return { version, body: read.body };
      }),
    );
    const { versions: opened } = await this.#crypto.call('openVersions', {
      mapId,
      versions: bodies,
    });
    return opened;
  }
}
