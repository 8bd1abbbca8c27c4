// Headless Chromium through playwright-core, each browser with a fresh user-data-dir.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join('test-output', 'screenshots');

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Disables the page's Content-Security-Policy; only for injecting axe-core. */
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  /** Accepts a self-signed certificate (the test's own proxy on loopback). */
  ignoreHTTPSErrors?: boolean;
}

/** A phone-sized viewport (an iPhone 12–15 is 390 px wide). */
export const PHONE = { width: 390, height: 844 } as const;
/** A common laptop and desktop size. */
export const DESKTOP = { width: 1440, height: 900 } as const;

export async function launchBrowser(options: LaunchOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nk-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: options.viewport ?? PHONE,
    bypassCSP: options.bypassCSP ?? false,
    locale: 'nl-NL',
    acceptDownloads: true,
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // An API answer of 4xx (a wrong passphrase, say) is expected behaviour, not a problem of the page.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
      return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
