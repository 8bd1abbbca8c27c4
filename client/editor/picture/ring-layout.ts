/**
 * Where everything goes in the ring picture: the centre, three closeness rings, one sector per
 * group of categories, and every entry as a node with its label. Pure (no DOM), so it is tested
 * in Node. Units are SVG user units; angles are radians clockwise from 12 o'clock.
 *
 * Labels never overlap: each entry is placed in its own sector and ring at the free spot nearest
 * to its ideal one, checked against everything placed before it. When a cell is full the labels
 * get smaller (down to a floor) and then the rings grow, until everything fits.
 *
 * This file sizes the rings and sectors; ring-tiles.ts fits an entry's label, ring-names.ts the
 * fixed words, ring-collision.ts finds free spots. Callers import all of it from here.
 */
import { LINE_HEIGHT, TWO_PI, point, union, type Box, type TextBlock } from './ring-geometry.js';
import { BoxGrid, placeCell, type Obstacles } from './ring-collision.js';
import {
  FONT_FLOOR,
  FONT_SIZES,
  GAP,
  READABLE_PX,
  SECTOR_GROUPS,
  type LayoutEntry,
  type LayoutOptions,
  type LayoutText,
  type PlacedEntry,
  type PlacedSector,
  type RingLayout,
  type SectorGroup,
} from './ring-layout-types.js';
import { centreBlock, ringLabels, sectorLabel, sectorNameWidths } from './ring-names.js';
import { measureTile, numberBlock, type Tile } from './ring-tiles.js';

export {
  angleInSector,
  baselines,
  boxesOverlap,
  type Box,
  type TextBlock,
} from './ring-geometry.js';
export * from './ring-layout-types.js';

/** Shares of a ring's area that labels may fill, tried from dense (small picture) to loose. */
const DENSITIES = [0.6, 0.48, 0.38, 0.3] as const;
/** Nodes alone pack closer than labels of uneven widths. */
const DENSE = [0.9, 0.75, ...DENSITIES] as const;

// ---------------------------------------------------------------- one attempt at a font size and scale

/** The font size a cell's tiles were measured at (their node radius). */
function fontSizeOf(cell: readonly Tile[]): number {
  return cell[0]?.nodeRadius ?? 0;
}

/** Angles of the sectors, each wide enough for its busiest ring; null when they need more than a turn. */
function sectorAngles(
  tiles: readonly Tile[],
  radii: readonly number[],
  sectorWidths: Readonly<Record<SectorGroup, number>>,
  blank: boolean,
): { group: SectorGroup; start: number; end: number }[] | null {
  const needs = SECTOR_GROUPS.map((group) => {
    if (blank) return 1;
    let need = sectorWidths[group] / ((radii[3] ?? 1) + 20);
    for (let ring = 1; ring <= 3; ring++) {
      const cell = tiles.filter((tile) => tile.sector === group && tile.entry.ring === ring);
      if (cell.length === 0) continue;
      const inner = radii[ring - 1] ?? 0;
      const outer = radii[ring] ?? 0;
      const tallest = Math.max(...cell.map((tile) => tile.height));
      // Staggered rows of tiles, as many as the band holds and as placeCell has room to centre.
      const centres = outer - inner - 2 * (fontSizeOf(cell) + 3) - fontSizeOf(cell) * 0.3;
      const rows = Math.max(
        1,
        1 +
          Math.min(
            Math.floor((outer - inner - tallest) / (tallest * 0.6)),
            Math.floor(centres / (tallest * 0.6)),
          ),
      );
      const width = cell.reduce((sum, tile) => sum + tile.half * 2 + GAP, 0);
      need = Math.max(need, width / (rows * ((inner + outer) / 2)));
    }
    return need + 0.12;
  });
  const total = needs.reduce((sum, need) => sum + need, 0);
  if (!blank && total > TWO_PI) return null;
  const scale = TWO_PI / total;
  const first = (needs[0] ?? 0) * scale;
  let start = -first / 2;
  return SECTOR_GROUPS.map((group, i) => {
    const width = (needs[i] ?? 0) * scale;
    const sector = { group, start, end: start + width };
    start += width;
    return sector;
  });
}

/** Which entries show their number instead of their label, and whether names leave the picture. */
interface Mode {
  /** Given the entry's full tile: draw only the node with its number. */
  readonly numbered: (tile: Tile) => boolean;
  /** No sector or ring names in the picture, and narrow rings for nodes alone. */
  readonly compact: boolean;
}

const WRITTEN_OUT: Mode = { numbered: () => false, compact: false };

function tileFor(entry: LayoutEntry, text: LayoutText, fontSize: number, mode: Mode): Tile {
  const full = measureTile(entry, text, fontSize);
  return mode.numbered(full) ? measureTile(entry, text, fontSize, true) : full;
}

/**
 * One layout of these tiles (measured at `fontSize`) at this ring density and growth; null when
 * something does not fit. A `dry` run sizes rings and sectors but places no one: a lower bound.
 */
function attempt(
  tiles: readonly Tile[],
  text: LayoutText,
  fontSize: number,
  density: number,
  growth: number,
  blank: boolean,
  mode: Mode,
  dry = false,
): RingLayout | null {
  const centre = centreBlock(text, fontSize, blank);
  const lineHeight = fontSize * LINE_HEIGHT;
  const anyLabel = tiles.some((tile) => !tile.numbered);
  const minBand = blank
    ? fontSize * 11
    : anyLabel
      ? fontSize * 2 + lineHeight * 2 + GAP * 4
      : fontSize * 3 + GAP * 2;
  const radii = [centre.radius];
  for (let ring = 1; ring <= 3; ring++) {
    const inner = radii[ring - 1] ?? 0;
    const area = tiles
      .filter((tile) => tile.entry.ring === ring)
      .reduce((sum, tile) => sum + (tile.half * 2 + GAP) * (tile.height + GAP), 0);
    const outer = Math.max(inner + minBand, Math.sqrt(inner * inner + area / density / Math.PI));
    radii.push(inner + (outer - inner) * growth);
  }
  const sectorSize = fontSize * (blank ? 1.35 : 1.05);
  const sectorEm = 8;
  const sectorWidths = mode.compact
    ? (Object.fromEntries(SECTOR_GROUPS.map((group) => [group, 0])) as Record<SectorGroup, number>)
    : sectorNameWidths(text, sectorSize, sectorEm);
  const angles = sectorAngles(tiles, radii, sectorWidths, blank);
  if (angles === null) return null;
  const outerRadius = radii[3] ?? 0;
  const sectors: PlacedSector[] = angles.map((sector) => ({
    ...sector,
    label: mode.compact
      ? unwritten(point((sector.start + sector.end) / 2, outerRadius), sectorSize)
      : sectorLabel(
          sector.group,
          text,
          (sector.start + sector.end) / 2,
          outerRadius + 6,
          sectorSize,
          sectorEm,
        ),
  }));
  const labels = mode.compact
    ? []
    : ringLabels(
        text,
        radii,
        angles.map((sector) => sector.end),
        fontSize,
        blank,
      );
  const obstacles: Obstacles = {
    grid: new BoxGrid([
      ...sectors.map((sector) => sector.label.box),
      ...labels.map((label) => label.text.box),
    ]),
    centreRadius: centre.radius,
  };

  const placed: PlacedEntry[] = [];
  for (const ring of dry ? [] : ([1, 2, 3] as const)) {
    const inner = radii[ring - 1] ?? 0;
    const outer = radii[ring] ?? 0;
    for (const sector of angles) {
      const cell = tiles.filter((tile) => tile.sector === sector.group && tile.entry.ring === ring);
      if (cell.length === 0) continue;
      const cellPlaced = placeCell(cell, ring, sector, inner, outer, fontSize, obstacles);
      if (cellPlaced === null) return null;
      placed.push(...cellPlaced);
    }
  }

  const everything = [
    { x: -outerRadius, y: -outerRadius, width: outerRadius * 2, height: outerRadius * 2 },
    ...sectors.map((sector) => sector.label.box),
    ...placed.map((entry) => entry.box),
  ];
  const bounds = union(everything);
  const margin = 8;
  return {
    viewBox: {
      x: bounds.x - margin,
      y: bounds.y - margin,
      width: bounds.width + margin * 2,
      height: bounds.height + margin * 2,
    },
    centreRadius: centre.radius,
    centre: centre.text,
    radii: [radii[1] ?? 0, radii[2] ?? 0, radii[3] ?? 0],
    sectors,
    ringLabels: labels,
    entries: numbered(placed),
    fontSize,
    mirrored: false,
    compact: mode.compact,
  };
}

/** A name left out of the picture: no lines, an empty box at its place. */
function unwritten(at: { x: number; y: number }, fontSize: number): TextBlock {
  const lineHeight = fontSize * LINE_HEIGHT;
  const box = { x: at.x, y: at.y, width: 0, height: 0 };
  return { lines: [], x: at.x, fontSize, lineHeight, bold: true, box, truncated: false };
}

/** Numbers the entries in reading order (sector by sector, inside out, clockwise). */
function numbered(placed: readonly PlacedEntry[]): PlacedEntry[] {
  const order = [...placed].sort(
    (a, b) =>
      SECTOR_GROUPS.indexOf(a.sector) - SECTOR_GROUPS.indexOf(b.sector) ||
      a.ring - b.ring ||
      a.angle - b.angle,
  );
  const numbers = new Map(order.map((entry, i) => [entry.id, i + 1]));
  return placed.map((entry) => {
    const withNumber = { ...entry, number: numbers.get(entry.id) ?? 0 };
    return entry.numbered ? { ...withNumber, label: numberBlock(withNumber) } : withNumber;
  });
}

// ---------------------------------------------------------------- mirroring and the entry point

function mirrorBox(box: Box): Box {
  return { ...box, x: -(box.x + box.width) };
}

function mirrorText(text: TextBlock): TextBlock {
  return { ...text, x: -text.x, box: mirrorBox(text.box) };
}

function mirror(layout: RingLayout): RingLayout {
  return {
    ...layout,
    mirrored: true,
    viewBox: mirrorBox(layout.viewBox),
    centre: mirrorText(layout.centre),
    sectors: layout.sectors.map((sector) => ({
      ...sector,
      start: -sector.end,
      end: -sector.start,
      label: mirrorText(sector.label),
    })),
    ringLabels: layout.ringLabels.map((label) => ({ ...label, text: mirrorText(label.text) })),
    entries: layout.entries.map((entry) => ({
      ...entry,
      angle: -entry.angle,
      x: -entry.x,
      label: mirrorText(entry.label),
      mark: entry.mark === null ? null : mirrorText(entry.mark),
      box: mirrorBox(entry.box),
    })),
  };
}

/** How large the labels look once the picture is scaled to fit a square frame. */
function legibility(layout: RingLayout): number {
  return layout.fontSize / Math.max(layout.viewBox.width, layout.viewBox.height);
}

/**
 * The tightest layout at these font sizes (largest first); at the floor the rings grow until
 * everything fits. Everything in the picture scales with the font size, so a smaller one is tried
 * only when a larger one needed growth.
 */
function tightest(
  entries: readonly LayoutEntry[],
  text: LayoutText,
  fontSizes: readonly number[],
  blank: boolean,
  mode: Mode,
): RingLayout {
  let best: RingLayout | null = null;
  let tiles: Tile[] = [];
  for (const fontSize of fontSizes) {
    tiles = entries.map((entry) => tileFor(entry, text, fontSize, mode));
    for (const density of mode.compact ? DENSE : DENSITIES) {
      const layout = attempt(tiles, text, fontSize, density, 1, blank, mode);
      if (layout === null) continue;
      if (best === null || legibility(layout) > legibility(best)) best = layout;
      break;
    }
    if (best !== null) break;
  }
  const floor = fontSizes[fontSizes.length - 1] ?? FONT_FLOOR;
  for (let growth = 1.15, tries = 0; best === null; growth *= 1.12, tries++) {
    // Growth always makes room in the end; the bound only guards against a bug looping forever.
    if (tries > 100) throw new Error('ring layout: entries do not fit');
    best = attempt(tiles, text, floor, DENSITIES[3], growth, blank, mode);
  }
  return best;
}

/** The smallest the picture can be in this mode (rings and sectors sized, no one placed). */
function lowerBound(
  entries: readonly LayoutEntry[],
  text: LayoutText,
  fontSize: number,
  mode: Mode,
): RingLayout | null {
  const tiles = entries.map((entry) => tileFor(entry, text, fontSize, mode));
  for (const density of mode.compact ? DENSE : DENSITIES) {
    const layout = attempt(tiles, text, fontSize, density, 1, false, mode, true);
    if (layout !== null) return layout;
  }
  return null;
}

/** CSS pixels per SVG unit once the whole picture is scaled into the frame. */
function scaleIn(layout: RingLayout, frame: { width: number; height: number }): number {
  return Math.min(frame.width / layout.viewBox.width, frame.height / layout.viewBox.height);
}

/**
 * The ways to draw the picture in a frame, from most written out to most compact: all labels
 * (cut ones numbered); long labels numbered; all numbered; all numbered without sector names.
 */
const FIT_MODES: readonly Mode[] = [
  { numbered: (tile) => tile.label.truncated, compact: false },
  {
    numbered: (tile) => tile.label.truncated || tile.half * 2 > tile.nodeRadius * 7,
    compact: false,
  },
  { numbered: () => true, compact: false },
  { numbered: () => true, compact: true },
];

/** The first mode whose labels (or numbers) come out readable in the frame; else the last. */
function fitted(
  entries: readonly LayoutEntry[],
  text: LayoutText,
  frame: { width: number; height: number },
): RingLayout {
  const fontSize = FONT_SIZES[0];
  let layout: RingLayout | null = null;
  for (const [i, mode] of FIT_MODES.entries()) {
    const last = i === FIT_MODES.length - 1;
    // When even the rings without anyone placed come out too small, skip the mode.
    const bound = lowerBound(entries, text, fontSize, mode);
    if (!last && (bound === null || fontSize * scaleIn(bound, frame) < READABLE_PX * 0.9)) continue;
    layout = tightest(entries, text, [fontSize], false, mode);
    const allNumbered = layout.entries.every((entry) => entry.numbered);
    const shown = allNumbered ? (layout.entries[0]?.label.fontSize ?? fontSize) : fontSize;
    if (shown * scaleIn(layout, frame) >= READABLE_PX * (allNumbered ? 0.9 : 1)) return layout;
  }
  return layout ?? tightest(entries, text, [fontSize], false, FIT_MODES[0] ?? WRITTEN_OUT);
}

/**
 * Lays out the picture. Without a frame: tries each font size with rings as tight as will fit,
 * and keeps the layout whose labels look largest once scaled to its frame. Always succeeds: when
 * nothing fits at the smallest font size, the rings grow (the picture then scales down as a
 * whole). With a frame: see `fitted`.
 */
export function layoutRings(
  entries: readonly LayoutEntry[],
  text: LayoutText,
  options: LayoutOptions = {},
): RingLayout {
  const blank = options.blank === true;
  const list = blank ? [] : entries;
  const best =
    options.fit !== undefined && !blank
      ? fitted(list, text, options.fit)
      : tightest(list, text, blank ? [FONT_SIZES[0]] : FONT_SIZES, blank, WRITTEN_OUT);
  return options.mirror === true ? mirror(best) : best;
}
