// Drives the crypto worker's handlers in Node: messages through handle(), a WorkerState per person,
// structured clones at the boundary as in the browser, and a small stand-in for the server's storage.
import { expect } from 'vitest';
import { handle } from '../../../../client/crypto/worker/handlers.js';
import { createWorkerState, type WorkerState } from '../../../../client/crypto/worker/state.js';
import type {
  CryptoErrorCode,
  CryptoOp,
  CryptoOps,
  CryptoRequestMessage,
} from '../../../../client/crypto/protocol.js';
import type { AccountResponse, MapResponse } from '../../../../client/api/types.js';
import { fromBase64Url, newId, openKeyRing, toBase64Url } from '../../../../shared/crypto/index.js';
import { randomBytes } from '../../../../shared/crypto/sodium.js';
import type { MapDocument } from '../../../../shared/map/types.js';

/** A failed call, with the code the page would see. */
export class Failed extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

let nextId = 1;

/** One operation through the message path; args and result are cloned as postMessage would. */
export function call<K extends CryptoOp>(
  state: WorkerState,
  op: K,
  args: CryptoOps[K]['args'],
): CryptoOps[K]['result'] {
  const message = structuredClone({ id: nextId++, op, args }) as CryptoRequestMessage;
  const response = structuredClone(handle(state, message));
  expect(response.id).toBe(message.id);
  if (!response.ok) throw new Failed(response.error.code, response.error.message);
  return response.result as CryptoOps[K]['result'];
}

/** Asserts that `run` fails with this code. */
export function expectFailure(run: () => unknown, code: CryptoErrorCode): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected failure '${code}'`).toBeInstanceOf(Failed);
  expect((caught as Failed).code).toBe(code);
}

/** Someone with an unlocked worker, registered just now, and the account the server keeps. */
export interface Person {
  readonly name: string;
  readonly state: WorkerState;
  account: AccountResponse;
  readonly loginPublicKey: string;
}

export const PASSPHRASE = 'paarse fiets onder de brug';

export function register(name: string): Person {
  const state = createWorkerState();
  const { registration } = call(state, 'register', { username: name, passphrase: PASSPHRASE });
  const account: AccountResponse = {
    accountId: newId(),
    username: registration.username,
    kdf: registration.kdf,
    wrappedAccountKey: registration.wrappedAccountKey,
    recoveryWrappedAccountKey: registration.recoveryWrappedAccountKey,
    keyring: registration.keyring,
    keyringRevision: 1,
    signPublicKey: registration.signPublicKey,
    boxPublicKey: registration.boxPublicKey,
  };
  call(state, 'unlock', { account });
  return { name, state, account, loginPublicKey: registration.loginPublicKey };
}

/**
 * The same account on a fresh device: a new worker that logs in with the passphrase and opens the
 * keyring the server holds (`person.account`): nothing else of the first device comes along.
 */
export function loginOnNewDevice(person: Person): Person {
  const state = createWorkerState();
  const prelogin = {
    kdf: person.account.kdf,
    challengeId: newId(),
    challenge: toBase64Url(randomBytes(32)),
  };
  call(state, 'login', { username: person.name, passphrase: PASSPHRASE, prelogin });
  call(state, 'unlock', { account: person.account });
  return { ...person, state };
}

/** Stores a keyring the worker sealed, as PUT /api/accounts/me/keyring would. */
export function storeKeyring(person: Person, sealed: { keyring: string }): void {
  person.account = {
    ...person.account,
    keyring: sealed.keyring,
    keyringRevision: person.account.keyringRevision + 1,
  };
}

interface Slot {
  keyBundle: string;
  rights: 'read' | 'write' | 'admin';
}

/** What the server holds of one map: the newest version, the log and a key ring per slot. */
export class MapStore {
  version = 1;
  body: string;
  readonly log: string[];
  readonly slots = new Map<string, Slot>();

  constructor(
    readonly mapId: string,
    request: CryptoOps['createMap']['result']['request'],
  ) {
    // the worker always names the creator's slot and writes the INIT record
    this.body = request.body;
    this.log = [request.logRecord!];
    this.slots.set(request.slotId!, { keyBundle: request.keyBundle, rights: 'admin' });
  }

  /** GET /api/maps/:mapId as the slot's capability sees it. */
  read(slotId: string): MapResponse {
    const slot = this.slots.get(slotId);
    if (slot === undefined) throw new Error('no such slot');
    return {
      mapId: this.mapId,
      slotId,
      version: this.version,
      // bytes, as the client reads them off the wire (decision 0027)
      body: fromBase64Url(this.body),
      keyBundle: fromBase64Url(slot.keyBundle),
      rights: slot.rights,
      createdAt: 1_700_000_000_000,
    };
  }

  /** Opens the map in a person's worker with the whole log. */
  open(person: Person, slotId: string): CryptoOps['openMap']['result'] {
    return call(person.state, 'openMap', { map: this.read(slotId), log: [...this.log] });
  }

  save(body: string | Uint8Array): void {
    this.version += 1;
    this.body = typeof body === 'string' ? body : toBase64Url(body);
  }

  approve(body: CryptoOps['approveJoin']['result']): void {
    this.log.push(...body.logRecords);
    this.slots.set(body.slotId, { keyBundle: body.keyBundle, rights: body.rights });
  }

  remove(body: CryptoOps['rotate']['result']): void {
    expect(body.baseVersion).toBe(this.version);
    for (const slotId of body.removeSlotIds) this.slots.delete(slotId);
    this.log.push(...body.logRecords);
    for (const [slotId, keyBundle] of Object.entries(body.keyBundles)) {
      this.slots.get(slotId)!.keyBundle = keyBundle;
    }
    this.save(body.body);
  }
}

/** A parent with an unlocked worker and a new, committed and opened map. */
export function parentWithMap(title = 'Netwerk van Sanne'): {
  parent: Person;
  store: MapStore;
  ownerSlot: string;
} {
  const parent = register('sanne');
  const made = call(parent.state, 'createMap', { title, ownerName: 'Sanne' });
  const store = new MapStore(made.map.mapId, made.request);
  storeKeyring(parent, call(parent.state, 'commitMap', { mapId: made.map.mapId }));
  return { parent, store, ownerSlot: made.request.slotId! };
}

/** A document with one entry in base and its name in detail. */
export function documentWithEntry(doc: MapDocument, name: string): MapDocument {
  const id = toBase64Url(randomBytes(16));
  return {
    ...doc,
    base: {
      ...doc.base,
      entries: [
        ...doc.base.entries,
        {
          id,
          label: 'V.',
          category: 'pro-medical',
          ring: 2,
          support: ['advice'],
          supportNote: '',
          phases: ['kraamtijd'],
          active: true,
          trusted: true,
        },
      ],
    },
    detail: { v: 1, entries: { ...(doc.detail?.entries ?? {}), [id]: { name } } },
  };
}

export const PROFILE = {
  name: 'Joke de Vries',
  profession: 'Verloskundige',
  organisation: 'Praktijk De Wieg',
  contact: 'via de praktijk',
  availability: 'maandag en donderdag',
};

/** A joiner's whole way in by invite, through both workers, with the server's part done by `store`. */
export function join(
  parent: Person,
  store: MapStore,
  ownerSlot: string,
  name: string,
  options: {
    role?: 'owner' | 'borger' | 'professional' | 'informal';
    detail?: boolean;
    kind?: 'link' | 'code';
  } = {},
): {
  joiner: Person;
  slotId: string;
  safetyCode: string;
  approval: CryptoOps['approveJoin']['result'];
} {
  const { role = 'professional', detail = false, kind = 'link' } = options;
  const joiner = register(name);
  const mapId = store.mapId;
  const made = call(parent.state, 'newInvite', { mapId, kind, expiresAt: Date.now() + 86_400_000 });
  const { secret } = made;
  const { sealedInfo } = made.request;
  expect(call(joiner.state, 'inviteIdOf', { secret }).inviteId).toBe(made.inviteId);
  expect(call(joiner.state, 'joinOpen', { secret, sealedInfo }).mapId).toBe(mapId);
  const sealed = call(joiner.state, 'joinSeal', {
    secret,
    sealedInfo,
    profile: { ...PROFILE, name },
  });
  const seen = call(parent.state, 'openJoinRequest', {
    mapId,
    secret,
    sealedRequest: sealed.sealedRequest,
  });
  // both screens show the same safety code
  expect(seen.safetyCode).toBe(sealed.safetyCode);
  const approval = call(parent.state, 'approveJoin', {
    mapId,
    inviteId: made.inviteId,
    joiner: {
      signPublicKey: seen.signPublicKey,
      boxPublicKey: seen.boxPublicKey,
      profile: seen.profile,
    },
    role,
    detail,
  });
  store.approve(approval);
  storeKeyring(
    joiner,
    call(joiner.state, 'joinAccept', { secret, sealedInfo, sealedAnswer: approval.sealedAnswer }),
  );
  // the parent reads the log with the new member, as the page does after approving
  store.open(parent, ownerSlot);
  return { joiner, slotId: approval.slotId, safetyCode: seen.safetyCode, approval };
}

/** The epochs and sections of a slot's key ring, opened with the person's own box key. */
export function ringOf(person: Person, store: MapStore, slotId: string): Record<number, string[]> {
  const identity = person.state.session!.identity;
  const ring = openKeyRing(
    store.read(slotId).keyBundle,
    { publicKey: identity.boxPublicKey, secretKey: identity.boxSecretKey },
    { mapId: store.mapId, slotId },
  );
  return Object.fromEntries(
    Object.entries(ring.epochs).map(([epoch, keys]) => [Number(epoch), Object.keys(keys).sort()]),
  );
}
