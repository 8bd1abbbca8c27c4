/**
 * Collision: where an entry's tile may go without touching the centre or anything placed before
 * it. Each entry takes the free spot nearest to its ideal one in its sector and ring.
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

/** What is already on the picture: boxes placed so far, and the centre circle. */
export interface Obstacles {
  readonly boxes: Box[];
  readonly centreRadius: number;
}

function collides(box: Box, obstacles: Obstacles): boolean {
  if (nearestDistance(box) < obstacles.centreRadius + GAP) return true;
  return obstacles.boxes.some((other) => boxesOverlap(box, other, GAP));
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
