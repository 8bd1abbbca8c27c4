/**
 * Geometry of the ring picture: boxes, angles and blocks of text. Units are SVG user units;
 * angles are radians clockwise from 12 o'clock.
 */
import type { WrappedText } from './text-measure.js';

/** Line height of every text in the picture, in em. */
export const LINE_HEIGHT = 1.25;

export const TWO_PI = Math.PI * 2;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Lines of text centred on `x`, filling `box` (whose top is the top of the first line). */
export interface TextBlock {
  readonly lines: readonly string[];
  readonly x: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly bold: boolean;
  readonly box: Box;
  /** True when the text was cut short; show the full text elsewhere (a <title>). */
  readonly truncated: boolean;
}

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** Distance from the origin to the nearest point of the box (0 when it contains the origin). */
export function nearestDistance(box: Box): number {
  const dx = Math.max(box.x, 0, -(box.x + box.width));
  const dy = Math.max(box.y, 0, -(box.y + box.height));
  return Math.hypot(dx, dy);
}

export function farthestDistance(box: Box): number {
  const dx = Math.max(Math.abs(box.x), Math.abs(box.x + box.width));
  const dy = Math.max(Math.abs(box.y), Math.abs(box.y + box.height));
  return Math.hypot(dx, dy);
}

/** True when `angle` lies in [start, end] (taken modulo a full turn). */
export function angleInSector(angle: number, start: number, end: number): boolean {
  const offset = (((angle - start) % TWO_PI) + TWO_PI) % TWO_PI;
  return offset <= end - start + 1e-9;
}

export function point(angle: number, radius: number): { x: number; y: number } {
  return { x: radius * Math.sin(angle), y: -radius * Math.cos(angle) };
}

export function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x, y, width: right - x, height: bottom - y };
}

export function block(
  wrapped: WrappedText,
  x: number,
  top: number,
  fontSize: number,
  bold: boolean,
): TextBlock {
  const lineHeight = fontSize * LINE_HEIGHT;
  const width = wrapped.width + 2;
  return {
    lines: wrapped.lines,
    x,
    fontSize,
    lineHeight,
    bold,
    box: { x: x - width / 2, y: top, width, height: wrapped.lines.length * lineHeight },
    truncated: wrapped.truncated,
  };
}

/** The y of each line's baseline (the glyphs' ascent fits in the line above it). */
export function baselines(text: TextBlock): number[] {
  return text.lines.map((_, i) => text.box.y + text.fontSize * 0.98 + i * text.lineHeight);
}

export function moveBlock(text: TextBlock, dx: number, dy: number): TextBlock {
  return { ...text, x: text.x + dx, box: { ...text.box, x: text.box.x + dx, y: text.box.y + dy } };
}
