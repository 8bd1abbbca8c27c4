// Account handlers: register, log in, unlock, and keep the keyring in step with the server's copy.
import {
  DEFAULT_KDF,
  createAccount,
  decryptKeyring,
  deriveAccountSecrets,
  fromBase64Url,
  kdfMeetsFloor,
  newerPin,
  newerSettings,
  normaliseUsername,
  signLoginProof,
  toBase64Url,
  unlockAccount,
  type KeyringMapEntry,
  type KeyringPin,
} from '../../../shared/crypto/index.js';
import {
  requireSession,
  sealedKeyring,
  summaries,
  wipeState,
  WorkerFailure,
  type Handlers,
} from './state.js';

function withPin(map: KeyringMapEntry, pin: KeyringPin | undefined): KeyringMapEntry {
  return pin === undefined ? map : { ...map, pin };
}

type AccountOp =
  | 'register'
  | 'loginFreshAccount'
  | 'login'
  | 'unlock'
  | 'mergeKeyring'
  | 'accountSettings'
  | 'setProfessional'
  | 'lock';

export const accountHandlers: Handlers<AccountOp> = {
  register(state, { username, passphrase }) {
    wipeState(state);
    // The honest default cost: the page never chooses a weaker one.
    const created = createAccount(username, passphrase, DEFAULT_KDF);
    state.session = { ...created.session, loginSecretKey: created.session.loginSecretKey };
    return { registration: created.registration, recoveryCode: created.recoveryCode };
  },

  loginFreshAccount(state, { username, prelogin }) {
    const current = requireSession(state);
    if (current.loginSecretKey === null || normaliseUsername(username) !== current.username) {
      throw new WorkerFailure('locked', 'No freshly registered account here.');
    }
    const signature = signLoginProof(
      current.loginSecretKey,
      'login',
      current.username,
      fromBase64Url(prelogin.challenge),
    );
    // One login is all it was kept for.
    current.loginSecretKey.fill(0);
    current.loginSecretKey = null;
    return { signature: toBase64Url(signature) };
  },

  login(state, { username, passphrase, prelogin }) {
    wipeState(state);
    // A hostile server could offer cheap parameters to make the proof easy to brute-force.
    if (!kdfMeetsFloor(prelogin.kdf))
      throw new WorkerFailure('malformed', 'KDF parameters below the floor.');
    const name = normaliseUsername(username);
    const { wrapKey, loginKeyPair } = deriveAccountSecrets(passphrase, {
      ...prelogin.kdf,
      salt: fromBase64Url(prelogin.kdf.salt),
    });
    const signature = signLoginProof(
      loginKeyPair.secretKey,
      'login',
      name,
      fromBase64Url(prelogin.challenge),
    );
    loginKeyPair.secretKey.fill(0);
    state.pendingUnlock = { username: name, wrapKey };
    return { signature: toBase64Url(signature) };
  },

  unlock(state, { account }) {
    const name = normaliseUsername(account.username);
    const pending = state.pendingUnlock;
    if (pending !== null) {
      if (pending.username !== name)
        throw new WorkerFailure('malformed', 'Account does not match the login.');
      const proofKey = pending.recoveryProofKey;
      const trusted = pending.trustedWrapped;
      const method =
        trusted !== undefined ? 'trusted' : proofKey === undefined ? 'passphrase' : 'recovery';
      const unlocked = unlockAccount(
        trusted === undefined ? account : { ...account, trustedWrappedAccountKey: trusted },
        { method, wrapKey: pending.wrapKey },
      );
      pending.wrapKey.fill(0);
      state.pendingUnlock = null;
      state.session = { username: name, ...unlocked, loginSecretKey: null };
      if (proofKey !== undefined) state.session.recoveryProofKey = proofKey;
      if (trusted !== undefined) state.session.proofMethod = 'trusted';
    } else {
      // Just registered: the keys are here already; read the server's copy of the keyring.
      const current = requireSession(state);
      if (current.username !== name)
        throw new WorkerFailure('malformed', 'Account does not match the session.');
      current.keyring = decryptKeyring(current.accountKey, name, fromBase64Url(account.keyring));
    }
    const current = requireSession(state);
    return { username: current.username, maps: summaries(current.keyring) };
  },

  mergeKeyring(state, { account }) {
    const current = requireSession(state);
    const theirs = decryptKeyring(
      current.accountKey,
      current.username,
      fromBase64Url(account.keyring),
    );
    const mine = new Map(current.keyring.maps.map((map) => [map.mapId, map]));
    const known = new Set(theirs.maps.map((map) => map.mapId));
    // a pin only moves forward: each map keeps the newer of the two devices' pins
    // a map forgotten here (left or lost) stays out, though the other device still lists it
    const forgotten = current.forgotten ?? new Set<string>();
    const maps = [
      ...theirs.maps
        .filter((map) => !forgotten.has(map.mapId))
        .map((map) => withSeen(withPin(map, newerPin(map.pin, mine.get(map.mapId)?.pin)), mine)),
      ...current.keyring.maps.filter((map) => !known.has(map.mapId)),
    ];
    // the choice made last, on either device, stays; this device's profile was written last
    const settings = newerSettings(theirs.settings, current.keyring.settings);
    const profile = current.keyring.profile ?? theirs.profile;
    current.keyring = {
      ...theirs,
      maps,
      ...(settings === undefined ? {} : { settings }),
      ...(profile ? { profile } : {}),
    };
    return sealedKeyring(current);
  },

  accountSettings(state) {
    return { professional: requireSession(state).keyring.settings?.professional ?? false };
  },

  setProfessional(state, { professional }) {
    const current = requireSession(state);
    const changedAt = Math.max(Date.now(), (current.keyring.settings?.changedAt ?? 0) + 1);
    current.keyring = { ...current.keyring, settings: { professional, changedAt } };
    return { professional };
  },

  lock(state) {
    wipeState(state);
    return {};
  },
};

/** The later of the two devices' last visits of a map. */
function withSeen(map: KeyringMapEntry, mine: Map<string, KeyringMapEntry>): KeyringMapEntry {
  const ours = mine.get(map.mapId)?.seen;
  if (ours === undefined || (map.seen !== undefined && map.seen.at >= ours.at)) return map;
  return { ...map, seen: ours };
}
