/**
 * Zoom and pan by touch and mouse: one finger (or the mouse) drags the zoomed picture, two
 * fingers pinch, Ctrl + wheel (a laptop's touchpad pinch) zooms. The view math is ring-view.ts.
 */
import type { Box } from './ring-geometry.js';
import { panBy, zoomAround } from './ring-view.js';

export interface GestureTarget {
  /** The part of the picture in view now, and the whole picture. */
  view(): Box;
  whole(): Box;
  setView(view: Box): void;
}

/** A drag shorter than this (CSS px) is still a tap on a person. */
const TAP_SLOP = 6;

/** Keeps a drag on the picture when the finger leaves it; a pointer already gone cannot be. */
function capture(svg: SVGSVGElement, pointerId: number): void {
  try {
    svg.setPointerCapture(pointerId);
  } catch {
    // The pointer ended before the drag was seen: nothing to keep.
  }
}

export class RingGestures {
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private travelled = 0;

  constructor(private readonly target: GestureTarget) {}

  /** True just after a drag or pinch, so the click that ends it does not open a person. */
  get dragged(): boolean {
    return this.travelled > TAP_SLOP;
  }

  readonly down = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 1) this.travelled = 0;
  };

  readonly move = (event: PointerEvent): void => {
    const before = this.pointers.get(event.pointerId);
    if (before === undefined) return;
    const svg = event.currentTarget as SVGSVGElement;
    const rect = svg.getBoundingClientRect();
    const view = this.target.view();
    const unit = view.width / Math.max(1, rect.width);
    const now = { x: event.clientX, y: event.clientY };
    if (this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.entries()];
      if (a === undefined || b === undefined) return;
      const other = a[0] === event.pointerId ? b[1] : a[1];
      const span = (p: { x: number; y: number }) => Math.hypot(p.x - other.x, p.y - other.y);
      const factor = span(now) / Math.max(1, span(before));
      const mid = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
      const px = view.x + (mid.x - rect.left) * unit;
      const py = view.y + (mid.y - rect.top) * unit;
      this.target.setView(zoomAround(view, this.target.whole(), factor, px, py));
      this.travelled += TAP_SLOP + 1;
    } else if (view.width < this.target.whole().width) {
      const dx = now.x - before.x;
      const dy = now.y - before.y;
      this.travelled += Math.hypot(dx, dy);
      // Captured only once it is a drag, so a tap still reaches the person it is on.
      if (this.dragged && !svg.hasPointerCapture(event.pointerId)) capture(svg, event.pointerId);
      if (this.dragged)
        this.target.setView(panBy(view, this.target.whole(), -dx * unit, -dy * unit));
    }
    this.pointers.set(event.pointerId, now);
  };

  readonly up = (event: PointerEvent): void => {
    this.pointers.delete(event.pointerId);
  };

  readonly wheel = (event: WheelEvent): void => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    const svg = event.currentTarget as SVGSVGElement;
    const rect = svg.getBoundingClientRect();
    const view = this.target.view();
    const unit = view.width / Math.max(1, rect.width);
    const px = view.x + (event.clientX - rect.left) * unit;
    const py = view.y + (event.clientY - rect.top) * unit;
    this.target.setView(
      zoomAround(view, this.target.whole(), Math.exp(-event.deltaY / 200), px, py),
    );
  };
}
