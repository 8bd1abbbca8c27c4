// The ring picture's layout: with many entries no label overlaps another, and every entry sits in
// its own sector and ring — also mirrored for right-to-left, and for random maps of any size.
// Fitted to a frame, every label is written out in full (and readable) or replaced by its number;
// the zoomed view never leaves the picture. Timing is measured in scripts/bench/layout.ts.
import { describe, expect, it } from 'vitest';
import {
  FONT_FLOOR,
  READABLE_PX,
  SECTOR_GROUPS,
  SECTOR_OF,
  angleInSector,
  boxesOverlap,
  layoutRings,
  type Box,
  type LayoutEntry,
  type LayoutText,
  type RingLayout,
} from '../../../../../client/editor/picture/ring-layout.js';
import { textWidth, wrapText } from '../../../../../client/editor/picture/text-measure.js';
import {
  MAX_ZOOM,
  ZOOM_STEP,
  boxInView,
  clampView,
  panBy,
  revealBox,
  zoomAround,
  zoomOf,
} from '../../../../../client/editor/picture/ring-view.js';
import { CATEGORIES, type Ring } from '../../../../../shared/map/types.js';
import { sixtyEntries } from '../../../../e2e/support/sixty.js';

const TEXT: LayoutText = {
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

function asLayoutEntries(): LayoutEntry[] {
  return sixtyEntries().map((entry) => ({ ...entry, ended: !entry.active }));
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1e-6 &&
    inner.y >= outer.y - 1e-6 &&
    inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
    inner.y + inner.height <= outer.y + outer.height + 1e-6
  );
}

/** Every rule the picture promises, as a list of broken ones (empty when all hold). */
function problems(layout: RingLayout, entries: readonly LayoutEntry[]): string[] {
  const out: string[] = [];
  if (layout.entries.length !== entries.length) out.push('not every entry was placed');
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const inner = [0, layout.centreRadius, layout.radii[0], layout.radii[1], layout.radii[2]];
  for (const placed of layout.entries) {
    const entry = byId.get(placed.id);
    if (entry === undefined) {
      out.push(`unknown entry ${placed.id}`);
      continue;
    }
    const sector = layout.sectors.find((item) => item.group === SECTOR_OF[entry.category]);
    if (sector === undefined || !angleInSector(placed.angle, sector.start, sector.end)) {
      out.push(`${entry.label} is outside its sector`);
    }
    const from = inner[entry.ring] ?? 0;
    const to = layout.radii[entry.ring - 1] ?? 0;
    if (placed.ring !== entry.ring || placed.radius < from || placed.radius > to) {
      out.push(`${entry.label} is outside ring ${entry.ring}`);
    }
    if (Math.abs(Math.hypot(placed.x, placed.y) - placed.radius) > 1e-6) {
      out.push(`${entry.label}: x/y do not match angle/radius`);
    }
    for (const text of [placed.label, placed.mark]) {
      if (text === null) continue;
      if (!inside(text.box, placed.box)) out.push(`${entry.label}: text outside its own box`);
      for (const line of text.lines) {
        if (textWidth(line, text.fontSize) > text.box.width)
          out.push(`${entry.label}: line too wide`);
      }
      if (text.fontSize < FONT_FLOOR * 0.85 - 1e-9) out.push(`${entry.label}: font below floor`);
    }
    if (!inside(placed.box, layout.viewBox)) out.push(`${entry.label} is cut off by the viewBox`);
    if (Math.hypot(placed.x, placed.y) < layout.centreRadius)
      out.push(`${entry.label} in the centre`);
  }
  const boxes: { name: string; box: Box }[] = [
    ...layout.entries.map((entry) => ({
      name: byId.get(entry.id)?.label ?? entry.id,
      box: entry.box,
    })),
    ...layout.sectors.map((sector) => ({ name: `sector ${sector.group}`, box: sector.label.box })),
    ...layout.ringLabels.map((label) => ({ name: `ring ${label.ring}`, box: label.text.box })),
  ];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (boxesOverlap(a.box, b.box)) out.push(`${a.name} overlaps ${b.name}`);
    }
  }
  for (const sector of layout.sectors) {
    if (!inside(sector.label.box, layout.viewBox)) out.push(`sector ${sector.group} cut off`);
  }
  const turn = layout.sectors.reduce((sum, sector) => sum + (sector.end - sector.start), 0);
  if (Math.abs(turn - Math.PI * 2) > 1e-6) out.push('sectors do not make a full circle');
  return out;
}

/** A small seeded random generator (mulberry32), so failures can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'M.',
  '—',
  'moeder',
  'verloskundige',
  'Buurvrouw',
  'Oma',
  'wijkteam',
  'Jeugdarts',
  'أم',
  'جارة',
  'dr.',
  'van',
  'Oosterhout-Brederode',
  'Kinderopvang',
  'Li',
];

function randomEntries(count: number, seed: number): LayoutEntry[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    label: Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(WORDS)).join(' '),
    category: pick(CATEGORIES),
    ring: pick([1, 2, 3] as const satisfies readonly Ring[]),
    trusted: next() < 0.08,
    ended: next() < 0.1,
  }));
}

describe('ring layout', () => {
  it('places 60 entries without overlapping labels, each in its sector and ring', () => {
    const entries = asLayoutEntries();
    expect(entries).toHaveLength(60);
    const layout = layoutRings(entries, TEXT);
    expect(problems(layout, entries)).toEqual([]);
    expect(layout.fontSize).toBeGreaterThanOrEqual(FONT_FLOOR);
  });

  it('cuts a very long label with "…" (the full text goes in a <title>)', () => {
    const entries = asLayoutEntries();
    const layout = layoutRings(entries, TEXT);
    const long = entries.find((entry) => entry.label.startsWith('Dr. Wilhelmina'));
    const placed = layout.entries.find((entry) => entry.id === long?.id);
    expect(placed?.label.truncated).toBe(true);
    expect(placed?.label.lines).toHaveLength(2);
    expect(placed?.label.lines[1]?.endsWith('…')).toBe(true);
  });

  it('marks the trusted person and ended entries in words, not colour alone', () => {
    const layout = layoutRings(asLayoutEntries(), TEXT);
    const marks = layout.entries.flatMap((entry) => entry.mark?.lines ?? []);
    expect(marks).toContain('★ vertrouwd');
    expect(marks.filter((line) => line === 'gestopt')).toHaveLength(2);
  });

  it('mirrors for right-to-left and keeps every rule', () => {
    const entries = asLayoutEntries();
    const ltr = layoutRings(entries, TEXT);
    const rtl = layoutRings(entries, TEXT, { mirror: true });
    expect(problems(rtl, entries)).toEqual([]);
    const family = (layout: RingLayout) =>
      layout.entries.find((entry) => entry.sector === 'friends')?.x ?? 0;
    // Friends come right after family clockwise in LTR, so to the right; in RTL to the left.
    expect(family(ltr)).toBeGreaterThan(0);
    expect(family(rtl)).toBeLessThan(0);
    expect(rtl.entries[0]?.x).toBeCloseTo(-(ltr.entries[0]?.x ?? 0));
  });

  it('keeps every rule for random maps of 0 to 120 entries', () => {
    for (const [count, seed] of [
      [0, 1],
      [1, 2],
      [3, 3],
      [8, 4],
      [20, 5],
      [35, 6],
      [60, 7],
      [60, 8],
      [90, 9],
      [120, 10],
    ] as const) {
      const entries = randomEntries(count, seed);
      const layout = layoutRings(entries, TEXT, { mirror: seed % 2 === 0 });
      expect(problems(layout, entries), `${count} entries, seed ${seed}`).toEqual([]);
    }
  });

  it('puts all entries of one category in one sector, even when they crowd one ring', () => {
    const entries: LayoutEntry[] = Array.from({ length: 30 }, (_, i) => ({
      id: `f${i}`,
      label: `Familielid nummer ${i + 1}`,
      category: 'family',
      ring: 1,
      trusted: false,
      ended: false,
    }));
    expect(problems(layoutRings(entries, TEXT), entries)).toEqual([]);
  });

  it('draws a blank sheet: equal sectors, no entries', () => {
    const layout = layoutRings(asLayoutEntries(), TEXT, { blank: true });
    expect(layout.entries).toEqual([]);
    const widths = layout.sectors.map((sector) => sector.end - sector.start);
    for (const width of widths) expect(width).toBeCloseTo((Math.PI * 2) / SECTOR_GROUPS.length);
    expect(problems(layout, [])).toEqual([]);
  });
});

describe('text wrapping', () => {
  it('wraps on spaces, keeps a dash with the word before it, and cuts with "…"', () => {
    expect(wrapText('M. — moeder', 60, 12, 2).lines).toEqual(['M. —', 'moeder']);
    expect(wrapText('M. — moeder', 200, 12, 2).lines).toEqual(['M. — moeder']);
    const cut = wrapText('een heel lange naam die niet past op twee regels', 70, 12, 2);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]?.endsWith('…')).toBe(true);
    for (const line of cut.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(70);
  });

  it('breaks a single word that is wider than a line', () => {
    const wrapped = wrapText('Oosterhout-Brederode-Vandenberghe', 80, 12, 3);
    for (const line of wrapped.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(80);
  });
});

describe('ring layout fitted to a frame', () => {
  /** Frames of the editor's picture: a phone, the Samen aan tafel seat, a tablet, a laptop. */
  const FRAMES = [
    { width: 336, height: 717 },
    { width: 512, height: 765 },
    { width: 718, height: 870 },
    { width: 942, height: 942 },
  ];

  /** What fitting adds: whole labels or numbers, numbers 1…n in reading order, readable text. */
  function fitProblems(layout: RingLayout, frame: { width: number; height: number }): string[] {
    const out: string[] = [];
    const scale = Math.min(
      frame.width / layout.viewBox.width,
      frame.height / layout.viewBox.height,
    );
    const numbers = layout.entries.map((entry) => entry.number).sort((a, b) => a - b);
    if (numbers.some((number, i) => number !== i + 1)) out.push('numbers are not 1…n');
    for (const entry of layout.entries) {
      if (entry.label.truncated) out.push(`${entry.id}: label cut short`);
      if (entry.numbered) {
        if (entry.label.lines.join('') !== String(entry.number))
          out.push(`${entry.id}: number not drawn`);
        if (entry.mark !== null) out.push(`${entry.id}: mark beside a number`);
        const node = {
          x: entry.x - entry.nodeRadius,
          y: entry.y - entry.nodeRadius,
          width: entry.nodeRadius * 2,
          height: entry.nodeRadius * 2,
        };
        if (!inside(entry.label.box, { ...node, x: node.x - 1, width: node.width + 2 }))
          out.push(`${entry.id}: number outside its node`);
      } else if (entry.label.fontSize * scale < READABLE_PX - 1e-9) {
        out.push(`${entry.id}: written out at ${(entry.label.fontSize * scale).toFixed(1)} px`);
      }
    }
    if (
      layout.compact &&
      (layout.ringLabels.length > 0 || layout.sectors.some((s) => s.label.lines.length > 0))
    )
      out.push('compact layout still draws names');
    return out;
  }

  it('writes out each label in full or numbers it, at every frame width, without overlaps', () => {
    const entries = asLayoutEntries();
    const modes = new Set<string>();
    for (const frame of FRAMES) {
      for (const mirror of [false, true]) {
        const layout = layoutRings(entries, TEXT, { fit: frame, mirror });
        const where = `${frame.width} px${mirror ? ', mirrored' : ''}`;
        expect(problems(layout, entries), where).toEqual([]);
        expect(fitProblems(layout, frame), where).toEqual([]);
        modes.add(`${layout.compact}/${layout.entries.filter((e) => e.numbered).length}`);
      }
    }
    // The frames are far enough apart to get different pictures.
    expect(modes.size).toBeGreaterThan(1);
  });

  it('writes out a few people on a laptop, and numbers them all on a phone', () => {
    const few = asLayoutEntries().slice(0, 5);
    const laptop = layoutRings(few, TEXT, { fit: { width: 942, height: 942 } });
    expect(laptop.entries.every((entry) => !entry.numbered)).toBe(true);
    expect(laptop.compact).toBe(false);
    const phone = layoutRings(few, TEXT, { fit: { width: 336, height: 717 } });
    expect(phone.entries.every((entry) => entry.numbered)).toBe(true);
    // The long name that print cuts with "…" is numbered on a screen, never cut.
    const long = asLayoutEntries();
    const fitted = layoutRings(long, TEXT, { fit: { width: 1400, height: 1400 } });
    const wilhelmina = fitted.entries.find((entry) => entry.id === long[48]?.id);
    expect(wilhelmina?.numbered).toBe(true);
  });

  it('keeps every rule for random maps of 0 to 120 entries in every frame', () => {
    for (const [count, seed] of [
      [0, 11],
      [1, 12],
      [8, 13],
      [35, 14],
      [90, 15],
      [120, 16],
    ] as const) {
      const entries = randomEntries(count, seed);
      for (const frame of FRAMES) {
        const layout = layoutRings(entries, TEXT, { fit: frame, mirror: seed % 2 === 0 });
        const where = `${count} entries, seed ${seed}, ${frame.width} px`;
        expect(problems(layout, entries), where).toEqual([]);
        expect(fitProblems(layout, frame), where).toEqual([]);
      }
    }
  });
});

describe('the zoomed view', () => {
  const whole = { x: -300, y: -250, width: 600, height: 500 };
  const within = (view: Box) =>
    view.x >= whole.x - 1e-9 &&
    view.y >= whole.y - 1e-9 &&
    view.x + view.width <= whole.x + whole.width + 1e-9 &&
    view.y + view.height <= whole.y + whole.height + 1e-9;

  it('zooms around a point, keeps its proportions and stays inside the picture', () => {
    const view = zoomAround(whole, whole, ZOOM_STEP, 250, 200);
    expect(view.width).toBeCloseTo(400);
    expect(view.height).toBeCloseTo(333.33, 1);
    expect(within(view)).toBe(true);
    // Zoomed around the middle, the middle stays in the middle.
    const middle = zoomAround(whole, whole, 2, 0, 0);
    expect(middle.x + middle.width / 2).toBeCloseTo(0);
    expect(middle.y + middle.height / 2).toBeCloseTo(0);
  });

  it('never zooms out past the whole picture or in past the limit, nor pans off it', () => {
    expect(zoomAround(whole, whole, 0.5, 0, 0)).toEqual(whole);
    const deep = zoomAround(whole, whole, 100, 10, 10);
    expect(zoomOf(deep, whole)).toBeCloseTo(MAX_ZOOM);
    const far = panBy(deep, whole, 10_000, -10_000);
    expect(within(far)).toBe(true);
    expect(far.x + far.width).toBeCloseTo(whole.x + whole.width);
    expect(far.y).toBeCloseTo(whole.y);
    expect(clampView({ ...deep, x: -1e6 }, whole).x).toBeCloseTo(whole.x);
  });

  it('moves just enough to show a box, and tells whether a box is in view', () => {
    const view = zoomAround(whole, whole, 3, 0, 0);
    const box = { x: 150, y: 100, width: 40, height: 30 };
    expect(boxInView(box, view)).toBe(false);
    const shown = revealBox(view, whole, box);
    expect(boxInView(box, shown)).toBe(true);
    expect(shown.width).toBeCloseTo(view.width);
    expect(within(shown)).toBe(true);
  });
});
