// npm run bench:client: the app in headless Chromium against the real server on this machine.
// Opening a 60-entry map (first after login, and again), removing one of 30 members with re-keying
// until the confirmation shows, the ring layout alone (scripts/bench/layout.ts), and the bytes a fresh
// browser loads before its first paint on / and /inloggen (and whether the crypto worker is among them).
//
//   npm run bench:client [-- --runs 7]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sixtyEntries } from '../../test/e2e/support/sixty.js';
import { createMap, login } from '../../test/e2e/support/flows.js';
import { seedMap } from '../../test/e2e/support/seed.js';
import {
  firstPaint,
  goInApp,
  median,
  timeMapOpen,
  timeRemoval,
  type FirstPaint,
} from './client-measure.js';
import {
  MEMBERS_TITLE,
  OWNER,
  PASSPHRASE,
  buildClient,
  mapWithMembers,
  startServer,
} from './client-setup.js';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at < 0 ? 7 : Number(args[at + 1]);
const MEMBERS = 30;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PHONE = { width: 390, height: 844 };
// the picture leaves out the two people who stopped (ended entries show in the list)
const SHOWN = sixtyEntries().filter((entry) => entry.active).length;

const ms = (value: number): string => value.toFixed(0);
const range = (values: number[]): string =>
  `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/inloggen`);
  await login(page, OWNER, PASSPHRASE);
  await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
}

async function mapIdOf(page: Page, title: string): Promise<string> {
  const href = await page.getByRole('link', { name: title }).first().getAttribute('href');
  if (href === null) throw new Error(`no link to ${title}`);
  return href.split('/').pop() ?? '';
}

async function firstPages(browser: Browser, url: string): Promise<FirstPaint[]> {
  const rows: FirstPaint[] = [];
  for (const path of ['/', '/inloggen']) {
    const samples: FirstPaint[] = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const context = await browser.newContext({ viewport: PHONE, locale: 'nl-NL' });
      samples.push(await firstPaint(context, url, path));
      await context.close();
    }
    const bytes = median(samples.map((s) => s.bytesBeforePaint));
    const pick = samples.find((s) => s.bytesBeforePaint === bytes) ?? samples[0];
    if (pick === undefined) throw new Error('no sample');
    rows.push({
      ...pick,
      fcpMs: median(samples.map((s) => s.fcpMs)),
      workerBeforePaint: samples.some((s) => s.workerBeforePaint),
      workerFetched: samples.every((s) => s.workerFetched),
    });
  }
  return rows;
}

async function mapOpens(page: Page): Promise<{ first: number[]; repeat: number[]; path: string }> {
  await createMap(page, 'Zestig mensen');
  await seedMap(page, { entries: sixtyEntries() });
  await goInApp(page, '/kaarten');
  await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
  const path = `/kaarten/${await mapIdOf(page, 'Zestig mensen')}`;
  const repeat: number[] = [];
  // one open to warm the page's caches, then the repeat opens
  await timeMapOpen(page, path, SHOWN);
  for (let i = 0; i < RUNS; i++) {
    await goInApp(page, '/kaarten');
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    repeat.push(await timeMapOpen(page, path, SHOWN));
  }
  const first: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('link', { name: 'Inloggen' }).first().click();
    await login(page, OWNER, PASSPHRASE);
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    first.push(await timeMapOpen(page, path, SHOWN));
  }
  await goInApp(page, '/kaarten');
  await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
  return { first, repeat, path };
}

/** Removes members one by one (30, 29, … stay before each) and times each to its confirmation. */
async function removals(page: Page): Promise<number[]> {
  const mapId = await mapIdOf(page, MEMBERS_TITLE);
  await goInApp(page, `/kaarten/${mapId}/wie-doet-mee`);
  await page.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
  const times: number[] = [];
  for (let i = 1; i <= Math.min(RUNS, MEMBERS); i++) {
    const name = `bench-lid-${String(i).padStart(2, '0')}`;
    const card = page
      .getByTestId('member')
      .filter({ has: page.getByRole('heading', { name, exact: true }) });
    await card.getByRole('button', { name: 'Van de kaart halen' }).click();
    await card.getByRole('button', { name: `Ja, haal ${name} van de kaart` }).waitFor();
    times.push(await timeRemoval(page, name));
    // the next removal starts on a quiet screen: the echo of this one has come and gone
    await page.waitForTimeout(1500);
  }
  return times;
}

function layout(): string {
  // the layout bench in its own process, after the browser above has closed
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/layout.ts'], {
    encoding: 'utf8',
  });
}

const started = new Date();
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const client = await buildClient();
const server = await startServer(client.dir);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ARGS,
});
let report: string;
try {
  console.log(`setting up a map with ${MEMBERS} members…`);
  await mapWithMembers(server.app, MEMBERS);
  const pages = await firstPages(browser, server.url);
  const context = await browser.newContext({ viewport: PHONE, locale: 'nl-NL' });
  // tsx keeps function names with a helper that functions sent to page.evaluate also call
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page = await context.newPage();
  await signIn(page, server.url);
  const opens = await mapOpens(page);
  const removed = await removals(page);
  await context.close();
  await browser.close();
  const lines = [
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:client\` on ` +
      `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, load average at start ${load}. Median (min–max) in ms.`,
    '',
    '| what | runs | median (min–max) | target |',
    '|---|---|---|---|',
    `| open the 60-entry map, first after login | ${opens.first.length} | ${range(opens.first)} | < 150 |`,
    `| open the 60-entry map again | ${opens.repeat.length} | ${range(opens.repeat)} | < 100 |`,
    `| remove 1 of ${MEMBERS}…${MEMBERS - removed.length + 1} members (re-key) to confirmation | ${removed.length} | ${range(removed)} | < 300 |`,
    '',
    '| first page | bytes before first paint | requests before it | first paint ms | worker before paint | worker fetched after |',
    '|---|---|---|---|---|---|',
    ...pages.map(
      (p) =>
        `| ${p.path} | ${(p.bytesBeforePaint / 1024).toFixed(1)} KB | ${p.requestsBeforePaint.join(', ')} | ` +
        `${ms(p.fcpMs)} | ${p.workerBeforePaint ? 'yes' : 'no'} | ` +
        `${p.workerFetched ? 'yes' : 'no'} |`,
    ),
  ];
  report = lines.join('\n');
} finally {
  if (browser.isConnected()) await browser.close();
  await server.close();
  client.dispose();
}
console.log(report);
console.log('');
console.log(layout());
