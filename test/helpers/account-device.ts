// A device of an account as the browser runs it: the crypto worker's own handlers on one WorkerState,
// talking to the real server through app.inject, doing what the page does between calls.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { handle } from '../../client/crypto/worker/handlers.js';
import { createWorkerState, type WorkerState } from '../../client/crypto/worker/state.js';
import type {
  CryptoErrorCode,
  CryptoOp,
  CryptoOps,
  CryptoRequestMessage,
} from '../../client/crypto/protocol.js';
import type { Account, LoginResponse, PreloginResponse } from '../../shared/api/accounts.js';
import type {
  CollectAnswerResponse,
  InviteChallengeResponse,
  InviteInfoResponse,
  InvitesResponse,
  JoinRequestResponse,
} from '../../shared/api/invites.js';
import type { ReadMapResponse } from '../../shared/api/maps.js';
import { mapBytesOf } from './maps.js';
import type { LogResponse, SlotsResponse } from '../../shared/api/membership.js';
import { upgradeRings } from '../../client/membership/ring-upgrade.js';
import type { App } from '../../server/app.js';

export const DEVICE_PASSPHRASE = 'groene bank naast de speeltuin';

/** A worker call that failed, with the code the page would see. */
export class Failed extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What the server answers for a map at one moment: the newest version and the whole log. */
export interface Served {
  map: ReadMapResponse;
  log: string[];
}

let nextId = 1;

/** A refused request, with the status and stable code the server answered. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

/** The body of a 200 answer; anything else is Refused (what the page's ApiError carries). */
function answer<T>(response: LightMyRequestResponse): T {
  if (response.statusCode !== 200) {
    const body = response.json<{ error?: { code?: string } }>();
    throw new Refused(response.statusCode, body.error?.code ?? '');
  }
  return response.json<T>();
}

function json<T>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

export class Device {
  readonly state: WorkerState = createWorkerState();
  #token = '';
  #revision = 0;
  /** The keyring ciphertext the server answered at sign-in (its revision changes on every read). */
  storedKeyring = '';

  private constructor(
    readonly app: App,
    readonly username: string,
  ) {}

  /** A new account, registered in this device's worker (default Argon2id cost), signed in. */
  static async register(app: App, username: string): Promise<Device> {
    const device = new Device(app, username);
    const { registration } = device.call('register', {
      username,
      passphrase: DEVICE_PASSPHRASE,
    });
    json(await app.inject({ method: 'POST', url: '/api/accounts', payload: registration }), 201);
    const prelogin = await device.#prelogin();
    const { signature } = device.call('loginFreshAccount', { username, prelogin });
    await device.#login(prelogin, signature);
    return device;
  }

  /** The same account on another device: only the passphrase and what the server keeps. */
  static async login(app: App, username: string): Promise<Device> {
    const device = new Device(app, username);
    const prelogin = await device.#prelogin();
    const { signature } = device.call('login', {
      username,
      passphrase: DEVICE_PASSPHRASE,
      prelogin,
    });
    await device.#login(prelogin, signature);
    return device;
  }

  /** One worker operation through the message path (arguments and result cloned). */
  call<K extends CryptoOp>(op: K, args: CryptoOps[K]['args']): CryptoOps[K]['result'] {
    const message = structuredClone({ id: nextId++, op, args }) as CryptoRequestMessage;
    const response = structuredClone(handle(this.state, message));
    if (!response.ok) throw new Failed(response.error.code, response.error.message);
    return response.result as CryptoOps[K]['result'];
  }

  /** The keyring's pin of a map, as this device's worker holds it. */
  pin(mapId: string) {
    return this.state.session?.keyring.maps.find((map) => map.mapId === mapId)?.pin;
  }

  get keyringRevision(): number {
    return this.#revision;
  }

  capability(mapId: string): string {
    const entry = this.state.session?.keyring.maps.find((map) => map.mapId === mapId);
    if (entry === undefined) throw new Error(`${this.username} has no map ${mapId}`);
    return entry.capability;
  }

  /** Stores the worker's keyring (as AppStore.commitKeyring does: merge and retry on a conflict). */
  async saveKeyring(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { keyring } = this.call('sealKeyring', {});
      const response = await this.app.inject({
        method: 'PUT',
        url: '/api/account/keyring',
        headers: this.#bearer(),
        payload: { baseRevision: this.#revision, keyring },
      });
      if (response.statusCode === 409) {
        const account = json<Account>(
          await this.app.inject({ method: 'GET', url: '/api/account', headers: this.#bearer() }),
        );
        this.call('mergeKeyring', { account });
        this.#revision = account.keyringRevision;
        continue;
      }
      this.#revision = json<{ keyringRevision: number }>(response).keyringRevision;
      return;
    }
    throw new Error('keyring kept conflicting');
  }

  async createMap(title: string): Promise<string> {
    const created = this.call('createMap', { title, ownerName: this.username });
    json(
      await this.app.inject({ method: 'POST', url: '/api/maps', payload: created.request }),
      201,
    );
    this.call('commitMap', { mapId: created.map.mapId });
    await this.saveKeyring();
    return created.map.mapId;
  }

  /** What the server serves this device for the map now. */
  async served(mapId: string): Promise<Served> {
    const headers = { 'nk-capability': this.capability(mapId) };
    const map = mapBytesOf(
      await this.app.inject({ method: 'GET', url: `/api/maps/${mapId}`, headers }),
    );
    const log = json<LogResponse>(
      await this.app.inject({ method: 'GET', url: `/api/maps/${mapId}/log`, headers }),
    );
    return { map, log: log.records.map((r) => r.record) };
  }

  /**
   * Opens the map as open.ts does (fetch, verify in the worker, store the keyring if the pin moved;
   * an owner's open of a map with unsigned rings upgrades them and opens it again).
   */
  async open(mapId: string, served?: Served): Promise<CryptoOps['openMap']['result']> {
    const { map, log } = served ?? (await this.served(mapId));
    const opened = this.call('openMap', { map, log });
    if (opened.pinMoved) await this.saveKeyring();
    if (opened.ringUpgrade) {
      try {
        await this.upgradeRings(mapId);
      } catch {
        // as open.ts: a refused upgrade waits for the next open; the map opened anyway
        return opened;
      }
      return this.open(mapId);
    }
    return opened;
  }

  /** The ring upgrade with the page's own steps (client/membership/ring-upgrade.ts) over this server. */
  async upgradeRings(mapId: string): Promise<void> {
    const headers = { 'nk-capability': this.capability(mapId) };
    const moved = await upgradeRings(
      {
        call: (op, args) => this.call(op, args),
        listSlots: async (id) =>
          answer<SlotsResponse>(
            await this.app.inject({ method: 'GET', url: `/api/maps/${id}/slots`, headers }),
          ),
        updateSlot: async (id, slotId, payload) =>
          answer(
            await this.app.inject({
              method: 'PUT',
              url: `/api/maps/${id}/slots/${slotId}`,
              headers,
              payload,
            }),
          ),
      },
      mapId,
    );
    if (moved) await this.saveKeyring();
  }

  /** Owner: a new link invite on an opened map; the secret to hand over. */
  async invite(mapId: string): Promise<{ inviteId: string; secret: string }> {
    const made = this.call('newInvite', { mapId, kind: 'link', expiresAt: Date.now() + 3_600_000 });
    const headers = { 'nk-capability': this.capability(mapId) };
    const url = `/api/maps/${mapId}/invites`;
    json(await this.app.inject({ method: 'POST', url, headers, payload: made.request }), 201);
    return { inviteId: made.inviteId, secret: made.secret };
  }

  /** Joiner: opens the invite and sends her sealed request. */
  async requestToJoin(
    secret: string,
  ): Promise<{ inviteId: string; sealedInfo: string; safetyCode: string }> {
    const { inviteId } = this.call('inviteIdOf', { secret });
    const info = json<InviteInfoResponse>(
      await this.app.inject({ method: 'GET', url: `/api/invites/${inviteId}` }),
    );
    const profile = {
      name: this.username,
      profession: 'Verloskundige',
      organisation: '',
      contact: '',
      availability: '',
    };
    const sealed = this.call('joinSeal', { secret, sealedInfo: info.sealedInfo, profile });
    const payload = { sealedRequest: sealed.sealedRequest, signature: sealed.signature };
    const url = `/api/invites/${inviteId}/requests`;
    json<JoinRequestResponse>(await this.app.inject({ method: 'POST', url, payload }), 201);
    return { inviteId, sealedInfo: info.sealedInfo, safetyCode: sealed.safetyCode };
  }

  /**
   * Owner: finds the pending request on `inviteId` in the invite list, opens it with the secret sealed
   * for the owners (the one accessor the page uses), and approves it with `role`.
   */
  async approve(
    mapId: string,
    inviteId: string,
    role: 'owner' | 'professional' | 'informal' | 'borger',
  ): Promise<{ slotId: string; safetyCode: string }> {
    const headers = { 'nk-capability': this.capability(mapId) };
    const { invites } = json<InvitesResponse>(
      await this.app.inject({ method: 'GET', url: `/api/maps/${mapId}/invites`, headers }),
    );
    const listed = invites.find((i) => i.inviteId === inviteId);
    if (!listed?.request?.sealedRequest || listed.sealedSecret === null) {
      throw new Error('no pending request with a sealed secret');
    }
    const { secret } = this.call('openInviteSecret', {
      mapId,
      inviteId,
      sealedSecret: listed.sealedSecret,
    });
    const seen = this.call('openJoinRequest', {
      mapId,
      secret,
      sealedRequest: listed.request.sealedRequest,
      sealedInfo: listed.sealedInfo,
    });
    const body = this.call('approveJoin', {
      mapId,
      inviteId,
      joiner: {
        signPublicKey: seen.signPublicKey,
        boxPublicKey: seen.boxPublicKey,
        profile: seen.profile,
      },
      role,
      detail: false,
    });
    const url = `/api/maps/${mapId}/requests/${listed.request.requestId}/approve`;
    json(await this.app.inject({ method: 'POST', url, headers, payload: body }));
    return { slotId: body.slotId, safetyCode: seen.safetyCode };
  }

  /** Joiner: collects the approved answer, adds the map to her keyring and stores it. */
  async collect(secret: string, sent: { inviteId: string; sealedInfo: string }): Promise<void> {
    const base = `/api/invites/${sent.inviteId}`;
    const challenge = json<InviteChallengeResponse>(
      await this.app.inject({ method: 'POST', url: `${base}/challenge` }),
    );
    const { signature } = this.call('joinProof', { secret, challenge: challenge.challenge });
    const answer = json<CollectAnswerResponse>(
      await this.app.inject({
        method: 'POST',
        url: `${base}/answer`,
        payload: { challengeId: challenge.challengeId, signature },
      }),
    );
    if (answer.status !== 'approved') throw new Error('not approved');
    this.call('joinAccept', {
      secret,
      sealedInfo: sent.sealedInfo,
      sealedAnswer: answer.sealedAnswer,
    });
    await this.saveKeyring();
  }

  /** Owner: removes members with a rotation, as actions/remove.ts does (the map must be opened). */
  async remove(mapId: string, removeSlotIds: string[]): Promise<void> {
    const { document, version } = await this.open(mapId);
    const payload = this.call('rotate', { mapId, removeSlotIds, narrow: [], document, version });
    const headers = { 'nk-capability': this.capability(mapId) };
    json(
      await this.app.inject({ method: 'POST', url: `/api/maps/${mapId}/remove`, headers, payload }),
    );
  }

  async #prelogin(): Promise<PreloginResponse> {
    return json<PreloginResponse>(
      await this.app.inject({
        method: 'POST',
        url: '/api/accounts/prelogin',
        payload: { username: this.username },
      }),
    );
  }

  async #login(prelogin: PreloginResponse, signature: string): Promise<void> {
    const login = json<LoginResponse>(
      await this.app.inject({
        method: 'POST',
        url: '/api/accounts/login',
        payload: {
          username: this.username,
          challengeId: prelogin.challengeId,
          method: 'passphrase',
          signature,
        },
      }),
    );
    this.#token = login.accessToken;
    this.#revision = login.account.keyringRevision;
    this.storedKeyring = login.account.keyring;
    this.call('unlock', { account: login.account });
  }

  #bearer(): Record<string, string> {
    return { authorization: `Bearer ${this.#token}` };
  }
}

/** A member brought in by invite from `owner`'s device: she asks, the owner approves, she collects. */
export async function joinByInvite(
  owner: Device,
  mapId: string,
  joiner: Device,
  role: 'owner' | 'professional' | 'informal' | 'borger',
): Promise<string> {
  await owner.open(mapId);
  const { inviteId, secret } = await owner.invite(mapId);
  const sent = await joiner.requestToJoin(secret);
  expect(sent.inviteId).toBe(inviteId);
  const { slotId, safetyCode } = await owner.approve(mapId, inviteId, role);
  // both screens show the same code
  expect(safetyCode).toBe(sent.safetyCode);
  await joiner.collect(secret, sent);
  return slotId;
}
