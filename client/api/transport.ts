/**
 * The one HTTP transport of the page. It keeps the access token in memory only (never in storage),
 * refreshes it once through the httpOnly cookie on a 401, and sends map requests with the
 * `Nk-Capability` header and never with the account token. The resource modules beside it
 * (accounts, maps, membership, invites, directory, events) name the paths and the shared types.
 */
import { errorCodes, type ErrorCode } from '../../shared/api/errors.js';

/** Codes the page makes up itself: no server reached, or an answer it cannot read. */
export type ClientErrorCode = 'network_error' | 'bad_response' | 'unknown_error';

const serverCodes: ReadonlySet<string> = new Set(Object.values(errorCodes));

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && serverCodes.has(code);
}

/** What asking for a new access token came to. */
export type RefreshOutcome = 'ok' | 'refused' | 'offline';

/** A failed API call, with the server's stable error code (or a client-side one). */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's snake_case code, or one of the page's own. */
  readonly code: ErrorCode | ClientErrorCode;
  /** Extra fields of the error object, such as `latestVersion` on a version conflict. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The kinds of authority a request carries: nothing, the account token, or a map capability. */
export type Authority =
  | { readonly kind: 'none' }
  | { readonly kind: 'account' }
  | { readonly kind: 'map'; readonly capability: string };

export const NONE: Authority = { kind: 'none' };
export const ACCOUNT: Authority = { kind: 'account' };
export const capabilityOf = (capability: string): Authority => ({ kind: 'map', capability });

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  readonly method?: Method;
  readonly body?: unknown;
  readonly auth?: Authority;
  /** Directory searches leave no trace of the page they came from. */
  readonly noReferrer?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error of a refused request, read from the server's `{ error: { code, message } }`. */
async function refusal(response: Response): Promise<ApiError> {
  const data: unknown = await response.json().catch(() => null);
  const error = isRecord(data) && isRecord(data['error']) ? data['error'] : {};
  const code = isErrorCode(error['code']) ? error['code'] : 'unknown_error';
  const message = typeof error['message'] === 'string' ? error['message'] : response.statusText;
  const details = { ...(isRecord(data) ? data : {}), ...error };
  return new ApiError(response.status, code, message, details);
}

/**
 * Talks to `/api` on the page's own origin.
 * Fires `session-lost` when an account request is refused even after a refresh.
 */
export class ApiClient extends EventTarget {
  #accessToken: string | null = null;
  #refreshing: Promise<RefreshOutcome> | null = null;
  readonly base: string;
  /** False for someone else's device: no refresh cookie is asked for, sent or refreshed with. */
  readonly remember: boolean;

  constructor(base = '/api', options: { remember?: boolean } = {}) {
    super();
    this.base = base;
    this.remember = options.remember ?? true;
  }

  /** Whether an access token is held (the page thinks it is signed in). */
  get hasSession(): boolean {
    return this.#accessToken !== null;
  }

  /** Keeps the access token of a fresh login. */
  signedIn(accessToken: string): void {
    this.#accessToken = accessToken;
  }

  /** Forgets the access token (the refresh cookie is ended by `logout`). */
  clearSession(): void {
    this.#accessToken = null;
  }

  /**
   * A new access token from the refresh cookie, when the page opens on her own device (decision 0024):
   * 'refused' when the server ended the session (expired, revoked, account deleted), 'offline' when
   * it could not be asked.
   */
  resume(): Promise<RefreshOutcome> {
    return this.#refresh();
  }

  /** One JSON request; resolves with the response body, `undefined` for a 204. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? NONE;
    let response = await this.#send(path, options, auth);
    if (response.status === 401 && auth.kind === 'account') {
      if ((await this.#refresh()) === 'ok') response = await this.#send(path, options, auth);
      if (response.status === 401) {
        this.#accessToken = null;
        this.dispatchEvent(new Event('session-lost'));
      }
    }
    return this.#read<T>(response);
  }

  /**
   * A map version request (bytes, not JSON): `body` goes as application/octet-stream, the answer is
   * returned for the caller to read its headers and bytes; a refusal is still JSON and becomes an ApiError.
   */
  async bytes(
    path: string,
    capability: string,
    options: { method?: Method; body?: Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers({ Accept: 'application/octet-stream, application/json' });
    headers.set('Nk-Capability', capability);
    if (options.body !== undefined) headers.set('Content-Type', 'application/octet-stream');
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method: options.method ?? 'GET',
        headers,
        // a fresh copy, so a view into a larger buffer sends only its own bytes
        body: options.body === undefined ? null : options.body.slice(),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network_error', 'The server could not be reached.');
    }
    if (!response.ok) throw await refusal(response);
    return response;
  }

  /** A raw request (for the event stream); only network failures become an ApiError. */
  async stream(path: string, capability: string, signal: AbortSignal): Promise<Response> {
    return fetch(this.base + path, {
      headers: { Accept: 'text/event-stream', 'Nk-Capability': capability },
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  }

  async #send(path: string, options: RequestOptions, auth: Authority): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json' });
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (auth.kind === 'account' && this.#accessToken !== null) {
      headers.set('Authorization', `Bearer ${this.#accessToken}`);
    } else if (auth.kind === 'map') {
      headers.set('Nk-Capability', auth.capability);
    }
    try {
      return await fetch(this.base + path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: this.remember ? 'same-origin' : 'omit',
        cache: 'no-store',
        ...(options.noReferrer === true ? { referrerPolicy: 'no-referrer' } : {}),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'The server could not be reached.');
    }
  }

  async #read<T>(response: Response): Promise<T> {
    if (!response.ok) throw await refusal(response);
    // Callers of 204 routes ask for `undefined`.
    if (response.status === 204) return undefined as T;
    const data: unknown = await response.json().catch(() => null);
    if (data === null) throw new ApiError(response.status, 'bad_response', 'Empty response.');
    // The server validates every response against the shared TypeBox schema; checking again here
    // would pull TypeBox into the first page. The worker validates everything it decrypts.
    return data as T;
  }

  /** One refresh at a time; resolves 'ok' when a new access token was obtained. */
  #refresh(): Promise<RefreshOutcome> {
    // Without a cookie of its own, a refresh would spend the cookie of whoever else uses this device.
    if (!this.remember) return Promise.resolve('refused');
    // Across tabs too: two tabs spending the same refresh cookie at once look like token theft to the server.
    const acrossTabs = (task: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> =>
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request('nk-refresh', task)
        : task();
    this.#refreshing ??= acrossTabs(async () => {
      try {
        const response = await fetch(`${this.base}/accounts/refresh`, {
          method: 'POST',
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
          cache: 'no-store',
        });
        if (!response.ok) {
          this.#accessToken = null;
          // a 5xx or a rate limit is no answer about the session
          return response.status === 401 || response.status === 400 ? 'refused' : 'offline';
        }
        const data: unknown = await response.json();
        if (isRecord(data) && typeof data['accessToken'] === 'string') {
          this.#accessToken = data['accessToken'];
          return 'ok';
        }
        return 'offline';
      } catch {
        return 'offline';
      } finally {
        this.#refreshing = null;
      }
    });
    return this.#refreshing;
  }
}

/**
 * The transport for requests that name no account: capability routes, invites, directory searches.
 * No token, no cookie (credentials 'omit'), so the server cannot link them to an account.
 */
export const withoutAccount = new ApiClient('/api', { remember: false });
