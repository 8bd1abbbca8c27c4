// Waiting for the parent's answer live: POST /api/invites/:id/answer?wait=s holds a pending answer
// until the map's next event (approval, decline, withdrawal) or the time is up. Same proof as the
// poll; bad `wait` values are 400 with a stable code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveInviteKeys, loadSodium, openJoinRequest } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import {
  approval,
  capabilityRequest,
  collectAnswer,
  createParentMap,
  invite,
  pendingRequest,
  requestToJoin,
} from '../../helpers/membership.js';

const databases = testDatabases();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases)('waiting for the answer on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  async function waitingJoiner() {
    const parent = await createParentMap(app);
    const created = await invite(app, parent);
    const joiner = await requestToJoin(app, created.secret);
    const pending = await pendingRequest(app, parent, created.inviteId);
    return { parent, created, joiner, pending };
  }

  it('answers a held request within a second of the approval', async () => {
    const { parent, created, joiner, pending } = await waitingJoiner();
    const started = Date.now();
    const held = collectAnswer(app, joiner.keys, '?wait=10');
    await sleep(400);
    const request = openJoinRequest(
      pending.sealedRequest,
      deriveInviteKeys(created.secret),
      parent.mapId,
    );
    const approved = approval(parent, created.inviteId, request, 'read');
    const approvedAt = Date.now();
    const response = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/requests/${pending.requestId}/approve`,
      parent.capability,
      approved.payload,
    );
    expect(response.statusCode, response.body).toBe(200);
    const answer = await held;
    const tookAfterApproval = Date.now() - approvedAt;
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json<{ status: string }>().status).toBe('approved');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(tookAfterApproval).toBeLessThan(1000);
  });

  it('says pending once the time is up, and declined at once when the parent says no', async () => {
    const { parent, joiner, pending } = await waitingJoiner();
    const started = Date.now();
    const timedOut = await collectAnswer(app, joiner.keys, '?wait=1');
    expect(timedOut.statusCode, timedOut.body).toBe(202);
    expect(timedOut.json()).toEqual({ status: 'pending' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    const held = collectAnswer(app, joiner.keys, '?wait=10');
    await sleep(300);
    const declinedAt = Date.now();
    const declined = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/requests/${pending.requestId}/decline`,
      parent.capability,
    );
    expect(declined.statusCode, declined.body).toBe(204);
    expectError(await held, 410, 'request_declined');
    expect(Date.now() - declinedAt).toBeLessThan(1000);
  });

  it('ends a held answer at once when the app closes (pending: ask again)', async () => {
    const own = await buildTestApp(database);
    await own.ready();
    const parent = await createParentMap(own);
    const created = await invite(own, parent);
    const joiner = await requestToJoin(own, created.secret);
    const held = collectAnswer(own, joiner.keys, '?wait=20');
    await sleep(300);
    const closing = Date.now();
    await own.close();
    const answer = await held;
    expect(answer.statusCode, answer.body).toBe(202);
    expect(Date.now() - closing).toBeLessThan(3000);
  });

  it('refuses a bad wait and a bad proof with stable codes', async () => {
    const { joiner } = await waitingJoiner();
    for (const query of ['?wait=26', '?wait=-1', '?wait=soon', '?wait=1.5', '?later=1']) {
      expectError(await collectAnswer(app, joiner.keys, query), 400, 'invalid_request');
    }
    const challenge = await app.inject({
      method: 'POST',
      url: `/api/invites/${joiner.keys.inviteId}/challenge`,
    });
    const { challengeId } = challenge.json<{ challengeId: string }>();
    const forged = await app.inject({
      method: 'POST',
      url: `/api/invites/${joiner.keys.inviteId}/answer?wait=5`,
      payload: { challengeId, signature: 'A'.repeat(86) },
    });
    expectError(forged, 403, 'proof_failed');
  });
});
