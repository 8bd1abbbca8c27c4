/** Account routes: register, log in and out, the account and its keyring (account token). */
import type {
  Account,
  KeyringUpdateResponse,
  LoginRequest,
  LoginResponse,
  PreloginResponse,
  RegisterRequest,
  RegisterResponse,
} from '../../shared/api/accounts.js';
import { ACCOUNT, type ApiClient } from './transport.js';

export function createAccount(api: ApiClient, body: RegisterRequest): Promise<RegisterResponse> {
  return api.request('/accounts', { method: 'POST', body });
}

export function prelogin(api: ApiClient, username: string): Promise<PreloginResponse> {
  return api.request('/accounts/prelogin', { method: 'POST', body: { username } });
}

export async function login(api: ApiClient, body: LoginRequest): Promise<LoginResponse> {
  const response = await api.request<LoginResponse>('/accounts/login', {
    method: 'POST',
    body: api.remember ? body : { ...body, remember: false },
  });
  api.signedIn(response.accessToken);
  return response;
}

export async function logout(api: ApiClient): Promise<void> {
  try {
    await api.request<undefined>('/accounts/logout', { method: 'POST', auth: ACCOUNT });
  } finally {
    api.clearSession();
  }
}

export function getAccount(api: ApiClient): Promise<Account> {
  return api.request('/account', { auth: ACCOUNT });
}

export function putKeyring(
  api: ApiClient,
  baseRevision: number,
  keyring: string,
): Promise<KeyringUpdateResponse> {
  return api.request('/account/keyring', {
    method: 'PUT',
    body: { baseRevision, keyring },
    auth: ACCOUNT,
  });
}
