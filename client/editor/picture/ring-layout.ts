/**
 * Where everything goes in the ring picture: the centre, three closeness rings, one sector per
 * group of categories, and every entry as a node with its label. Pure (no DOM), so it is tested
 * in Node. Units are SVG user units; angles are radians clockwise from 12 o'clock.
 *
 * Labels never overlap: each entry is placed in its own sector and ring at the free spot nearest
 * to its ideal one, checked against everything placed before it. When a cell is full the labels
 * get smaller (down to a floor) and then the rings grow, until everything fits.
 */
import type { Category, Ring } from '../../../shared/map/types.js';
import {
  LINE_HEIGHT,
  TWO_PI,
  block,
  farthestDistance,
  moveBlock,
  nearestDistance,
  point,
  union,
  boxesOverlap,
  type Box,
  type TextBlock,
} from './ring-geometry.js';
import { longestWord, textWidth, wrapText, type WrappedText } from './text-measure.js';

export {
  angleInSector,
  baselines,
  boxesOverlap,
  type Box,
  type TextBlock,
} from './ring-geometry.js';

/** Sectors of the picture, clockwise from the top: the parent's own people, places, professionals. */
export const SECTOR_GROUPS = [
  'family',
  'friends',
  'parents',
  'community',
  'places',
  'social',
  'public-health',
  'medical',
] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

/** The sector of each category (work and study sit with friends, volunteers with the community). */
export const SECTOR_OF: Readonly<Record<Category, SectorGroup>> = {
  family: 'family',
  friends: 'friends',
  'work-study': 'friends',
  'other-parents': 'parents',
  community: 'community',
  volunteers: 'community',
  'places-services': 'places',
  'childcare-school': 'social',
  'pro-social': 'social',
  'pro-public-health': 'public-health',
  'pro-medical': 'medical',
};

/** What the layout needs to know of an entry. */
export interface LayoutEntry {
  readonly id: string;
  readonly label: string;
  readonly category: Category;
  readonly ring: Ring;
  readonly trusted: boolean;
  /** The agreed borger (shown with a diamond and the `borger` text). */
  readonly borger?: boolean;
  /** No longer involved (shown greyed, with the `ended` text). */
  readonly ended: boolean;
}

/** The words the picture shows, in the current language. */
export interface LayoutText {
  readonly sectorNames: Readonly<Record<SectorGroup, string>>;
  readonly ringNames: Readonly<Record<Ring, string>>;
  /** Under a trusted person's label, after a star, e.g. "vertrouwd". */
  readonly trusted: string;
  /** Under the borger's label, after a diamond, e.g. "borger". */
  readonly borger?: string;
  /** Under an ended entry's label, e.g. "gestopt". */
  readonly ended: string;
  /** Lines in the centre circle; the first is bold. */
  readonly centre: readonly string[];
}

export interface LayoutOptions {
  /** Right-to-left: the picture is mirrored, sectors run counter-clockwise. */
  readonly mirror?: boolean;
  /** The empty sheet for paper: equal sectors and wide rings to write in. */
  readonly blank?: boolean;
}

export interface PlacedEntry {
  readonly id: string;
  readonly sector: SectorGroup;
  readonly ring: Ring;
  /** Of the node's centre. */
  readonly angle: number;
  readonly radius: number;
  readonly x: number;
  readonly y: number;
  readonly nodeRadius: number;
  readonly label: TextBlock;
  /** The "★ vertrouwd", "◆ borger" or "gestopt" line, if any. */
  readonly mark: TextBlock | null;
  /** Everything the entry draws: node, star, label and mark. */
  readonly box: Box;
}

export interface PlacedSector {
  readonly group: SectorGroup;
  /** Angles in radians, `start` < `end`; `start` may be negative. */
  readonly start: number;
  readonly end: number;
  readonly label: TextBlock;
}

export interface RingLayout {
  readonly viewBox: Box;
  readonly centreRadius: number;
  readonly centre: TextBlock;
  /** Outer radius of rings 1, 2 and 3. */
  readonly radii: readonly [number, number, number];
  readonly sectors: readonly PlacedSector[];
  readonly ringLabels: readonly { readonly ring: Ring; readonly text: TextBlock }[];
  readonly entries: readonly PlacedEntry[];
  /** The labels' font size (the largest that fitted). */
  readonly fontSize: number;
  readonly mirrored: boolean;
}

/** Label font sizes tried, largest first; the last is the floor. */
export const FONT_SIZES = [13, 12, 11, 10] as const;
export const FONT_FLOOR = 10;
/** Free space kept around every box. */
export const GAP = 4;
/** Shares of a ring's area that labels may fill, tried from dense (small picture) to loose. */
const DENSITIES = [0.6, 0.48, 0.38, 0.3] as const;

// ---------------------------------------------------------------- tiles (an entry's node and label)

interface Tile {
  readonly entry: LayoutEntry;
  readonly sector: SectorGroup;
  readonly nodeRadius: number;
  readonly label: WrappedText;
  readonly mark: WrappedText | null;
  readonly markSize: number;
  /** Half the width; the tile is centred on the node. */
  readonly half: number;
  /** From the node's centre up to the tile's top (the star badge sticks out above the node). */
  readonly above: number;
  readonly height: number;
}

function markParts(entry: LayoutEntry, text: LayoutText): string[] {
  const parts = [
    entry.trusted ? `★ ${text.trusted}` : '',
    entry.borger === true ? `◆ ${text.borger ?? 'borger'}` : '',
    entry.ended ? text.ended : '',
  ];
  return parts.filter((part) => part !== '');
}

/** The marks on one line ("★ vertrouwd · gestopt"), or one mark a line when that is too wide. */
function wrapMark(
  parts: readonly string[],
  maxWidth: number,
  fontSize: number,
): WrappedText | null {
  if (parts.length === 0) return null;
  const joined = parts.join(' · ');
  if (parts.length === 1 || textWidth(joined, fontSize) <= maxWidth)
    return wrapText(joined, maxWidth, fontSize, 1);
  const lines = parts.map((part) => wrapText(part, maxWidth, fontSize, 1));
  return {
    lines: lines.flatMap((line) => line.lines),
    truncated: lines.some((line) => line.truncated),
    width: Math.max(...lines.map((line) => line.width)),
  };
}

function measureTile(entry: LayoutEntry, text: LayoutText, fontSize: number): Tile {
  const nodeRadius = fontSize;
  // Lines of about 9 em; a bit wider when that keeps a long word whole ("Kraamzorgconsulent").
  const maxWidth = Math.min(
    fontSize * 12,
    Math.max(fontSize * 9, longestWord(entry.label, fontSize)),
  );
  const label = wrapText(entry.label, maxWidth, fontSize, 2);
  const markSize = fontSize * 0.85;
  const mark = wrapMark(markParts(entry, text), maxWidth, markSize);
  const badge = entry.trusted || entry.borger === true ? nodeRadius * 1.4 : nodeRadius;
  const half = Math.max(badge, label.width / 2, (mark?.width ?? 0) / 2) + 1;
  const labelHeight = label.lines.length * fontSize * LINE_HEIGHT;
  const markHeight = mark === null ? 0 : mark.lines.length * markSize * LINE_HEIGHT;
  return {
    entry,
    sector: SECTOR_OF[entry.category],
    nodeRadius,
    label,
    mark,
    markSize,
    half,
    above: badge,
    height: badge + nodeRadius + 2 + labelHeight + markHeight,
  };
}

function tileBox(tile: Tile, x: number, y: number): Box {
  return { x: x - tile.half, y: y - tile.above, width: tile.half * 2, height: tile.height };
}

function placeTile(tile: Tile, ring: Ring, angle: number, radius: number): PlacedEntry {
  const { x, y } = point(angle, radius);
  const fontSize = tile.nodeRadius;
  const label = block(tile.label, x, y + tile.nodeRadius + 2, fontSize, false);
  const mark =
    tile.mark === null
      ? null
      : block(tile.mark, x, label.box.y + label.box.height, tile.markSize, false);
  return {
    id: tile.entry.id,
    sector: tile.sector,
    ring,
    angle,
    radius,
    x,
    y,
    nodeRadius: tile.nodeRadius,
    label,
    mark,
    box: tileBox(tile, x, y),
  };
}

// ---------------------------------------------------------------- one attempt at a font size and scale

interface Obstacles {
  readonly boxes: Box[];
  readonly centreRadius: number;
}

function collides(box: Box, obstacles: Obstacles): boolean {
  if (nearestDistance(box) < obstacles.centreRadius + GAP) return true;
  return obstacles.boxes.some((other) => boxesOverlap(box, other, GAP));
}

function centreBlock(
  text: LayoutText,
  fontSize: number,
  blank: boolean,
): { text: TextBlock; radius: number } {
  const size = fontSize * (blank ? 1.3 : 1.05);
  const lines: string[] = [];
  let truncated = false;
  text.centre.forEach((line, i) => {
    const wrapped = wrapText(line, size * 10, size, i === 0 ? 1 : 2, i === 0);
    lines.push(...wrapped.lines);
    truncated ||= wrapped.truncated;
  });
  const width = Math.max(0, ...lines.map((line, i) => textWidth(line, size, i === 0)));
  const height = lines.length * size * LINE_HEIGHT;
  // On the blank sheet the centre has room to write two names in.
  const radius = Math.max(fontSize * (blank ? 6 : 3.6), Math.hypot(width / 2 + 2, height / 2) + 6);
  const wrapped: WrappedText = { lines, truncated, width };
  // The first line is bold; its width is counted above, so one bold flag for the block is enough.
  return { text: block(wrapped, 0, -height / 2, size, true), radius };
}

function sectorLabel(
  group: SectorGroup,
  text: LayoutText,
  angle: number,
  radius: number,
  size: number,
  maxEm: number,
): TextBlock {
  const name = text.sectorNames[group];
  // Wide enough for the longest word, so "Consultatiebureau" is not broken in two.
  const lineWidth = Math.min(size * 12, Math.max(size * maxEm, longestWord(name, size, true)));
  const wrapped = wrapText(name, lineWidth, size, 3, true);
  const s = Math.sin(angle);
  const c = Math.cos(angle);
  const width = wrapped.width + 2;
  const height = wrapped.lines.length * size * LINE_HEIGHT;
  let centre = point(angle, radius);
  centre = { x: centre.x + (s * width) / 2, y: centre.y - (c * height) / 2 };
  let label = block(wrapped, centre.x, centre.y - height / 2, size, true);
  // Push outwards until no corner reaches into the rings.
  for (let i = 0; i < 200 && nearestDistance(label.box) < radius; i++) {
    label = moveBlock(label, s * 2, -c * 2);
  }
  return label;
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
  const sectorWidths = Object.fromEntries(
    SECTOR_GROUPS.map((group) => [
      group,
      Math.min(
        Math.max(sectorSize * sectorEm, longestWord(text.sectorNames[group], sectorSize, true)),
        textWidth(text.sectorNames[group], sectorSize, true),
      ),
    ]),
  ) as Record<SectorGroup, number>;
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
  const obstacles: Obstacles = {
    boxes: sectors.map((sector) => sector.label.box),
    centreRadius: centre.radius,
  };

  // Ring names sit on the sector border nearest to the bottom, where they read along the ring.
  const bottom = angles
    .map((sector) => sector.end)
    .reduce((best, angle) => (Math.abs(angle - Math.PI) < Math.abs(best - Math.PI) ? angle : best));
  const ringLabels = ([1, 2, 3] as const).map((ring) => {
    const size = fontSize * (blank ? 1.05 : 0.85);
    const wrapped = wrapText(text.ringNames[ring], size * 12, size, 1);
    const mid = point(bottom, ((radii[ring - 1] ?? 0) + (radii[ring] ?? 0)) / 2);
    const height = size * LINE_HEIGHT;
    return { ring, text: block(wrapped, mid.x, mid.y - height / 2, size, false) };
  });
  obstacles.boxes.push(...ringLabels.map((label) => label.text.box));

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
    ringLabels,
    entries: placed,
    fontSize,
    mirrored: false,
  };
}

/** Places the entries of one sector in one ring; null when they do not all fit. */
function placeCell(
  cell: readonly Tile[],
  ring: Ring,
  sector: { start: number; end: number },
  inner: number,
  outer: number,
  fontSize: number,
  obstacles: Obstacles,
): PlacedEntry[] | null {
  const node = fontSize + 3;
  const rMin = inner + node + fontSize * 0.3;
  const rMax = outer - node;
  if (rMin > rMax) return null;
  // Candidate spots: rows across the band, and steps along each row.
  const rowCount = Math.max(1, Math.min(24, Math.ceil((rMax - rMin) / (fontSize * 0.9)) + 1));
  const spots: { angle: number; radius: number }[] = [];
  for (let row = 0; row < rowCount; row++) {
    const radius =
      rowCount === 1 ? (rMin + rMax) / 2 : rMin + ((rMax - rMin) * row) / (rowCount - 1);
    const margin = node / radius;
    const from = sector.start + margin;
    const to = sector.end - margin;
    if (from > to) continue;
    const steps = Math.max(1, Math.min(120, Math.ceil(((to - from) * radius) / (fontSize * 0.7))));
    for (let step = 0; step <= steps; step++) {
      spots.push({ angle: from + ((to - from) * step) / steps, radius });
    }
  }
  if (spots.length === 0) return null;

  // Ideal spots: spread evenly along the sector, in as many staggered rows as the cell needs.
  const mid = (inner + outer) / 2;
  const arc = (sector.end - sector.start) * mid;
  const width = cell.reduce((sum, tile) => sum + tile.half * 2 + GAP, 0);
  const rows = Math.max(1, Math.min(3, Math.ceil(width / Math.max(arc, 1))));
  const out: PlacedEntry[] = [];
  for (const [i, tile] of cell.entries()) {
    const idealAngle = sector.start + ((i + 0.5) / cell.length) * (sector.end - sector.start);
    const idealRadius = rows === 1 ? mid : rMin + (((i % rows) + 0.5) / rows) * (rMax - rMin);
    const scored = spots.map((spot) => {
      const { x, y } = point(spot.angle, spot.radius);
      const box = tileBox(tile, x, y);
      const outside =
        Math.max(0, farthestDistance(box) - outer) + Math.max(0, inner - nearestDistance(box));
      const cost =
        Math.abs(spot.angle - idealAngle) * mid + Math.abs(spot.radius - idealRadius) + outside * 3;
      return { spot, box, cost };
    });
    scored.sort((a, b) => a.cost - b.cost);
    const free = scored.find((candidate) => !collides(candidate.box, obstacles));
    if (free === undefined) return null;
    const entry = placeTile(tile, ring, free.spot.angle, free.spot.radius);
    obstacles.boxes.push(entry.box);
    out.push(entry);
  }
  return out;
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
