// A small HTTP client for the demo seed: the real /api over fetch, as a browser would call it.
import { decodeMapRead, type ReadMapResponse } from '../../shared/api/map-wire.js';

/** A refused or failed API call, with the server's stable error code. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
  }
}

export type Auth = { bearer: string } | { capability: string } | undefined;

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** Longest wait for a rate limit before giving up, in ms. */
const MAX_RATE_LIMIT_WAIT = 65_000;

/** Talks to `<url>/api`; map requests carry `Nk-Capability`, account requests a bearer token. */
export class DemoApi {
  readonly url: string;
  /** Called with a human sentence when the client waits (for a rate limit). */
  readonly onWait: (message: string) => void;

  constructor(url: string, onWait: (message: string) => void = () => {}) {
    this.url = url.replace(/\/+$/, '');
    this.onWait = onWait;
  }

  /**
   * One request; answers the status and JSON body for 2xx and for the statuses in `accept`,
   * throws ApiFailure for anything else. Waits and retries once per 429 (the server's rate limit).
   */
  async call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { body?: unknown; auth?: Auth; accept?: number[] } = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.auth && 'bearer' in options.auth) {
      headers.authorization = `Bearer ${options.auth.bearer}`;
    }
    if (options.auth && 'capability' in options.auth) {
      headers['nk-capability'] = options.auth.capability;
    }
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    let waited = 0;
    for (;;) {
      let response: Response;
      try {
        response = await fetch(`${this.url}/api${path}`, init);
      } catch (error) {
        throw new ApiFailure(
          0,
          'network_error',
          `Cannot reach the server at ${this.url} (${(error as Error).message}). Is it running?`,
        );
      }
      const text = await response.text();
      const body: unknown = text === '' ? undefined : parseJson(text);
      if (response.status === 429 && waited < MAX_RATE_LIMIT_WAIT) {
        const seconds = Number(response.headers.get('retry-after') ?? '10');
        const ms = Math.min(Math.max(Number.isFinite(seconds) ? seconds : 10, 1), 60) * 1000;
        this.onWait(`The server's rate limit was reached; waiting ${Math.round(ms / 1000)} s.`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        waited += ms;
        continue;
      }
      if (response.ok || options.accept?.includes(response.status)) {
        return { status: response.status, body: body as T };
      }
      const error = errorOf(body);
      throw new ApiFailure(
        response.status,
        error.code,
        `${method} /api${path} answered ${response.status} ${error.code}: ${error.message}`,
      );
    }
  }

  /** The latest version of a map: bytes with version, slot and rights in headers (decision 0027). */
  async readMap(mapId: string, capability: string): Promise<ReadMapResponse> {
    const path = `/maps/${mapId}`;
    let response: Response;
    try {
      response = await fetch(`${this.url}/api${path}`, {
        headers: { 'nk-capability': capability },
      });
    } catch (error) {
      throw new ApiFailure(
        0,
        'network_error',
        `Cannot reach ${this.url}: ${(error as Error).message}`,
      );
    }
    if (!response.ok) {
      const error = errorOf(parseJson(await response.text()));
      throw new ApiFailure(
        response.status,
        error.code,
        `GET /api${path} answered ${response.status} ${error.code}: ${error.message}`,
      );
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return decodeMapRead(mapId, (name) => response.headers.get(name), bytes);
  }

  /** A request that must succeed; answers the JSON body. */
  async json<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { body?: unknown; auth?: Auth } = {},
  ): Promise<T> {
    return (await this.call<T>(method, path, options)).body;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorOf(body: unknown): { code: string; message: string } {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: { code?: unknown; message?: unknown } }).error;
    return {
      code: typeof error.code === 'string' ? error.code : 'unknown',
      message: typeof error.message === 'string' ? error.message : '',
    };
  }
  return { code: 'bad_response', message: typeof body === 'string' ? body.slice(0, 200) : '' };
}
