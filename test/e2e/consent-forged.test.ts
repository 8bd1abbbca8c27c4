// A forged join request as the parent sees it, in Chromium: the server plants a request it built from its
// own rows (invite id, map id, the invite's box public key) under her open invite. Her device refuses it
// and her screen says so in plain words; the made-up name and no safety code or approve button appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../shared/crypto/index.js';
import {
  FORGED_PROFILE,
  forgeJoinRequest,
  mapSnapshot,
  plantRequest,
  storedInvite,
} from '../helpers/adversary.js';
import { DESKTOP, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { inviteByLink, parentWithMap } from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const REFUSAL =
  'Dit verzoek is niet gemaakt met jouw uitnodiging. Misschien heeft iemand het nagemaakt. Laat op grond hiervan niemand toe.';

describe('consent: a join request forged by the server', () => {
  let server: TestServer;
  let parent: TestBrowser;

  beforeAll(async () => {
    await loadSodium();
    server = await startServer();
    parent = await launchBrowser({ viewport: DESKTOP });
  });

  afterAll(async () => {
    await parent?.close();
    await server?.dispose();
  });

  it('shows the parent a plain refusal instead of the request', async () => {
    const p = parent.page;
    await parentWithMap(p, server.url, 'sanne-ouder', 'Kaart van Sanne');
    await inviteByLink(p);

    // the malicious server: it knows the invite's row, not its secret
    const app = server.app;
    const { id: inviteId } = await app.db
      .selectFrom('invites')
      .select('id')
      .executeTakeFirstOrThrow();
    const stored = await storedInvite(app, inviteId);
    const before = await mapSnapshot(app, stored.mapId);
    await plantRequest(app, stored, forgeJoinRequest(stored));

    // her screen polls for requests; the refusal takes the request's place
    const refused = p.getByTestId('refused-request');
    await refused.waitFor({ timeout: 20_000 });
    await refused.getByText(REFUSAL).waitFor();
    await screenshot(p, 'consent-forged-request');
    expect(await p.getByTestId('join-request').count()).toBe(0);
    expect(await p.getByText(FORGED_PROFILE.name).count()).toBe(0);
    expect(await refused.getByTestId('safety-code').count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Toelaten', exact: true }).count()).toBe(0);

    // she clears it; nothing of the map changed
    await refused.getByRole('button', { name: 'Weghalen' }).click();
    await expect.poll(() => p.getByTestId('refused-request').count()).toBe(0);
    expect(await mapSnapshot(app, stored.mapId)).toBe(before);
    expect(parent.problems).toEqual([]);
  });
});
