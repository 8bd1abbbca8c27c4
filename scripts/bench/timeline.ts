// The timeline's cost in headless Chromium (the browser the app runs in): decrypting and checking 50
// earlier versions of a 60-entry map (base and detail sections, signed), as the worker's openVersions
// does, and the same through a structured clone of the results (what crosses to the page).
//
//   npx tsx scripts/bench/timeline.ts [--runs 7]
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { sixtyEntries } from '../../test/e2e/support/sixty.js';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = Number(at < 0 ? 7 : args[at + 1]);
const VERSIONS = 50;

const script = (
  await build({
    stdin: {
      contents: `
        import { loadSodium, signKeyPair } from './shared/crypto/sodium.ts';
        import { newSectionKeys, newId, NO_LOG_HEAD, toBase64Url, fromBase64Url, readVersionEpoch, checkVersionHead } from './shared/crypto/index.ts';
        import { decryptMapDocument, encryptMapDocument } from './shared/map/document.ts';
        window.timelineBench = async (entries, versions, runs) => {
          await loadSodium();
          const signer = signKeyPair();
          const keys = newSectionKeys();
          const mapId = newId();
          const bodies = [];
          for (let v = 1; v <= versions; v++) {
            // each version one person fewer or more, as a map edited over time
            const shown = entries.slice(0, entries.length - (v % 7));
            const detail = { v: 1, entries: Object.fromEntries(shown.map((e) => [e.id, { name: 'Naam ' + e.label, note: 'Een notitie over ' + e.label }])) };
            const doc = { base: { v: 1, title: 'Kaart', centre: { parents: ['Meriam'], children: [] }, entries: shown }, detail };
            bodies.push({ version: v, body: toBase64Url(encryptMapDocument({ mapId, epoch: 1, version: v, doc, keys, signer, logHead: NO_LOG_HEAD })) });
          }
          const times = [];
          for (let r = 0; r < runs + 2; r++) {
            const started = performance.now();
            const opened = bodies.map(({ version, body: wire }) => {
              const body = fromBase64Url(wire);
              if (readVersionEpoch(body) !== 1) throw new Error('epoch');
              const { doc, logHead } = decryptMapDocument({ mapId, version, body, keys, trustedSigners: [signer.publicKey] });
              checkVersionHead(logHead, null);
              return { version, readable: true, document: doc };
            });
            structuredClone(opened);
            if (r >= 2) times.push(performance.now() - started);
          }
          times.sort((a, b) => a - b);
          const bytes = bodies.reduce((sum, b) => sum + b.body.length, 0);
          return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], bytes };
        };`,
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  })
).outputFiles[0]?.text;

const entries = sixtyEntries().map((entry, i) => ({
  ...entry,
  id: Buffer.from(String(i).padStart(16, '0')).toString('base64url'),
}));
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await page.setContent('<!doctype html><title>timeline bench</title>');
await page.addScriptTag({ content: script ?? '' });
const result = await page.evaluate(
  ({ entries, versions, runs }) =>
    (
      window as unknown as {
        timelineBench: (
          e: unknown,
          v: number,
          r: number,
        ) => Promise<{ median: number; max: number; bytes: number }>;
      }
    ).timelineBench(entries, versions, runs),
  { entries, versions: VERSIONS, runs },
);
console.log(
  `timeline in ${await browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}: ` +
    `${VERSIONS} versions of a 60-entry map (${Math.round(result.bytes / 1024)} KB as base64url), ` +
    `decrypt + check + clone: median ${result.median.toFixed(0)} ms, slowest ${result.max.toFixed(0)} ms of ${runs} runs`,
);
await browser.close();
