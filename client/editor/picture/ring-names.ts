/**
 * The picture's fixed words, fitted to their place: the names in the centre circle, each sector's
 * name outside the rings, and the ring names along the sector border nearest to the bottom.
 */
import type { Ring } from '../../../shared/map/types.js';
import {
  LINE_HEIGHT,
  block,
  moveBlock,
  nearestDistance,
  point,
  type TextBlock,
} from './ring-geometry.js';
import { SECTOR_GROUPS, type LayoutText, type SectorGroup } from './ring-layout-types.js';
import { longestWord, textWidth, wrapText, type WrappedText } from './text-measure.js';

/** The centre's lines and the circle's radius; the circle grows to hold the names. */
export function centreBlock(
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

/** Width of each sector's name on one line, at most 8 em unless a single word is longer. */
export function sectorNameWidths(
  text: LayoutText,
  sectorSize: number,
  sectorEm: number,
): Record<SectorGroup, number> {
  return Object.fromEntries(
    SECTOR_GROUPS.map((group) => [
      group,
      Math.min(
        Math.max(sectorSize * sectorEm, longestWord(text.sectorNames[group], sectorSize, true)),
        textWidth(text.sectorNames[group], sectorSize, true),
      ),
    ]),
  ) as Record<SectorGroup, number>;
}

/** A sector's name just outside the rings, centred on the sector's middle angle. */
export function sectorLabel(
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

/** Ring names sit on the sector border nearest to the bottom, where they read along the ring. */
export function ringLabels(
  text: LayoutText,
  radii: readonly number[],
  sectorEnds: readonly number[],
  fontSize: number,
  blank: boolean,
): { ring: Ring; text: TextBlock }[] {
  const bottom = sectorEnds.reduce((best, angle) =>
    Math.abs(angle - Math.PI) < Math.abs(best - Math.PI) ? angle : best,
  );
  return ([1, 2, 3] as const).map((ring) => {
    const size = fontSize * (blank ? 1.05 : 0.85);
    const wrapped = wrapText(text.ringNames[ring], size * 12, size, 1);
    const mid = point(bottom, ((radii[ring - 1] ?? 0) + (radii[ring] ?? 0)) / 2);
    const height = size * LINE_HEIGHT;
    return { ring, text: block(wrapped, mid.x, mid.y - height / 2, size, false) };
  });
}
