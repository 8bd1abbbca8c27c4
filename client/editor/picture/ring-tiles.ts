/**
 * An entry's tile: its node, the label wrapped to fit, and the "★ vertrouwd" / "◆ borger" /
 * "gestopt" mark, measured at one font size and placed at one spot.
 */
import type { Ring } from '../../../shared/map/types.js';
import { LINE_HEIGHT, block, point, type Box, type TextBlock } from './ring-geometry.js';
import {
  SECTOR_OF,
  type LayoutEntry,
  type LayoutText,
  type PlacedEntry,
  type SectorGroup,
} from './ring-layout-types.js';
import { longestWord, textWidth, wrapText, type WrappedText } from './text-measure.js';

export interface Tile {
  readonly entry: LayoutEntry;
  /** Only the node, with the entry's number in it; the label goes to the list below the picture. */
  readonly numbered: boolean;
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

export function measureTile(
  entry: LayoutEntry,
  text: LayoutText,
  fontSize: number,
  numbered = false,
): Tile {
  const nodeRadius = fontSize;
  if (numbered) {
    const badge = entry.trusted || entry.borger === true ? nodeRadius * 1.4 : nodeRadius;
    const none: WrappedText = { lines: [], truncated: false, width: 0 };
    return {
      entry,
      numbered,
      sector: SECTOR_OF[entry.category],
      nodeRadius,
      label: none,
      mark: null,
      markSize: fontSize * 0.85,
      half: badge + 1,
      above: badge,
      height: badge + nodeRadius + 2,
    };
  }
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
    numbered,
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

export function tileBox(tile: Tile, x: number, y: number): Box {
  return { x: x - tile.half, y: y - tile.above, width: tile.half * 2, height: tile.height };
}

export function placeTile(tile: Tile, ring: Ring, angle: number, radius: number): PlacedEntry {
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
    number: 0,
    numbered: tile.numbered,
    label,
    mark,
    box: tileBox(tile, x, y),
  };
}

/** The number drawn in a node, centred on it (digits sit about 0.36 em below their middle). */
export function numberBlock(entry: PlacedEntry): TextBlock {
  const digits = String(entry.number);
  const size = entry.nodeRadius * (digits.length > 2 ? 0.75 : 0.95);
  const wrapped: WrappedText = {
    lines: [digits],
    truncated: false,
    width: textWidth(digits, size, true),
  };
  return block(wrapped, entry.x, entry.y + size * 0.36 - size * 0.98, size, true);
}
