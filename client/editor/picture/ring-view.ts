/**
 * The part of the picture in view while zoomed in: a rectangle of the layout's viewBox with the
 * same proportions, never larger than it and never beyond its edges. Pure, so tested in Node.
 */
import type { Box } from './ring-geometry.js';

/** The furthest one may zoom in (4 × as large as the whole picture in its frame). */
export const MAX_ZOOM = 4;
/** One press of "Groter" or "+" zooms this much. */
export const ZOOM_STEP = 1.5;

/** How many times larger than the whole picture the view shows things. */
export function zoomOf(view: Box, whole: Box): number {
  return whole.width / view.width;
}

/** Keeps the view inside the whole picture (and at most as large). */
export function clampView(view: Box, whole: Box): Box {
  const width = Math.min(whole.width, Math.max(whole.width / MAX_ZOOM, view.width));
  const height = (width * whole.height) / whole.width;
  const x = Math.min(Math.max(view.x, whole.x), whole.x + whole.width - width);
  const y = Math.min(Math.max(view.y, whole.y), whole.y + whole.height - height);
  return { x, y, width, height };
}

/** Zooms by `factor` around the point (`px`, `py`) of the picture, which stays where it is. */
export function zoomAround(view: Box, whole: Box, factor: number, px: number, py: number): Box {
  const width = Math.min(whole.width, Math.max(whole.width / MAX_ZOOM, view.width / factor));
  const scale = width / view.width;
  const height = view.height * scale;
  return clampView(
    { x: px - (px - view.x) * scale, y: py - (py - view.y) * scale, width, height },
    whole,
  );
}

/** Moves the view by (`dx`, `dy`) picture units. */
export function panBy(view: Box, whole: Box, dx: number, dy: number): Box {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, whole);
}

/** The smallest move that brings `box` into the view (with a margin), if it fits. */
export function revealBox(view: Box, whole: Box, box: Box, margin = 8): Box {
  let { x, y } = view;
  if (box.x - margin < x) x = box.x - margin;
  else if (box.x + box.width + margin > x + view.width) x = box.x + box.width + margin - view.width;
  if (box.y - margin < y) y = box.y - margin;
  else if (box.y + box.height + margin > y + view.height)
    y = box.y + box.height + margin - view.height;
  return clampView({ ...view, x, y }, whole);
}

/** True when the whole of `box` lies inside `view`. */
export function boxInView(box: Box, view: Box): boolean {
  return (
    box.x >= view.x - 0.5 &&
    box.y >= view.y - 0.5 &&
    box.x + box.width <= view.x + view.width + 0.5 &&
    box.y + box.height <= view.y + view.height + 0.5
  );
}
