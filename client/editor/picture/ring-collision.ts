/**
 * Collision: where an entry's tile may go without touching the centre or anything placed before
 * it. Each entry takes the free spot nearest to its ideal one in its sector and ring.
 *
 * Kept about linear in the number of entries: boxes sit in a grid of buckets, so a check looks
 * only at its neighbours; and an entry scores only the spots near its ideal one, widening the
 * search window only when all of those are taken.
 */
import type { Ring } from '../../../shared/map/types.js';
import {
  boxesOverlap,
  farthestDistance,
  nearestDistance,
  point,
  type Box,
} from './ring-geometry.js';
import { GAP, type PlacedEntry } from './ring-layout-types.js';
import { placeTile, tileBox, type Tile } from './ring-tiles.js';

/** Side of a grid bucket in SVG units: about one label wide. */
const BUCKET = 96;

/** Boxes placed so far, bucketed by position so a check looks only at nearby ones. */
export class BoxGrid {
  private readonly buckets = new Map<number, Box[]>();

  constructor(boxes: readonly Box[] = []) {
    for (const box of boxes) this.add(box);
  }

  add(box: Box): void {
    this.each(box, GAP, (key) => {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, [box]);
      else bucket.push(box);
    });
  }

  /** True when `box` comes within `gap` of any box in the grid. */
  hits(box: Box, gap: number): boolean {
    let hit = false;
    this.each(box, gap, (key) => {
      hit ||= this.buckets.get(key)?.some((other) => boxesOverlap(box, other, gap)) ?? false;
    });
    return hit;
  }

  private each(box: Box, gap: number, visit: (key: number) => void): void {
    const x0 = Math.floor((box.x - gap) / BUCKET);
    const x1 = Math.floor((box.x + box.width + gap) / BUCKET);
    const y0 = Math.floor((box.y - gap) / BUCKET);
    const y1 = Math.floor((box.y + box.height + gap) / BUCKET);
    // Keys pack (x, y) into one number; pictures stay far below 2^16 buckets a side.
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) visit(x * 65536 + y);
  }
}

/** What is already on the picture: boxes placed so far, and the centre circle. */
export interface Obstacles {
  readonly grid: BoxGrid;
  readonly centreRadius: number;
}

function collides(box: Box, obstacles: Obstacles): boolean {
  if (nearestDistance(box) < obstacles.centreRadius + GAP) return true;
  return obstacles.grid.hits(box, GAP);
}

interface Row {
  readonly radius: number;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

/** Places the entries of one sector in one ring; null when they do not all fit. */
export function placeCell(
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
  const rows: Row[] = [];
  for (let row = 0; row < rowCount; row++) {
    const radius =
      rowCount === 1 ? (rMin + rMax) / 2 : rMin + ((rMax - rMin) * row) / (rowCount - 1);
    const margin = node / radius;
    const from = sector.start + margin;
    const to = sector.end - margin;
    if (from > to) continue;
    const steps = Math.max(1, Math.min(120, Math.ceil(((to - from) * radius) / (fontSize * 0.7))));
    rows.push({ radius, from, to, steps });
  }
  if (rows.length === 0) return null;

  // Ideal spots: spread evenly along the sector, in as many staggered rows as the cell needs.
  const mid = (inner + outer) / 2;
  const arc = (sector.end - sector.start) * mid;
  const width = cell.reduce((sum, tile) => sum + tile.half * 2 + GAP, 0);
  const lanes = Math.max(1, Math.min(3, Math.ceil(width / Math.max(arc, 1))));
  const out: PlacedEntry[] = [];
  for (const [i, tile] of cell.entries()) {
    const idealAngle = sector.start + ((i + 0.5) / cell.length) * (sector.end - sector.start);
    const idealRadius = lanes === 1 ? mid : rMin + (((i % lanes) + 0.5) / lanes) * (rMax - rMin);
    const score = (angle: number, radius: number) => {
      const { x, y } = point(angle, radius);
      const box = tileBox(tile, x, y);
      const outside =
        Math.max(0, farthestDistance(box) - outer) + Math.max(0, inner - nearestDistance(box));
      const cost =
        Math.abs(angle - idealAngle) * mid + Math.abs(radius - idealRadius) + outside * 3;
      return { angle, radius, box, cost };
    };
    // Start with spots about half a tile from the ideal (in arc and in radius); widen until one is free.
    let window = tile.half + GAP;
    let free: ReturnType<typeof score> | undefined;
    for (;;) {
      const scored: ReturnType<typeof score>[] = [];
      const turn = window / mid;
      for (const row of rows) {
        if (Math.abs(row.radius - idealRadius) > window) continue;
        const step = (row.to - row.from) / row.steps;
        const first = Math.max(0, Math.ceil((idealAngle - turn - row.from) / step));
        const last = Math.min(row.steps, Math.floor((idealAngle + turn - row.from) / step));
        for (let s = first; s <= last; s++) scored.push(score(row.from + step * s, row.radius));
      }
      scored.sort((a, b) => a.cost - b.cost);
      free = scored.find((candidate) => !collides(candidate.box, obstacles));
      const whole = turn >= sector.end - sector.start && window >= outer - inner;
      if (free !== undefined || whole) break;
      window *= 2;
    }
    if (free === undefined) return null;
    const entry = placeTile(tile, ring, free.angle, free.radius);
    obstacles.grid.add(entry.box);
    out.push(entry);
  }
  return out;
}
