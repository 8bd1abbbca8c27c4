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
import { LINE_HEIGHT, TWO_PI, union, type Box, type TextBlock } from './ring-geometry.js';
import { BoxGrid, placeCell, type Obstacles } from './ring-collision.js';
import {
  FONT_FLOOR,
  FONT_SIZES,
  GAP,
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
import { measureTile, type Tile } from './ring-tiles.js';

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

// ---------------------------------------------------------------- one attempt at a font size and scale

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
      const rows = Math.max(1, 1 + Math.floor((outer - inner - tallest) / (tallest * 0.6)));
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

/** One layout at this font size, ring density and growth; null when something does not fit. */
function attempt(
  entries: readonly LayoutEntry[],
  text: LayoutText,
  fontSize: number,
  density: number,
  growth: number,
  blank: boolean,
): RingLayout | null {
  const tiles = entries.map((entry) => measureTile(entry, text, fontSize));
  const centre = centreBlock(text, fontSize, blank);
  const lineHeight = fontSize * LINE_HEIGHT;
  const minBand = blank ? fontSize * 11 : fontSize * 2 + lineHeight * 2 + GAP * 4;
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
  const sectorWidths = sectorNameWidths(text, sectorSize, sectorEm);
  const angles = sectorAngles(tiles, radii, sectorWidths, blank);
  if (angles === null) return null;
  const outerRadius = radii[3] ?? 0;
  const sectors: PlacedSector[] = angles.map((sector) => ({
    ...sector,
    label: sectorLabel(
      sector.group,
      text,
      (sector.start + sector.end) / 2,
      outerRadius + 6,
      sectorSize,
      sectorEm,
    ),
  }));
  const labels = ringLabels(
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
  for (const ring of [1, 2, 3] as const) {
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
    entries: placed,
    fontSize,
    mirrored: false,
  };
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
 * Lays out the picture. Tries each font size with rings as tight as will fit, and keeps the
 * layout whose labels look largest once scaled to its frame. Always succeeds: when nothing fits
 * at the smallest font size, the rings grow (the picture then scales down as a whole).
 */
export function layoutRings(
  entries: readonly LayoutEntry[],
  text: LayoutText,
  options: LayoutOptions = {},
): RingLayout {
  const blank = options.blank === true;
  const list = blank ? [] : entries;
  let best: RingLayout | null = null;
  for (const fontSize of blank ? [FONT_SIZES[0]] : FONT_SIZES) {
    for (const density of DENSITIES) {
      const layout = attempt(list, text, fontSize, density, 1, blank);
      if (layout === null) continue;
      if (best === null || legibility(layout) > legibility(best)) best = layout;
      break;
    }
  }
  for (let growth = 1.15, tries = 0; best === null; growth *= 1.12, tries++) {
    // Growth always makes room in the end; the bound only guards against a bug looping forever.
    if (tries > 100) throw new Error('ring layout: entries do not fit');
    best = attempt(list, text, FONT_FLOOR, DENSITIES[3], growth, blank);
  }
  return options.mirror === true ? mirror(best) : best;
}
