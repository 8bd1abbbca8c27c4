// Every map, invite and membership route against every kind of caller, each with its expected status.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInvite,
  loadSodium,
  signInviteProof,
  toBase64Url,
  type NewInvite,
} from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { b64 } from '../../helpers/maps.js';
import {
  addMember,
  approval,
  capabilityRequest,
  collectAnswer,
  createParentMap,
  invite,
  requestToJoin,
  type Parent,
} from '../../helpers/membership.js';

const databases = testDatabases();

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Caller = 'none' | 'wrong' | 'read' | 'write' | 'admin' | 'removed';
type Needed = 'read' | 'write' | 'admin';

interface Route {
  method: Method;
  path: string;
  needs: Needed;
  /** What an allowed caller gets with this (harmless) payload: status and, for errors, code. */
  allowed: [number, string?];
  payload?: (parent: Parent) => unknown;
  headers?: Record<string, string>;
}

const RANK: Record<Needed, number> = { read: 1, write: 2, admin: 3 };
const bytes = (n: number) => b64(randomBytes(n));
const id = () => bytes(16);

const ROUTES: Route[] = [
  { method: 'GET', path: '', needs: 'read', allowed: [200] },
  {
    method: 'PUT',
    path: '',
    needs: 'write',
    allowed: [409, 'version_conflict'],
    payload: () => randomBytes(100),
    headers: { 'if-match': '"v999"' },
  },
  { method: 'GET', path: '/versions', needs: 'read', allowed: [200] },
  { method: 'GET', path: '/versions/1', needs: 'read', allowed: [200] },
  { method: 'GET', path: '/access', needs: 'admin', allowed: [200] },
  { method: 'GET', path: '/log', needs: 'read', allowed: [200] },
  {
    method: 'POST',
    path: '/log',
    needs: 'admin',
    allowed: [409, 'log_conflict'],
    payload: (parent) => ({ records: [toBase64Url(parent.records[0] ?? new Uint8Array())] }),
  },
  { method: 'GET', path: '/slots', needs: 'admin', allowed: [200] },
  {
    method: 'PUT',
    path: '/slots/:creator',
    needs: 'admin',
    allowed: [200],
    payload: () => ({ rights: 'admin', keyBundle: bytes(200) }),
  },
  {
    method: 'PUT',
    path: '/cards/mine',
    needs: 'read',
    allowed: [400, 'card_invalid'],
    payload: () => ({ baseCardVersion: 0, body: bytes(100) }),
  },
  { method: 'GET', path: '/cards', needs: 'read', allowed: [200] },
  {
    method: 'POST',
    path: '/remove',
    needs: 'admin',
    allowed: [400, 'key_bundles_mismatch'],
    payload: (parent) => ({
      removeSlotIds: [],
      logRecords: [toBase64Url(parent.records[0] ?? new Uint8Array())],
      baseVersion: 999,
      body: bytes(100),
      keyBundles: {},
    }),
  },
  {
    method: 'POST',
    path: '/invites',
    needs: 'admin',
    allowed: [400, 'invite_expiry_invalid'],
    payload: () => ({
      inviteId: id(),
      verifyPublicKey: bytes(32),
      boxPublicKey: bytes(32),
      sealedInfo: bytes(200),
      sealedSecret: bytes(118),
      expiresAt: 1000,
    }),
  },
  { method: 'GET', path: '/invites', needs: 'admin', allowed: [200] },
  { method: 'DELETE', path: '/invites/:id', needs: 'admin', allowed: [404, 'invite_not_found'] },
  {
    method: 'POST',
    path: '/requests/:id/approve',
    needs: 'admin',
    allowed: [404, 'request_not_found'],
    payload: (parent) => ({
      slotId: id(),
      capabilityHash: bytes(32),
      rights: 'read',
      keyBundle: bytes(200),
      logRecords: [toBase64Url(parent.records[0] ?? new Uint8Array())],
      sealedAnswer: bytes(1072),
    }),
  },
  {
    method: 'POST',
    path: '/requests/:id/decline',
    needs: 'admin',
    allowed: [404, 'request_not_found'],
  },
];

/** Routes that end a slot or the map, or stream: checked for the callers the guard turns away. */
const GUARD_ONLY: Route[] = [
  { method: 'DELETE', path: '', needs: 'admin', allowed: [204] },
  { method: 'DELETE', path: '/slots/mine', needs: 'read', allowed: [204] },
  { method: 'GET', path: '/events', needs: 'read', allowed: [200] },
];

function expected(route: Route, caller: Caller): [number, string?] {
  if (caller === 'none') return [400, 'invalid_request'];
  if (caller === 'wrong' || caller === 'removed') return [404, 'map_not_found'];
  return RANK[caller] >= RANK[route.needs] ? route.allowed : [403, 'insufficient_rights'];
}

describe.each(databases)('authorisation matrix on $engine', (database) => {
  let app: App;
  let parent: Parent;
  let callers: Record<Caller, string | undefined>;

  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
    parent = await createParentMap(app);
    const other = await createParentMap(app);
    const read = await addMember(app, parent, 'read');
    const write = await addMember(app, parent, 'write');
    const removed = await addMember(app, parent, 'read');
    const left = await capabilityRequest(
      app,
      'DELETE',
      `/api/maps/${parent.mapId}/slots/mine`,
      removed.capability,
    );
    expect(left.statusCode).toBe(204);
    callers = {
      none: undefined,
      wrong: other.capability,
      read: read.capability,
      write: write.capability,
      admin: parent.capability,
      removed: removed.capability,
    };
  });
  afterAll(async () => {
    await app.close();
  });

  const url = (route: Route) =>
    `/api/maps/${parent.mapId}${route.path
      .replace(':creator', parent.slotId)
      .replace(':id', b64(randomBytes(16)))}`;

  const cases = ROUTES.flatMap((route) =>
    (['none', 'wrong', 'read', 'write', 'admin', 'removed'] as const).map((caller) => ({
      route,
      caller,
      name: `${route.method} ${route.path || '/'} as ${caller}`,
    })),
  );

  it.each(cases)('$name', async ({ route, caller }) => {
    const [status, code] = expected(route, caller);
    const response = await capabilityRequest(
      app,
      route.method,
      url(route),
      callers[caller],
      route.payload?.(parent),
      route.headers,
    );
    expect(response.statusCode, response.body).toBe(status);
    if (code) expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
  });

  const guarded = GUARD_ONLY.flatMap((route) =>
    (['none', 'wrong', 'removed', 'read', 'write'] as const)
      .filter((caller) => expected(route, caller)[0] !== route.allowed[0])
      .map((caller) => ({
        route,
        caller,
        name: `${route.method} ${route.path || '/'} as ${caller}`,
      })),
  );

  it.each(guarded)('$name is turned away', async ({ route, caller }) => {
    const [status, code] = expected(route, caller);
    const response = await capabilityRequest(app, route.method, url(route), callers[caller]);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
  });
});

type InviteState = 'open' | 'expired' | 'used' | 'withdrawn' | 'unknown';

describe.each(databases)('invite routes by invite state on $engine', (database) => {
  let app: App;
  let invites: Record<InviteState, NewInvite>;

  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
    const parent = await createParentMap(app);
    const open = await invite(app, parent);
    const expired = await invite(app, parent);
    await app.db
      .updateTable('invites')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', expired.inviteId)
      .execute();
    // used: approved and its answer collected
    const used = await invite(app, parent);
    const usedJoiner = await requestToJoin(app, used.secret);
    await addApproved(app, parent, used, usedJoiner);
    expect((await collectAnswer(app, usedJoiner.keys)).statusCode).toBe(200);
    // withdrawn while a request waited
    const withdrawn = await invite(app, parent);
    await requestToJoin(app, withdrawn.secret);
    const withdraw = await capabilityRequest(
      app,
      'DELETE',
      `/api/maps/${parent.mapId}/invites/${withdrawn.inviteId}`,
      parent.capability,
    );
    expect(withdraw.statusCode, withdraw.body).toBe(204);
    const unknown = createInvite({
      mapId: parent.mapId,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: Date.now() + 60_000,
      kind: 'link',
    });
    invites = { open, expired, used, withdrawn, unknown };
  });
  afterAll(async () => {
    await app.close();
  });

  const EXPECTED: Record<string, Record<InviteState, [number, string?]>> = {
    info: {
      open: [200],
      expired: [410, 'invite_expired'],
      used: [410, 'invite_used'],
      withdrawn: [410, 'invite_withdrawn'],
      unknown: [404, 'invite_not_found'],
    },
    request: {
      open: [201],
      expired: [410, 'invite_expired'],
      used: [410, 'invite_used'],
      withdrawn: [410, 'invite_withdrawn'],
      unknown: [404, 'invite_not_found'],
    },
    // runs after 'request' on the open invite, which posted the one request it takes
    answer: {
      open: [202],
      expired: [404, 'request_not_found'],
      used: [410, 'answer_collected'],
      withdrawn: [410, 'request_declined'],
      unknown: [404, 'invite_not_found'],
    },
  };

  const cases = Object.keys(EXPECTED).flatMap((route) =>
    (['open', 'expired', 'used', 'withdrawn', 'unknown'] as const).map((state) => ({
      route,
      state,
    })),
  );

  it.each(cases)('$route on a $state invite', async ({ route, state }) => {
    const target = invites[state];
    const [status, code] = EXPECTED[route]?.[state] ?? [0];
    let response;
    if (route === 'info') {
      response = await app.inject({ method: 'GET', url: `/api/invites/${target.inviteId}` });
    } else if (route === 'request') {
      const sealed = randomBytes(2096);
      response = await app.inject({
        method: 'POST',
        url: `/api/invites/${target.inviteId}/requests`,
        payload: {
          sealedRequest: b64(sealed),
          signature: toBase64Url(signInviteProof(target.keys, 'join-request', sealed)),
        },
      });
    } else if (state === 'unknown') {
      response = await app.inject({
        method: 'POST',
        url: `/api/invites/${target.inviteId}/challenge`,
      });
    } else {
      response = await collectAnswer(app, target.keys);
    }
    expect(response.statusCode, response.body).toBe(status);
    if (code) expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
  });

  it('refuses a request or a collection with a proof by another key (403 proof_failed)', async () => {
    const parent = await createParentMap(app);
    const target = await invite(app, parent);
    const stranger = await invite(app, parent);
    const sealed = randomBytes(2096);
    const response = await app.inject({
      method: 'POST',
      url: `/api/invites/${target.inviteId}/requests`,
      payload: {
        sealedRequest: b64(sealed),
        signature: toBase64Url(signInviteProof(stranger.keys, 'join-request', sealed)),
      },
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('proof_failed');
    // a proof for another purpose does not collect either
    const challenge = (
      await app.inject({ method: 'POST', url: `/api/invites/${target.inviteId}/challenge` })
    ).json<{ challengeId: string; challenge: string }>();
    const wrongPurpose = await app.inject({
      method: 'POST',
      url: `/api/invites/${target.inviteId}/answer`,
      payload: {
        challengeId: challenge.challengeId,
        signature: toBase64Url(
          signInviteProof(
            target.keys,
            'join-request',
            Buffer.from(challenge.challenge, 'base64url'),
          ),
        ),
      },
    });
    expect(wrongPurpose.statusCode, wrongPurpose.body).toBe(403);
  });
});

async function addApproved(
  app: App,
  parent: Parent,
  created: NewInvite,
  joiner: Awaited<ReturnType<typeof requestToJoin>>,
): Promise<void> {
  const approved = approval(
    parent,
    created.inviteId,
    { signPublicKey: joiner.signer.publicKey, boxPublicKey: joiner.box.publicKey },
    'read',
  );
  const response = await capabilityRequest(
    app,
    'POST',
    `/api/maps/${parent.mapId}/requests/${joiner.requestId}/approve`,
    parent.capability,
    approved.payload,
  );
  expect(response.statusCode, response.body).toBe(200);
  parent.log = approved.log;
  parent.records.push(approved.record);
}
