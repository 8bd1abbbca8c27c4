// Timings taken inside the page (performance.now, polled every few ms through nested shadow roots),
// and the bytes a fresh browser loads before its first contentful paint (CDP Network and lifecycle).
import type { BrowserContext, Page } from 'playwright-core';

/** Navigates inside the app without a reload (a reload would end the session). */
export async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * Runs `start` in the page and resolves with the ms until `done` holds (checked every ~2 ms).
 * `what` names the thing awaited, for the error when it never comes.
 */
async function timeInPage(
  page: Page,
  what: 'picture' | 'announce',
  args: { path?: string; count?: number; text?: string; removeName?: string },
): Promise<number> {
  return page.evaluate(
    async ({ what, args }) => {
      const deep = (root: Document | ShadowRoot, selector: string): Element[] => {
        const found = [...root.querySelectorAll(selector)];
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot !== null) found.push(...deep(element.shadowRoot, selector));
        }
        return found;
      };
      const done = (): boolean => {
        if (what === 'picture') {
          const entries = deep(document, 'nk-ring-picture g.entry').length;
          // the picture's own entries sit inside its shadow root
          const inside = deep(document, 'g.entry').length;
          return Math.max(entries, inside) >= (args.count ?? 1);
        }
        return (document.querySelector('p.announce')?.textContent ?? '').includes(args.text ?? '');
      };
      const started = performance.now();
      if (args.path !== undefined) {
        history.pushState(null, '', args.path);
        dispatchEvent(new PopStateEvent('popstate'));
      }
      if (args.removeName !== undefined) {
        const button = deep(document, 'button').find(
          (b) => b.textContent?.trim() === `Ja, haal ${args.removeName} van de kaart`,
        );
        if (!(button instanceof HTMLButtonElement)) throw new Error('no confirm button');
        button.click();
      }
      for (;;) {
        if (done()) return performance.now() - started;
        if (performance.now() - started > 30_000)
          throw new Error(
            `${what} did not come: ${deep(document, 'g.entry').length} entries at ${location.pathname}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    { what, args },
  );
}

/** From navigating to the map until its picture shows `count` entries. */
export function timeMapOpen(page: Page, path: string, count: number): Promise<number> {
  return timeInPage(page, 'picture', { path, count });
}

/** From pressing "Ja, haal … van de kaart" until the app says she is off the map. */
export function timeRemoval(page: Page, name: string): Promise<number> {
  return timeInPage(page, 'announce', {
    removeName: name,
    text: `${name} staat niet meer op je kaart.`,
  });
}

export interface FirstPaint {
  path: string;
  /** Bytes on the wire (headers and bodies, as encoded) of responses finished before FCP. */
  bytesBeforePaint: number;
  fcpMs: number;
  requestsBeforePaint: string[];
  /** Whether the crypto worker's script was requested before FCP, and whether at all. */
  workerBeforePaint: boolean;
  workerFetched: boolean;
}

/**
 * Opens `path` in a fresh page of `context` (no cache) and sums encodedDataLength of
 * Network.loadingFinished until Page.lifecycleEvent firstContentfulPaint (one clock, CDP's).
 */
export async function firstPaint(
  context: BrowserContext,
  url: string,
  path: string,
): Promise<FirstPaint> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Page.enable');
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
  const urls = new Map<string, { url: string; sent: number }>();
  const finished: { url: string; at: number; bytes: number }[] = [];
  let fcp = Number.NaN;
  let navigationStart = Number.NaN;
  cdp.on('Network.requestWillBeSent', (event) => {
    urls.set(event.requestId, { url: event.request.url, sent: event.timestamp });
    if (Number.isNaN(navigationStart)) navigationStart = event.timestamp;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = urls.get(event.requestId);
    finished.push({
      url: request?.url ?? '?',
      at: event.timestamp,
      bytes: event.encodedDataLength,
    });
  });
  cdp.on('Page.lifecycleEvent', (event) => {
    if (event.name === 'firstContentfulPaint' && Number.isNaN(fcp)) fcp = event.timestamp;
  });
  await page.goto(`${url}${path}`);
  // long enough for the idle warm-up after the paint to fetch the worker
  await page.waitForTimeout(3000);
  const worker = [...urls.values()].filter((r) => /\/assets\/worker-[^/]*\.js/.test(r.url));
  const before = finished.filter((r) => r.at <= fcp);
  await page.close();
  return {
    path,
    bytesBeforePaint: before.reduce((sum, r) => sum + r.bytes, 0),
    fcpMs: (fcp - navigationStart) * 1000,
    requestsBeforePaint: before.map((r) => new URL(r.url).pathname),
    workerBeforePaint: worker.some((r) => r.sent <= fcp),
    workerFetched: worker.length > 0,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
