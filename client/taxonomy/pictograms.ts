/**
 * Pictograms beside the words: one simple line drawing per category, the trusted star, the
 * borger's diamond, and small ring and support signs. Drawn on a 24×24 grid with `currentColor`,
 * so they follow the text colour.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { Category } from '../../shared/map/types.js';

const CATEGORY_PATHS: Readonly<Record<Category, SVGTemplateResult>> = {
  // an adult and a child
  family: svg`<circle cx="8.5" cy="6" r="2.6"/><path d="M3.5 21v-6a5 5 0 0 1 10 0v6"/><circle cx="17.5" cy="11" r="2"/><path d="M14.5 21v-3.5a3 3 0 0 1 6 0V21"/>`,
  // a heart
  friends: svg`<path d="M12 20.5S3.5 15.5 3.5 9.2A4.2 4.2 0 0 1 12 7a4.2 4.2 0 0 1 8.5 2.2c0 6.3-8.5 11.3-8.5 11.3Z"/>`,
  // a pram
  'other-parents': svg`<path d="M3.5 8.5h15v2a5.5 5.5 0 0 1-5.5 5.5H9a5.5 5.5 0 0 1-5.5-5.5v-2Z"/><path d="M11 8.5V3.5a7 7 0 0 1 7 5"/><path d="M18.5 8.5 21 5"/><circle cx="7.5" cy="19.5" r="1.8"/><circle cx="15" cy="19.5" r="1.8"/>`,
  // a house in the street
  community: svg`<path d="M3 11.5 12 4l9 7.5"/><path d="M5.5 10v10.5h13V10"/><path d="M10 20.5v-5h4v5"/>`,
  // an open book
  'childcare-school': svg`<path d="M3 5.5h6a3 3 0 0 1 3 3v12a2.5 2.5 0 0 0-2.5-2.5H3Z"/><path d="M21 5.5h-6a3 3 0 0 0-3 3v12a2.5 2.5 0 0 1 2.5-2.5H21Z"/>`,
  // a bag for work
  'work-study': svg`<rect x="3" y="7.5" width="18" height="13" rx="2"/><path d="M9 7.5V5.5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2"/><path d="M3 13h18"/>`,
  // a medical cross
  'pro-medical': svg`<path d="M9 3.5h6v5.5h5.5v6H15v5.5H9V15H3.5V9H9Z"/>`,
  // a baby bottle
  'pro-public-health': svg`<path d="M10 2.5h4l1 3.5H9Z"/><rect x="7.5" y="6" width="9" height="15.5" rx="2.5"/><path d="M7.5 11.5H11M7.5 15.5H11"/>`,
  // two speech bubbles
  'pro-social': svg`<path d="M3 4.5h12v8H8l-4 3.5v-3.5H3Z"/><path d="M18 8.5h3v8h-1v3l-3.5-3H11v-1.5"/>`,
  // an open hand
  volunteers: svg`<path d="M7 13V6a1.5 1.5 0 0 1 3 0v5.5M10 11V4.5a1.5 1.5 0 0 1 3 0V11M13 11V5.5a1.5 1.5 0 0 1 3 0V12M16 12V8.5a1.5 1.5 0 0 1 3 0v5.5a7.5 7.5 0 0 1-7.5 7.5h-.5a6.5 6.5 0 0 1-5.3-2.7L3.3 14.4a1.5 1.5 0 0 1 2.4-1.8L7 14.3"/>`,
  // a map pin
  'places-services': svg`<path d="M12 21.5s-6.5-6-6.5-11.5a6.5 6.5 0 0 1 13 0c0 5.5-6.5 11.5-6.5 11.5Z"/><circle cx="12" cy="10" r="2.3"/>`,
};

/** The category's pictogram, drawn in a box of `size` at (x, y), for use inside an <svg>. */
export function categoryIcon(category: Category, x: number, y: number, size: number) {
  return svg`<g class="icon" transform="translate(${x} ${y}) scale(${size / 24})" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${CATEGORY_PATHS[category]}</g>`;
}

/** The same pictogram as a stand-alone inline <svg> (for buttons and the legend). */
export function categorySvg(category: Category) {
  return svg`<svg class="pictogram" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${CATEGORY_PATHS[category]}</svg>`;
}

/** Corner points of a five-pointed star of outer radius `r` centred on (cx, cy). */
export function starPoints(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = (Math.PI / 5) * i;
    points.push(
      `${(cx + radius * Math.sin(angle)).toFixed(2)},${(cy - radius * Math.cos(angle)).toFixed(2)}`,
    );
  }
  return points.join(' ');
}

/** The trusted person's star as an inline <svg> (beside text, never instead of it). */
export function starSvg() {
  return svg`<svg class="star" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><polygon points=${starPoints(12, 12.8, 11)} fill="#e9b100" stroke="#7a5200" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
}

/** Corner points of a diamond of half-height `r` centred on (cx, cy): the borger's sign. */
export function diamondPoints(cx: number, cy: number, r: number): string {
  const w = r * 0.8;
  const at = (x: number, y: number) => `${x.toFixed(2)},${y.toFixed(2)}`;
  return [at(cx, cy - r), at(cx + w, cy), at(cx, cy + r), at(cx - w, cy)].join(' ');
}

/** The borger's diamond as an inline <svg> (beside the word "borger", never instead of it). */
export function diamondSvg() {
  return svg`<svg class="diamond" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><polygon points=${diamondPoints(12, 12, 11)} fill="#3b6fb6" stroke="#173a6b" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
}

/** Three rings with a dot on ring `ring` (1 innermost), for the "how close" choice. */
export function ringSvg(ring: 1 | 2 | 3) {
  const radius = [4.5, 8, 11][ring - 1] ?? 11;
  return svg`<svg class="pictogram" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5"><circle cx="12" cy="12" r="11" opacity="0.45"/><circle cx="12" cy="12" r="8" opacity="0.45"/><circle cx="12" cy="12" r="4.5" opacity="0.45"/><circle cx="12" cy="12" r="1.8" fill="currentColor" stroke="none"/><circle cx=${12 + radius * 0.707} cy=${12 - radius * 0.707} r="2.6" fill="currentColor" stroke="none"/></svg>`;
}
