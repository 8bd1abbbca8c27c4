// Accounts for the demo, through the real protocol (shared/crypto) and the real API: sign up,
// log in, and keep the keyring (identity keys and map capabilities) up to date on the server.
import type {
  KeyringUpdateResponse,
  LoginResponse,
  PreloginResponse,
  RegisterResponse,
} from '../../shared/api/accounts.js';
import {
  createAccount,
  deriveAccountSecrets,
  encryptKeyring,
  fromBase64Url,
  kdfMeetsFloor,
  normaliseUsername,
  signLoginProof,
  toBase64Url,
  unlockAccount,
  type IdentityKeys,
  type KdfCost,
  type KeyPair,
  type Keyring,
  type KeyringMapEntry,
} from '../../shared/crypto/index.js';
import { ApiFailure, type DemoApi } from './api.js';

/** An unlocked account with a fresh access token, as the app holds it after login. */
export interface DemoAccount {
  username: string;
  accessToken: string;
  accountKey: Uint8Array;
  identity: IdentityKeys;
  keyring: Keyring;
  keyringRevision: number;
}

export function signerOf(account: DemoAccount): KeyPair {
  return { publicKey: account.identity.signPublicKey, secretKey: account.identity.signSecretKey };
}

export function boxOf(account: DemoAccount): KeyPair {
  return { publicKey: account.identity.boxPublicKey, secretKey: account.identity.boxSecretKey };
}

/**
 * Signs up `username` and logs in with the keys just made (no second Argon2id run, as the app does
 * after registering). Answers 'taken' when the server says 409 username_taken.
 */
export async function signUp(
  api: DemoApi,
  username: string,
  passphrase: string,
  kdf: KdfCost,
): Promise<DemoAccount | 'taken'> {
  const created = createAccount(username, passphrase, kdf);
  const answer = await api.call<RegisterResponse>('POST', '/accounts', {
    body: created.registration,
    accept: [409],
  });
  if (answer.status === 409) return 'taken';
  const name = created.registration.username;
  const login = await proveLogin(api, name, () => created.session.loginSecretKey);
  created.session.loginSecretKey.fill(0);
  return {
    username: name,
    accessToken: login.accessToken,
    accountKey: created.session.accountKey,
    identity: created.session.identity,
    keyring: created.session.keyring,
    keyringRevision: login.account.keyringRevision,
  };
}

/**
 * Logs in with a passphrase the way the app does: prelogin, Argon2id with the account's salt,
 * a signed challenge, then unlock the keyring. Refuses KDF settings below `floor` (the app refuses
 * anything below DEFAULT_KDF). Throws ApiFailure 401 login_failed for a wrong passphrase.
 */
export async function logIn(
  api: DemoApi,
  username: string,
  passphrase: string,
  floor: KdfCost,
): Promise<DemoAccount> {
  const name = normaliseUsername(username);
  let wrapKey: Uint8Array | undefined;
  const login = await proveLogin(api, name, (pre) => {
    if (!kdfMeetsFloor(pre.kdf, floor)) {
      throw new Error(`The server offers KDF settings below the floor for ${name}.`);
    }
    const secrets = deriveAccountSecrets(passphrase, {
      ...pre.kdf,
      salt: fromBase64Url(pre.kdf.salt),
    });
    wrapKey = secrets.wrapKey;
    return secrets.loginKeyPair.secretKey;
  });
  if (wrapKey === undefined) throw new Error('no wrap key');
  const unlocked = unlockAccount(login.account, { method: 'passphrase', wrapKey });
  wrapKey.fill(0);
  return {
    username: name,
    accessToken: login.accessToken,
    accountKey: unlocked.accountKey,
    identity: unlocked.identity,
    keyring: unlocked.keyring,
    keyringRevision: login.account.keyringRevision,
  };
}

async function proveLogin(
  api: DemoApi,
  name: string,
  loginKey: (pre: PreloginResponse) => Uint8Array,
): Promise<LoginResponse> {
  const pre = await api.json<PreloginResponse>('POST', '/accounts/prelogin', {
    body: { username: name },
  });
  const secretKey = loginKey(pre);
  const signature = signLoginProof(secretKey, 'login', name, fromBase64Url(pre.challenge));
  secretKey.fill(0);
  return api.json<LoginResponse>('POST', '/accounts/login', {
    body: {
      username: name,
      challengeId: pre.challengeId,
      method: 'passphrase',
      signature: toBase64Url(signature),
    },
  });
}

/** Adds a map to the account's keyring and stores the re-encrypted keyring (PUT /api/account/keyring). */
export async function addToKeyring(
  api: DemoApi,
  account: DemoAccount,
  entry: KeyringMapEntry,
): Promise<void> {
  if (account.keyring.maps.some((map) => map.mapId === entry.mapId)) return;
  await putKeyring(api, account, { ...account.keyring, maps: [...account.keyring.maps, entry] });
}

/** "Ik werk als hulpverlener", as the app keeps it: in the account's encrypted keyring. */
export async function markProfessional(api: DemoApi, account: DemoAccount): Promise<void> {
  const settings = { professional: true, changedAt: Date.now() };
  await putKeyring(api, account, { ...account.keyring, settings });
}

async function putKeyring(api: DemoApi, account: DemoAccount, keyring: Keyring): Promise<void> {
  const sealed = encryptKeyring(account.accountKey, account.username, keyring);
  try {
    const answer = await api.json<KeyringUpdateResponse>('PUT', '/account/keyring', {
      auth: { bearer: account.accessToken },
      body: { baseRevision: account.keyringRevision, keyring: toBase64Url(sealed) },
    });
    account.keyring = keyring;
    account.keyringRevision = answer.keyringRevision;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'keyring_conflict') {
      throw new Error(
        `The keyring of ${account.username} was changed elsewhere while seeding; run the seed on an empty server.`,
        { cause: error },
      );
    }
    throw error;
  }
}
