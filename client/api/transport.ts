/**
 * The HTTP client of the page. It keeps the access token in memory only (never in storage),
 * refreshes it once through the httpOnly cookie on a 401, and sends map requests with the
 * `Nk-Capability` header and never with the account token.
 */
import type {
  AccountResponse,
  CreateAccountRequest,
  CreateAccountResponse,
  CreateMapRequest,
  CreateMapResponse,
  KeyringUpdateResponse,
  LoginRequest,
  LoginResponse,
  MapResponse,
  PreloginResponse,
  SaveMapResponse,
} from './types.js';

/** A failed API call, with the server's stable error code (or a client-side one). */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's snake_case code, or `network_error` / `bad_response`. */
  readonly code: string;
  /** Extra fields of the error object, such as `latestVersion` on a version conflict. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
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

type Auth =
  | { readonly kind: 'none' }
  | { readonly kind: 'account' }
  | { readonly kind: 'map'; readonly capability: string };

interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly auth?: Auth;
}

const NONE: Auth = { kind: 'none' };
const ACCOUNT: Auth = { kind: 'account' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Talks to `/api` on the page's own origin.
 * Fires `session-lost` when an account request is refused even after a refresh.
 */
export class ApiClient extends EventTarget {
  #accessToken: string | null = null;
  #refreshing: Promise<boolean> | null = null;
  readonly #base: string;
  /** False for someone else's device: no refresh cookie is asked for, sent or refreshed with. */
  readonly #remember: boolean;

  constructor(base = '/api', options: { remember?: boolean } = {}) {
    super();
    this.#base = base;
    this.#remember = options.remember ?? true;
  }

  /** Whether an access token is held (the page thinks it is signed in). */
  get hasSession(): boolean {
    return this.#accessToken !== null;
  }

  /** Forgets the access token (the refresh cookie is ended by `logout`). */
  clearSession(): void {
    this.#accessToken = null;
  }

  // Accounts

  createAccount(body: CreateAccountRequest): Promise<CreateAccountResponse> {
    return this.#json('/accounts', { method: 'POST', body });
  }

  prelogin(username: string): Promise<PreloginResponse> {
    return this.#json('/accounts/prelogin', { method: 'POST', body: { username } });
  }

  async login(body: LoginRequest): Promise<LoginResponse> {
    const response = await this.#json<LoginResponse>('/accounts/login', {
      method: 'POST',
      body: this.#remember ? body : { ...body, remember: false },
    });
    this.#accessToken = response.accessToken;
    return response;
  }

  async logout(): Promise<void> {
    try {
      await this.#json<undefined>('/accounts/logout', { method: 'POST', auth: ACCOUNT });
    } finally {
      this.#accessToken = null;
    }
  }

  getAccount(): Promise<AccountResponse> {
    return this.#json('/account', { auth: ACCOUNT });
  }

  putKeyring(baseRevision: number, keyring: string): Promise<KeyringUpdateResponse> {
    return this.#json('/account/keyring', {
      method: 'PUT',
      body: { baseRevision, keyring },
      auth: ACCOUNT,
    });
  }

  // Maps: only the capability identifies the caller.

  createMap(body: CreateMapRequest): Promise<CreateMapResponse> {
    return this.#json('/maps', { method: 'POST', body });
  }

  getMap(mapId: string, capability: string): Promise<MapResponse> {
    return this.#json(`/maps/${encodeURIComponent(mapId)}`, {
      auth: { kind: 'map', capability },
    });
  }

  saveMap(
    mapId: string,
    capability: string,
    baseVersion: number,
    body: string,
  ): Promise<SaveMapResponse> {
    return this.#json(`/maps/${encodeURIComponent(mapId)}`, {
      method: 'PUT',
      body: { baseVersion, body },
      auth: { kind: 'map', capability },
    });
  }

  // Directory: a professional's own profile (account token); searches go without any token.

  /** A call to `/directory/me` with the account token (see client/api/directory.ts). */
  directoryAccount<T>(method: 'GET' | 'PUT' | 'DELETE', body?: unknown): Promise<T> {
    return this.#json('/directory/me', { method, body, auth: ACCOUNT });
  }

  // Plumbing

  async #json<T>(path: string, options: RequestOptions): Promise<T> {
    const auth = options.auth ?? NONE;
    let response = await this.#send(path, options, auth);
    if (response.status === 401 && auth.kind === 'account') {
      if (await this.#refresh()) response = await this.#send(path, options, auth);
      if (response.status === 401) {
        this.#accessToken = null;
        this.dispatchEvent(new Event('session-lost'));
      }
    }
    return this.#read<T>(response);
  }

  async #send(path: string, options: RequestOptions, auth: Auth): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json' });
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (auth.kind === 'account' && this.#accessToken !== null) {
      headers.set('Authorization', `Bearer ${this.#accessToken}`);
    } else if (auth.kind === 'map') {
      headers.set('Nk-Capability', auth.capability);
    }
    try {
      return await fetch(this.#base + path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: this.#remember ? 'same-origin' : 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network_error', 'The server could not be reached.');
    }
  }

  async #read<T>(response: Response): Promise<T> {
    // Callers of 204 routes ask for `undefined`.
    if (response.status === 204) return undefined as T;
    const data: unknown = await response.json().catch(() => null);
    if (response.ok) {
      if (data === null) throw new ApiError(response.status, 'bad_response', 'Empty response.');
      // The server validates every response against the shared TypeBox schema; checking again here
      // would pull TypeBox into the first page. The worker validates everything it decrypts.
      return data as T;
    }
    const error = isRecord(data) && isRecord(data['error']) ? data['error'] : {};
    const code = typeof error['code'] === 'string' ? error['code'] : `http_${response.status}`;
    const message = typeof error['message'] === 'string' ? error['message'] : response.statusText;
    const details = { ...(isRecord(data) ? data : {}), ...error };
    throw new ApiError(response.status, code, message, details);
  }

  /** One refresh at a time; resolves true when a new access token was obtained. */
  #refresh(): Promise<boolean> {
    // Without a cookie of its own, a refresh would spend the cookie of whoever else uses this device.
    if (!this.#remember) return Promise.resolve(false);
    // Across tabs too: two tabs spending the same refresh cookie at once look like token theft to the server.
    const acrossTabs = (task: () => Promise<boolean>): Promise<boolean> =>
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request('nk-refresh', task)
        : task();
    this.#refreshing ??= acrossTabs(async () => {
      try {
        const response = await fetch(`${this.#base}/accounts/refresh`, {
          method: 'POST',
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
          cache: 'no-store',
        });
        if (!response.ok) {
          this.#accessToken = null;
          return false;
        }
        const data: unknown = await response.json();
        if (isRecord(data) && typeof data['accessToken'] === 'string') {
          this.#accessToken = data['accessToken'];
          return true;
        }
        return false;
      } catch {
        return false;
      } finally {
        this.#refreshing = null;
      }
    });
    return this.#refreshing;
  }
}
