// Printing, rendered by Chromium to PDF in the browser (nothing is rendered on the server): the A4
// map with its list fits one landscape page for a 60-entry map with no clipped or overlapping
// labels; the A5 handout is one page; the blank sheet prints without an account.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  launchBrowser,
  screenshot,
  type TestBrowser,
} from './support/browser.js';
import { confirmRecovery, createMap, register } from './support/flows.js';
import { seedMap } from './support/seed.js';
import { entryId, sixtyEntries } from './support/sixty.js';
import { startServer, type TestServer } from './support/server.js';

const PDF_DIR = join('test-output', 'print');

/** PDF page sizes in points (1/72 inch). */
const A4_LANDSCAPE = { width: 841.92, height: 594.96 };
const A5 = { width: 420, height: 594.96 };
const A4 = { width: 594.96, height: 841.92 };

interface PdfFacts {
  pages: number;
  sizes: { width: number; height: number }[];
}

/** Page count and sizes from the PDF's page objects (Chromium writes them uncompressed). */
function pdfFacts(bytes: Buffer): PdfFacts {
  const text = bytes.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
    (match) => ({ width: Number(match[1]), height: Number(match[2]) }),
  );
  return { pages, sizes };
}

/** Prints the page as Chromium would on paper, saves the PDF and, if poppler is there, a PNG. */
async function printPdf(page: Page, name: string): Promise<PdfFacts> {
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync(PDF_DIR, { recursive: true });
  const file = join(PDF_DIR, `${name}.pdf`);
  writeFileSync(file, bytes);
  // A picture of each page for a person to look at; skipped where pdftoppm is not installed.
  spawnSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOT_DIR, `pdf-${name}`)]);
  return pdfFacts(bytes);
}

interface LabelCheck {
  texts: number;
  outside: string[];
  overlaps: string[];
}

/**
 * Under print media: every text of the printed ring picture lies inside the SVG's viewBox and no
 * two texts overlap (measured by the browser, in the SVG's own units).
 */
function checkLabels(): LabelCheck {
  const sheet = document
    .querySelector('nk-print-screen')
    ?.shadowRoot?.querySelector('nk-sheet-map, nk-sheet-blank');
  const svg = sheet?.shadowRoot
    ?.querySelector('nk-ring-picture')
    ?.shadowRoot?.querySelector<SVGSVGElement>('svg.picture');
  if (svg === null || svg === undefined) return { texts: 0, outside: ['no picture'], overlaps: [] };
  const view = svg.viewBox.baseVal;
  const boxes = [...svg.querySelectorAll<SVGTextElement>('text')].map((text) => ({
    name: text.textContent ?? '',
    box: text.getBBox(),
  }));
  const outside = boxes
    .filter(
      ({ box }) =>
        box.x < view.x ||
        box.y < view.y ||
        box.x + box.width > view.x + view.width ||
        box.y + box.height > view.y + view.height,
    )
    .map(({ name }) => name);
  const overlaps: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.box.x + a.box.width <= b.box.x ||
        b.box.x + b.box.width <= a.box.x ||
        a.box.y + a.box.height <= b.box.y ||
        b.box.y + b.box.height <= a.box.y;
      if (!apart) overlaps.push(`${a.name} / ${b.name}`);
    }
  });
  return { texts: boxes.length, outside, overlaps };
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('printing on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ viewport });
  });

  afterAll(async () => {
    console.log(`print ${device} timings (ms):`, JSON.stringify(timings));
    await browser?.close();
    await server?.dispose();
  });

  it('prints a 60-entry map with its list on one A4 landscape page, and the handout on one A5 page', async () => {
    const { page } = browser;
    await register(page, server.url, `print-${device}`, 'drie rode appels in een mand');
    await confirmRecovery(page);
    await createMap(page, 'Kaart van Meriam');
    const entries = sixtyEntries();
    await seedMap(page, {
      entries,
      centre: { parents: ['Meriam', 'Micha'], children: ['Mera', 'Meram'] },
      wishes: 'Een andere moeder in de buurt leren kennen. Hulp bij de papieren van de gemeente.',
      details: {
        [entryId(0)]: { contact: '06 12345678' },
        [entryId(46)]: { contact: 'Praktijk De Bron, 010 1234567' },
      },
    });
    await screenshot(page, `map-sixty-${device}`);
    if (device === 'desktop') {
      // A tablet in portrait, between the two.
      await page.setViewportSize({ width: 820, height: 1180 });
      await screenshot(page, 'map-sixty-tablet');
      await page.setViewportSize(viewport);
    }

    // The print menu offers the three sheets.
    await page.getByText('Printen', { exact: true }).click();
    await expect(page.locator('nk-print-menu a').count()).resolves.toBe(3);
    await page.getByRole('link', { name: /Kaart met lijst/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Printen: kaart met lijst' }).waitFor();
    await page.locator('nk-sheet-map nk-ring-picture svg').waitFor();
    await screenshot(page, `print-map-preview-${device}`);

    await page.emulateMedia({ media: 'print' });
    const labels = await page.evaluate(checkLabels);
    // 58 people help now (2 have ended and are not printed); each has a label, some a mark too.
    expect(labels.texts).toBeGreaterThanOrEqual(58 + 8 + 3 + 1);
    expect(labels.outside, 'labels outside the viewBox').toEqual([]);
    expect(labels.overlaps, 'overlapping labels').toEqual([]);
    const printed = await page.evaluate(() => {
      const sheet = document
        .querySelector('nk-print-screen')
        ?.shadowRoot?.querySelector('nk-sheet-map');
      const chrome = document
        .querySelector('nk-print-screen')
        ?.shadowRoot?.querySelector('.chrome');
      return {
        listed: sheet?.shadowRoot?.querySelectorAll('.list li').length ?? 0,
        header: document.querySelector('nk-app header')?.checkVisibility() ?? true,
        chrome: chrome?.checkVisibility() ?? true,
      };
    });
    expect(printed).toEqual({ listed: 58, header: false, chrome: false });
    await page.emulateMedia({ media: null });

    let started = performance.now();
    const map = await printPdf(page, `map-a4-${device}`);
    timings['A4 pdf'] = Math.round(performance.now() - started);
    expect(map.pages).toBe(1);
    expect(map.sizes[0]?.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
    expect(map.sizes[0]?.height).toBeCloseTo(A4_LANDSCAPE.height, 0);

    await page.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kaart van Meriam' }).waitFor();
    await page.getByText('Printen', { exact: true }).click();
    await page.getByRole('link', { name: /Overzicht om mee te nemen/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Printen: overzicht om mee te nemen' })
      .waitFor();
    await page.getByText('Mijn vertrouwde persoon:').waitFor();
    await page.getByText('M. — moeder: 06 12345678').waitFor();
    await screenshot(page, `print-handout-preview-${device}`);
    started = performance.now();
    const handout = await printPdf(page, `handout-a5-${device}`);
    timings['A5 pdf'] = Math.round(performance.now() - started);
    expect(handout.pages).toBe(1);
    expect(handout.sizes[0]?.width).toBeCloseTo(A5.width, 0);
    expect(handout.sizes[0]?.height).toBeCloseTo(A5.height, 0);
    expect(browser.problems).toEqual([]);
  });

  it('prints the blank sheet without an account', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie helpt jou?' }).waitFor();
    await page.goto(`${server.url}/print/leeg`);
    await page.getByRole('heading', { level: 1, name: 'Printen: lege kaart' }).waitFor();
    await page.locator('nk-sheet-blank nk-ring-picture svg').waitFor();
    await page.emulateMedia({ media: 'print' });
    const labels = await page.evaluate(checkLabels);
    expect(labels.texts).toBe(8 + 3 + 1);
    expect(labels.outside).toEqual([]);
    expect(labels.overlaps).toEqual([]);
    await page.emulateMedia({ media: null });
    await screenshot(page, `print-blank-preview-${device}`);
    const blank = await printPdf(page, `blank-a4-${device}`);
    expect(blank.pages).toBe(1);
    expect(blank.sizes[0]?.width).toBeCloseTo(A4.width, 0);
    expect(blank.sizes[0]?.height).toBeCloseTo(A4.height, 0);
    expect(browser.problems).toEqual([]);
  });
});
