// The ring layout alone, timed in headless Chromium (the browser the app runs in): 30, 60 and 120
// entries, written out (print) and fitted to a phone's and a laptop's frame. With `--ref <commit>`
// the layout of that commit runs in the same browser, interleaved, for a before/after in one run.
//
//   npx tsx scripts/bench/layout.ts [--ref <commit>] [--runs 15]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { sixtyEntries } from '../../test/e2e/support/sixty.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const ref = option('--ref');
const runs = Number(option('--runs') ?? 15);

const TEXT = {
  sectorNames: {
    family: 'Familie',
    friends: 'Vrienden en werk',
    parents: 'Andere ouders',
    community: 'Buurt en vrijwilligers',
    places: 'Plekken en diensten',
    social: 'Wijkteam, opvang en school',
    'public-health': 'Consultatiebureau en GGD',
    medical: 'Zorg',
  },
  ringNames: { 1: 'Heel dichtbij', 2: 'Dichtbij', 3: 'Verder weg' },
  trusted: 'vertrouwd',
  ended: 'gestopt',
  centre: ['Meriam & Micha', 'Mera, Meram'],
};

/** n entries: the 60-entry map, then again with " 2" added to each label. */
function entries(n: number) {
  const sixty = sixtyEntries().map((entry) => ({ ...entry, ended: !entry.active }));
  return Array.from({ length: n }, (_, i) => {
    const base = sixty[i % 60];
    if (base === undefined) throw new Error('no entry');
    return { ...base, id: `x${i}`, label: i < 60 ? base.label : `${base.label} 2` };
  });
}

/** The layout as one script that sets `window.layouts[name]`. */
async function bundle(root: string, name: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { layoutRings } from './client/editor/picture/ring-layout.ts';
        (window.layouts ??= {})[${JSON.stringify(name)}] = layoutRings;`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The picture's sources (and the map types they use) of `commit`, in a temporary folder. */
function checkout(commit: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nk-bench-layout-'));
  const files = execFileSync('git', [
    'ls-tree',
    '-r',
    '--name-only',
    commit,
    'client/editor/picture',
    'shared/map',
  ])
    .toString()
    .split('\n')
    .filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const target = join(dir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, execFileSync('git', ['show', `${commit}:${file}`]));
  }
  return dir;
}

const CASES = [
  { n: 30, fit: null },
  { n: 60, fit: null },
  { n: 120, fit: null },
  { n: 60, fit: { width: 336, height: 717 } },
  { n: 120, fit: { width: 336, height: 717 } },
  { n: 60, fit: { width: 928, height: 928 } },
  { n: 120, fit: { width: 928, height: 928 } },
] as const;

const names = ref === undefined ? ['now'] : ['before', 'now'];
const scripts = [await bundle(resolve('.'), 'now')];
let old: string | null = null;
if (ref !== undefined) {
  old = checkout(ref);
  scripts.unshift(await bundle(old, 'before'));
}
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await page.setContent('<!doctype html><title>layout bench</title>');
for (const script of scripts) await page.addScriptTag({ content: script });

console.log(
  `ring layout in ${await browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
    `median of ${runs} runs after 3 warm-up runs (ms)`,
);
console.log('| entries | frame | ' + names.join(' | ') + ' |');
console.log('|---|---|' + names.map(() => '---|').join(''));
for (const { n, fit } of CASES) {
  const medians: number[] = [];
  for (const name of names) {
    // Older layouts know no `fit`; they get the written-out layout, which is what they drew.
    if (name === 'before' && fit !== null) {
      medians.push(Number.NaN);
      continue;
    }
    medians.push(
      await page.evaluate(
        ({ name, list, text, fit, runs }) => {
          type Layout = (entries: unknown, text: unknown, options: unknown) => unknown;
          const layout = (window as unknown as { layouts: Record<string, Layout> }).layouts[name];
          if (layout === undefined) throw new Error(`no layout ${name}`);
          const options = fit === null ? {} : { fit };
          for (let i = 0; i < 3; i++) layout(list, text, options);
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const started = performance.now();
            layout(list, text, options);
            times.push(performance.now() - started);
          }
          times.sort((a, b) => a - b);
          return times[Math.floor(times.length / 2)] ?? Number.NaN;
        },
        { name, list: entries(n), text: TEXT, fit, runs },
      ),
    );
  }
  const frame = fit === null ? 'written out' : `${fit.width} × ${fit.height} px`;
  console.log(
    `| ${n} | ${frame} | ${medians.map((ms) => (Number.isNaN(ms) ? '–' : ms.toFixed(1))).join(' | ')} |`,
  );
}
await browser.close();
if (old !== null) rmSync(old, { recursive: true, force: true });
