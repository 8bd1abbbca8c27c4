// What the server acknowledged to the browsers (2xx answers to writes), read back later to prove
// nothing acknowledged was lost: map versions, log records, member cards and keyrings.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Page, Response } from 'playwright-core';

const MAP_PATH = /^\/api\/maps\/([A-Za-z0-9_-]{22})(\/.*)?$/;

export interface AcknowledgedCard {
  who: string;
  mapId: string;
  cardVersion: number;
  body: string;
}

export class Acknowledged {
  /** mapId → version → body */
  readonly versions = new Map<string, Map<number, string>>();
  /** mapId → seq → record */
  readonly records = new Map<string, Map<number, string>>();
  readonly cards: AcknowledgedCard[] = [];
  /** who → the newest acknowledged keyring (its revision is random and changes on every read) */
  readonly keyrings = new Map<string, { keyring: string }>();
  /** who → mapId → the capability last sent (to read the map back with) */
  readonly capabilities = new Map<string, Map<string, string>>();
  /** who → the access token last sent */
  readonly tokens = new Map<string, string>();
  /** Acknowledged writes whose request or answer could not be read (must stay empty). */
  readonly unreadable: string[] = [];
  readonly #pending = new Set<Promise<void>>();

  /** Records every acknowledged write `page` makes from now on, under the name `who`. */
  watch(page: Page, who: string): void {
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      const headers = request.headers();
      const capability = headers['nk-capability'];
      const mapId = MAP_PATH.exec(path)?.[1];
      if (capability !== undefined && mapId !== undefined) {
        const mine = this.capabilities.get(who) ?? new Map<string, string>();
        mine.set(mapId, capability);
        this.capabilities.set(who, mine);
      }
      const bearer = /^Bearer (.+)$/.exec(headers['authorization'] ?? '')?.[1];
      if (bearer !== undefined) this.tokens.set(who, bearer);
    });
    page.on('response', (response) => {
      const method = response.request().method();
      if (method === 'GET' || response.status() < 200 || response.status() > 299) return;
      const done = this.#record(who, response).catch((error: unknown) => {
        this.unreadable.push(`${method} ${response.url()}: ${String(error)}`);
      });
      this.#pending.add(done);
      void done.finally(() => this.#pending.delete(done));
    });
  }

  /** Waits until every answer seen so far is recorded. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #record(who: string, response: Response): Promise<void> {
    const request = response.request();
    const method = request.method();
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/api/')) return;
    const versionPut = MAP_PATH.exec(path);
    if (method === 'PUT' && versionPut && (versionPut[2] ?? '') === '') {
      // a map version goes as bytes, its new version comes back in the ETag (decision 0027)
      const tag = /^"v(\d+)"$/.exec((await response.allHeaders())['etag'] ?? '')?.[1];
      const sentBytes = request.postDataBuffer();
      if (tag === undefined || sentBytes === null)
        throw new Error('a version write without ETag or body');
      this.#version(versionPut[1] ?? '', Number(tag), sentBytes.toString('base64url'));
      return;
    }
    const sent = (request.postDataJSON() ?? {}) as Record<string, unknown>;
    const answer = (response.status() === 204 ? {} : await response.json()) as Record<
      string,
      unknown
    >;
    if (method === 'PUT' && path === '/api/account/keyring') {
      this.keyrings.set(who, { keyring: string(sent['keyring']) });
      return;
    }
    if (method === 'POST' && path === '/api/accounts') {
      this.keyrings.set(who, { keyring: string(sent['keyring']) });
      return;
    }
    if (method === 'POST' && path === '/api/maps') {
      const mapId = string(answer['mapId']);
      this.#version(mapId, number(answer['version']), string(sent['body']));
      if (typeof sent['logRecord'] === 'string') this.#records(mapId, 1, [sent['logRecord']]);
      return;
    }
    const match = MAP_PATH.exec(path);
    if (!match) return;
    const mapId = match[1] ?? '';
    const rest = match[2] ?? '';
    if (method === 'POST' && rest === '/remove') {
      this.#version(mapId, number(answer['version']), string(sent['body']));
      this.#records(mapId, number(answer['headSeq']), strings(sent['logRecords']));
    } else if (method === 'POST' && rest === '/log') {
      this.#records(mapId, number(answer['headSeq']), strings(sent['records']));
    } else if (method === 'POST' && /^\/requests\/[^/]+\/approve$/.test(rest)) {
      this.#records(mapId, number(answer['headSeq']), strings(sent['logRecords']));
    } else if (method === 'PUT' && rest === '/cards/mine') {
      this.cards.push({
        who,
        mapId,
        cardVersion: number(answer['cardVersion']),
        body: string(sent['body']),
      });
    }
  }

  #version(mapId: string, version: number, body: string): void {
    const versions = this.versions.get(mapId) ?? new Map<number, string>();
    versions.set(version, body);
    this.versions.set(mapId, versions);
  }

  /** Records sent together end at `headSeq`. */
  #records(mapId: string, headSeq: number, records: string[]): void {
    const log = this.records.get(mapId) ?? new Map<number, string>();
    records.forEach((record, index) => log.set(headSeq - records.length + 1 + index, record));
    this.records.set(mapId, log);
  }
}

function number(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${typeof value}`);
  return value;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new Error('expected a list of strings');
  return value;
}

/** GET `path` at `base` (http, or https checked against `ca`) and its JSON answer. */
export function getJson(
  base: string,
  path: string,
  headers: Record<string, string>,
  ca?: string,
): Promise<{
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** The answer's bytes (map versions come as application/octet-stream). */
  bytes: Buffer;
}> {
  const url = new URL(path, base);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers, ...(ca ? { ca } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        const binary = response.headers['content-type'] === 'application/octet-stream';
        try {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (text === '' || binary ? {} : JSON.parse(text)) as Record<string, unknown>,
            bytes,
          });
        } catch (error) {
          reject(
            new Error(`${path} answered ${response.statusCode}: ${text.slice(0, 200)}`, {
              cause: error,
            }),
          );
        }
      });
      response.on('error', reject);
    });
    request.setTimeout(20_000, () => request.destroy(new Error(`${path} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

export interface ReadBack {
  /** How many versions, records, cards and keyrings were compared. */
  checked: number;
  /** What did not come back as acknowledged (must be empty). */
  missing: string[];
}

/**
 * Reads every acknowledged map version and log record (as `reader`, with its capability), each
 * account's newest keyring and, with `cards`, each member's newest acknowledged card, at `base`.
 */
export async function readBack(
  acknowledged: Acknowledged,
  base: string,
  options: { reader: string; cards: boolean; ca?: string },
): Promise<ReadBack> {
  await acknowledged.settled();
  const result: ReadBack = { checked: 0, missing: [] };
  const get = (path: string, headers: Record<string, string>) =>
    getJson(base, path, headers, options.ca);
  const compare = (what: string, stored: unknown, sent: unknown) => {
    result.checked += 1;
    if (stored !== sent) result.missing.push(`${what} at ${base}`);
  };
  const capabilityOf = (mapId: string) => {
    const capability = acknowledged.capabilities.get(options.reader)?.get(mapId);
    if (capability === undefined) throw new Error(`${options.reader} never opened ${mapId}`);
    return { 'nk-capability': capability };
  };
  for (const [mapId, versions] of acknowledged.versions) {
    for (const [version, body] of versions) {
      const answer = await get(`/api/maps/${mapId}/versions/${version}`, capabilityOf(mapId));
      compare(`version ${version} (${answer.status})`, answer.bytes.toString('base64url'), body);
    }
  }
  for (const [mapId, records] of acknowledged.records) {
    const answer = await get(`/api/maps/${mapId}/log?after=0`, capabilityOf(mapId));
    const stored = new Map(
      (answer.body['records'] as { seq: number; record: string }[] | undefined)?.map((row) => [
        row.seq,
        row.record,
      ]),
    );
    for (const [seq, record] of records) compare(`log record ${seq}`, stored.get(seq), record);
  }
  if (options.cards) {
    // a member has one card per map: each save replaces the one before, so the newest must be there
    const newest = new Map<string, AcknowledgedCard>();
    for (const card of acknowledged.cards) {
      const key = `${card.who} ${card.mapId}`;
      if ((newest.get(key)?.cardVersion ?? 0) < card.cardVersion) newest.set(key, card);
    }
    for (const card of newest.values()) {
      const answer = await get(`/api/maps/${card.mapId}/cards`, capabilityOf(card.mapId));
      const cards =
        (answer.body['cards'] as { cardVersion: number; body: string }[] | undefined) ?? [];
      const stored = cards.find(
        (row) => row.cardVersion === card.cardVersion && row.body === card.body,
      );
      compare(`card version ${card.cardVersion}`, stored?.body, card.body);
    }
  }
  for (const [who, { keyring }] of acknowledged.keyrings) {
    const token = acknowledged.tokens.get(who);
    if (token === undefined) throw new Error(`${who} never sent an access token`);
    const answer = await get('/api/account', { authorization: `Bearer ${token}` });
    compare(`keyring of ${who}`, String(answer.body['keyring']), keyring);
  }
  return result;
}
