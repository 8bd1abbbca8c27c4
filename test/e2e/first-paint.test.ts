// Fast on a phone, by structure (the times are in `npm run bench:client`, never asserted): the login page
// paints before the crypto worker is fetched; static files travel Brotli-compressed; a removal updates
// the members screen from the server's answer, without fetching and verifying the map again.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../helpers/account-device.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { approve, inviteByLink, member, parentWithMap, pendingCode } from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const WORKER = /\/assets\/worker-[^/]+\.js$/;

/** Network requests by URL and CDP time, and the first contentful paint on the same clock. */
async function watch(page: Page): Promise<{
  cdp: CDPSession;
  requests: { url: string; at: number; encoding: string }[];
  paint: () => number;
}> {
  const cdp = await page.context().newCDPSession(page);
  const requests: { url: string; at: number; encoding: string }[] = [];
  const byId = new Map<string, { url: string; at: number; encoding: string }>();
  let fcp = Number.NaN;
  cdp.on('Network.requestWillBeSent', (event) => {
    const request = { url: event.request.url, at: event.timestamp, encoding: '' };
    byId.set(event.requestId, request);
    requests.push(request);
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = byId.get(event.requestId);
    const headers = event.response.headers as Record<string, string>;
    if (request !== undefined) request.encoding = headers['content-encoding'] ?? '';
  });
  cdp.on('Page.lifecycleEvent', (event) => {
    if (event.name === 'firstContentfulPaint' && Number.isNaN(fcp)) fcp = event.timestamp;
  });
  await cdp.send('Network.enable');
  await cdp.send('Page.enable');
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
  return { cdp, requests, paint: () => fcp };
}

describe('fast on a phone', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('paints the login page before it fetches the crypto worker, and fetches it after', async () => {
    const page = await browser.context.newPage();
    const seen = await watch(page);
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    // the warm-up runs when the browser is idle after the paint
    await expect.poll(() => seen.requests.some((r) => WORKER.test(r.url))).toBe(true);
    const painted = seen.paint();
    expect(Number.isNaN(painted)).toBe(false);
    const worker = seen.requests.find((r) => WORKER.test(r.url));
    expect(worker!.at).toBeGreaterThan(painted);
    // nothing in the page itself names the worker for an early fetch
    const html = await (
      await fetch(`${server.url}/inloggen`, { headers: { accept: 'text/html' } })
    ).text();
    expect(html).not.toMatch(/worker-[^"]+\.js/);
    // the page's own script came compressed with Brotli
    const script = seen.requests.find((r) => /\/assets\/index-[^/]+\.js$/.test(r.url));
    expect(script?.encoding).toBe('br');
    await page.close();
  });

  it('sends static files as Brotli, gzip or plain, by what the client accepts', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const path = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(path).toBeDefined();
    const plain = await server.app.inject({ url: path!, headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accepted, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const answer = await server.app.inject({
        url: path!,
        headers: { 'accept-encoding': accepted },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['vary']).toMatch(/accept-encoding/i);
      expect(answer.headers['cache-control']).toContain('immutable');
      expect(answer.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    }
  });

  it('shows a removal from the answer: no second read of the map or its log', async () => {
    const page = browser.page;
    await parentWithMap(page, server.url, 'ouder-snel', 'Snelle kaart');
    const link = await inviteByLink(page);
    // the member asks from a device of her own (the worker's handlers in Node), the parent approves here
    const midwife = await Device.register(server.app, 'anouk');
    await midwife.requestToJoin(link.slice(link.indexOf('#') + 1));
    await pendingCode(page, 'anouk');
    await approve(page, 'anouk', 'Hulpverlener');
    await page.waitForTimeout(1500);

    const reads: string[] = [];
    const count = (request: { url(): string; method(): string }): void => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'GET' && /^\/api\/maps\/[^/]+(\/log)?$/.test(path)) reads.push(path);
    };
    page.on('request', count);
    await member(page, 'anouk').getByRole('button', { name: 'Van de kaart halen' }).click();
    await member(page, 'anouk')
      .getByRole('button', { name: 'Ja, haal anouk van de kaart' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: 'anouk staat niet meer op je kaart.' })
      .waitFor();
    await expect.poll(() => member(page, 'anouk').count()).toBe(0);
    // the server's own events for this change have come (they are sent before its answer) and gone
    await page.waitForTimeout(2000);
    page.off('request', count);
    expect(reads).toEqual([]);
    // the history says she left, from the server's record of it
    await expect
      .poll(() => page.getByTestId('history').innerText(), { timeout: 15_000 })
      .toContain('heeft geen toegang meer sinds');
    await screenshot(page, 'removal-from-answer-phone');
    await page.setViewportSize({ width: 1280, height: DESKTOP.height });
    await screenshot(page, 'removal-from-answer-1280');
    await page.setViewportSize(PHONE);
    // and the map still opens, in its new epoch, with what the screen showed
    await page.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Snelle kaart' }).waitFor();
    expect(browser.problems).toEqual([]);
  });
});
