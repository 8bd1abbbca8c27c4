// The ring picture fits its frame: with 60 people, at a phone's, a tablet's and a laptop's width
// and in the narrow Samen aan tafel column, every text drawn in the picture lies inside the
// picture's visible frame, no two labels overlap, no label is cut short ("…"), and every person is
// either written out in full or listed by number below the picture. Zooming by keyboard changes
// the view and keeps the same promises. Screenshots of each width go to test-results/picture-fit/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, createMap, register } from './support/flows.js';
import { seedMap } from './support/seed.js';
import { sixtyEntries } from './support/sixty.js';
import { startServer, type TestServer } from './support/server.js';

const SHOTS = join('test-results', 'picture-fit');

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

interface Fit {
  /** The frame's visible box and the SVG's viewBox. */
  frame: { x: number; y: number; width: number; height: number };
  viewBox: { x: number; y: number; width: number; height: number };
  /** Texts whose box leaves the frame (more than half a pixel). */
  outside: string[];
  /** Pairs of labels whose boxes overlap. */
  overlaps: string[];
  /** Texts that end in "…". */
  cut: string[];
  /** Entry id → its label as written in the picture (lines joined). */
  written: Record<string, string>;
  /** Entry ids and numbers in the list below the picture. */
  listed: { id: string; number: string; text: string }[];
  /** Entry ids whose node shows a number. */
  numbered: string[];
  /** Entry ids whose node lies wholly in the frame (all of them unless zoomed in). */
  inView: string[];
}

/** Measures the editor's ring picture in the page (looking through every shadow root). */
function measure(): Fit {
  const find = (root: Document | ShadowRoot, selector: string): Element | null => {
    const hit = root.querySelector(selector);
    if (hit !== null) return hit;
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot === null) continue;
      const inner = find(element.shadowRoot, selector);
      if (inner !== null) return inner;
    }
    return null;
  };
  const picture = find(document, 'nk-ring-picture[interactive]');
  const root = picture?.shadowRoot;
  const svg = root?.querySelector<SVGSVGElement>('svg.picture');
  if (root === undefined || root === null || svg === null || svg === undefined)
    throw new Error('no picture');
  const frameRect = svg.getBoundingClientRect();
  const frame = {
    x: frameRect.x,
    y: frameRect.y,
    width: frameRect.width,
    height: frameRect.height,
  };
  const view = svg.viewBox.baseVal;
  const outside: string[] = [];
  const cut: string[] = [];
  const labels: { name: string; box: DOMRect }[] = [];
  for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
    const box = text.getBoundingClientRect();
    const name = text.textContent ?? '';
    if (
      box.left < frameRect.left - 0.5 ||
      box.top < frameRect.top - 0.5 ||
      box.right > frameRect.right + 0.5 ||
      box.bottom > frameRect.bottom + 0.5
    )
      outside.push(name);
    if (name.includes('…')) cut.push(name);
    if (text.classList.contains('label') || text.classList.contains('number'))
      labels.push({ name, box });
  }
  const overlaps: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      const apart =
        a.box.right <= b.box.left ||
        b.box.right <= a.box.left ||
        a.box.bottom <= b.box.top ||
        b.box.bottom <= a.box.top;
      if (!apart) overlaps.push(`${a.name} / ${b.name}`);
    }
  });
  const written: Record<string, string> = {};
  const numbered: string[] = [];
  const inView: string[] = [];
  for (const entry of svg.querySelectorAll<SVGGElement>('g.entry')) {
    const id = entry.dataset['id'] ?? '';
    const node = entry.querySelector('circle.node')?.getBoundingClientRect();
    if (
      node !== undefined &&
      node.left >= frameRect.left &&
      node.right <= frameRect.right &&
      node.top >= frameRect.top &&
      node.bottom <= frameRect.bottom
    )
      inView.push(id);
    const label = entry.querySelector('text.label');
    if (label !== null)
      written[id] = [...label.querySelectorAll('tspan')].map((t) => t.textContent).join(' ');
    if (entry.querySelector('text.number') !== null) numbered.push(id);
  }
  const listed = [...root.querySelectorAll<HTMLButtonElement>('.numbers button')].map((button) => ({
    id: button.dataset['id'] ?? '',
    number: button.querySelector('.num')?.textContent?.trim() ?? '',
    text: button.querySelector('.text')?.textContent?.trim() ?? '',
  }));
  return {
    frame,
    viewBox: { x: view.x, y: view.y, width: view.width, height: view.height },
    outside,
    overlaps,
    cut,
    written,
    listed,
    numbered,
    inView,
  };
}

/** Waits until the picture has been laid out for its frame's current width. */
async function settled(page: Page): Promise<void> {
  await page.locator('nk-ring-picture[interactive] .frame svg').waitFor();
  await expect
    .poll(() =>
      page.locator('nk-ring-picture[interactive] .frame').evaluate((frame: HTMLElement) => {
        const host = (frame.getRootNode() as ShadowRoot).host as HTMLElement;
        const style = getComputedStyle(host);
        const inner =
          host.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return Number(frame.dataset['width']) === Math.floor(inner / 16) * 16;
      }),
    )
    .toBe(true);
}

/** Every promise of the picture, as a list of broken ones; `labels` maps id → full label. */
function broken(fit: Fit, labels: ReadonlyMap<string, string>): string[] {
  const out = [
    ...fit.outside.map((name) => `outside the frame: ${name}`),
    ...fit.overlaps.map((pair) => `overlap: ${pair}`),
    ...fit.cut.map((name) => `cut short: ${name}`),
  ];
  const squash = (text: string) => text.replace(/\s+/g, '');
  const listed = new Map(fit.listed.map((item) => [item.id, item]));
  for (const [id, label] of labels) {
    const written = fit.written[id];
    const item = listed.get(id);
    if (written !== undefined) {
      if (squash(written) !== squash(label)) out.push(`written as "${written}": ${label}`);
      if (item !== undefined) out.push(`both written and listed: ${label}`);
    } else if (item === undefined) out.push(`neither written nor listed: ${label}`);
    else {
      if (!item.text.startsWith(`${label},`)) out.push(`listed as "${item.text}": ${label}`);
      if (fit.inView.includes(id) && !fit.numbered.includes(id))
        out.push(`listed but no number in the picture: ${label}`);
    }
  }
  return out;
}

describe('the ring picture fits its frame', () => {
  let server: TestServer;
  let browser: TestBrowser;
  const entries = sixtyEntries();
  // Ended people are hidden by default; the picture shows the 58 who help now.
  const labels = new Map(
    entries.filter((entry) => entry.active).map((entry) => [entry.id, entry.label]),
  );

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser({ viewport: WIDTHS[0] });
    const { page } = browser;
    await register(page, server.url, 'passend', 'zes groene kikkers in de sloot');
    await confirmRecovery(page);
    await createMap(page, 'Kaart van Meriam');
    await seedMap(page, {
      entries,
      centre: { parents: ['Meriam', 'Micha'], children: ['Mera', 'Meram'] },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it.each(WIDTHS)(
    'at $width × $height every label is whole and in the frame, or listed',
    async (size) => {
      const { page } = browser;
      await page.setViewportSize(size);
      await settled(page);
      const fit = await page.evaluate(measure);
      expect(broken(fit, labels)).toEqual([]);
      expect(fit.frame.width).toBeGreaterThan(size.width * 0.5);
      expect(fit.frame.x + fit.frame.width).toBeLessThanOrEqual(size.width);
      await page
        .locator('nk-ring-picture[interactive]')
        .screenshot({ path: join(SHOTS, `picture-and-list-${size.width}.png`) });
      await page
        .locator('nk-ring-picture[interactive] svg.picture')
        .screenshot({ path: join(SHOTS, `picture-${size.width}.png`) });
      await page.screenshot({ path: join(SHOTS, `page-${size.width}.png`), fullPage: true });
      console.log(
        `picture-fit ${size.width}px: frame ${Math.round(fit.frame.width)} px, ` +
          `${Object.keys(fit.written).length} written out, ${fit.listed.length} listed`,
      );
      expect(browser.problems).toEqual([]);
    },
  );

  it('zooms by keyboard and buttons, pans with Shift + arrows, and stays inside the frame', async () => {
    const { page } = browser;
    await page.setViewportSize(WIDTHS[0]);
    await settled(page);
    const whole = (await page.evaluate(measure)).viewBox;
    const inWhole = (view: Fit['viewBox']) =>
      view.x >= whole.x - 0.01 &&
      view.y >= whole.y - 0.01 &&
      view.x + view.width <= whole.x + whole.width + 0.01 &&
      view.y + view.height <= whole.y + whole.height + 0.01;

    await page.locator('nk-ring-picture[interactive] g.entry[tabindex="0"]').focus();
    await page.keyboard.press('+');
    const zoomed = await page.evaluate(measure);
    expect(zoomed.viewBox.width).toBeCloseTo(whole.width / 1.5, 1);
    expect(inWhole(zoomed.viewBox)).toBe(true);
    expect(broken(zoomed, labels)).toEqual([]);

    await page.keyboard.press('+');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const panned = await page.evaluate(measure);
    expect(panned.viewBox.width).toBeCloseTo(whole.width / 2.25, 1);
    expect(panned.viewBox.x).not.toBeCloseTo(zoomed.viewBox.x, 1);
    expect(inWhole(panned.viewBox)).toBe(true);
    expect(broken(panned, labels)).toEqual([]);
    // Far past the edge: the view stops at the picture's edge.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowDown');
    const edge = await page.evaluate(measure);
    expect(edge.viewBox.y + edge.viewBox.height).toBeCloseTo(whole.y + whole.height, 1);
    expect(broken(edge, labels)).toEqual([]);
    await page
      .locator('nk-ring-picture[interactive] svg.picture')
      .screenshot({ path: join(SHOTS, 'picture-390-zoomed.png') });

    await page.keyboard.press('0');
    expect((await page.evaluate(measure)).viewBox).toEqual(whole);
    // "+ Groter" zooms the same way, and "Hele kaart" goes back.
    await page.getByRole('button', { name: 'Groter' }).click();
    const bigger = await page.evaluate(measure);
    expect(bigger.viewBox.width).toBeLessThan(whole.width);
    expect(broken(bigger, labels)).toEqual([]);
    await page.getByRole('button', { name: 'Hele kaart' }).click();
    expect((await page.evaluate(measure)).viewBox).toEqual(whole);
    expect(browser.problems).toEqual([]);
  });

  it('zooms with two fingers and drags with one, inside the frame', async () => {
    const { page } = browser;
    await page.setViewportSize(WIDTHS[0]);
    await settled(page);
    const whole = (await page.evaluate(measure)).viewBox;
    const svg = page.locator('nk-ring-picture[interactive] svg.picture');
    // Touch pointers as a phone sends them: two fingers spread apart, then one finger drags.
    await svg.evaluate((element: SVGSVGElement) => {
      const box = element.getBoundingClientRect();
      const at = (id: number, type: string, x: number, y: number) =>
        element.dispatchEvent(
          new PointerEvent(type, {
            pointerId: id,
            pointerType: 'touch',
            clientX: box.left + x,
            clientY: box.top + y,
            bubbles: true,
          }),
        );
      const mid = { x: box.width / 2, y: box.height / 2 };
      at(1, 'pointerdown', mid.x - 20, mid.y);
      at(2, 'pointerdown', mid.x + 20, mid.y);
      for (let step = 1; step <= 4; step++) at(2, 'pointermove', mid.x + 20 + step * 10, mid.y);
      at(1, 'pointerup', mid.x - 20, mid.y);
      at(2, 'pointerup', mid.x + 60, mid.y);
    });
    const pinched = await page.evaluate(measure);
    expect(pinched.viewBox.width).toBeLessThan(whole.width * 0.7);
    expect(broken(pinched, labels)).toEqual([]);
    await svg.evaluate((element: SVGSVGElement) => {
      const box = element.getBoundingClientRect();
      const at = (type: string, x: number) =>
        element.dispatchEvent(
          new PointerEvent(type, {
            pointerId: 3,
            pointerType: 'touch',
            clientX: box.left + x,
            clientY: box.top + box.height / 2,
            bubbles: true,
          }),
        );
      at('pointerdown', box.width / 2);
      for (let step = 1; step <= 10; step++) at('pointermove', box.width / 2 + step * 40);
      at('pointerup', box.width / 2 + 400);
    });
    const dragged = await page.evaluate(measure);
    // Dragged to the right as far as it goes: the view stops at the picture's left edge.
    expect(dragged.viewBox.width).toBeCloseTo(pinched.viewBox.width, 1);
    expect(dragged.viewBox.x).toBeCloseTo(whole.x, 1);
    expect(broken(dragged, labels)).toEqual([]);
    await page.getByRole('button', { name: 'Hele kaart' }).click();
    expect(browser.problems).toEqual([]);
  });

  it('opens a person from the numbered list by keyboard', async () => {
    const { page } = browser;
    const fit = await page.evaluate(measure);
    const first = fit.listed[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    const label = labels.get(first.id) ?? '';
    const button = page.locator(
      `nk-ring-picture[interactive] .numbers button[data-id="${first.id}"]`,
    );
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: label }).waitFor();
  });
});

describe('the ring picture in the Samen aan tafel column on a laptop', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ viewport: WIDTHS[2] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('fits the 60 people into the parent seat', async () => {
    const { page } = browser;
    await register(page, server.url, 'tafel-pro', 'vier witte zwanen op het meer', {
      professional: true,
    });
    await confirmRecovery(page);
    await page.getByRole('link', { name: 'Nieuwe kaart met ouder' }).click();
    await page.getByRole('button', { name: 'Geef het apparaat aan de ouder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('tafel-ouder');
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill('blauwe fiets onder de lindeboom');
    await page.getByLabel('Wachtwoordzin nog een keer').fill('blauwe fiets onder de lindeboom');
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
    await page.getByLabel('Ik heb mijn herstelcode bewaard').check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Naam van de kaart').fill('Aan tafel');
    await page.getByRole('button', { name: 'Kaart maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aan tafel' }).waitFor();
    await addPerson(page, {
      label: 'Oma Ria — oma',
      category: 'family',
      ring: 'Heel dichtbij',
      support: [],
    });
    // Then 60 people at once, through the seat's own editor (seedMap finds it in the page).
    await seedMap(page, { entries: sixtyEntries() });
    await settled(page);
    const fit = await page.evaluate(measure);
    const labels = new Map(
      sixtyEntries()
        .filter((entry) => entry.active)
        .map((entry) => [entry.id, entry.label]),
    );
    expect(broken(fit, labels)).toEqual([]);
    await page
      .locator('nk-ring-picture[interactive]')
      .screenshot({ path: join(SHOTS, 'picture-and-list-together-1440.png') });
    await page.screenshot({ path: join(SHOTS, 'page-together-1440.png') });
    console.log(
      `picture-fit together column: frame ${Math.round(fit.frame.width)} px, ` +
        `${Object.keys(fit.written).length} written out, ${fit.listed.length} listed`,
    );
    expect(browser.problems).toEqual([]);
  });
});
