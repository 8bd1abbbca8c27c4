/**
 * Drawing the still parts of the ring picture: sector wedges, rings, and blocks of text (the
 * centre, sector and ring names, labels and numbers), each in its own writing direction.
 */
import { nothing, svg } from 'lit';
import type { Box } from './ring-geometry.js';
import { baselines, type RingLayout, type TextBlock } from './ring-layout.js';
import { boxInView } from './ring-view.js';

/** Right-to-left scripts: Arabic (with its supplements), Hebrew, Syriac, Thaana, N'Ko. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * The direction of a text by its first letter, as `dir="auto"` does in HTML (SVG text has no
 * `auto`): a Dutch name reads left to right inside an Arabic page, and the other way round.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0] ?? '';
  return RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}

/** Soft fills per sector: the parent's own people, places, professionals. */
const SECTOR_FILL: Readonly<Record<string, string>> = {
  family: '#e6f2ef',
  friends: '#eef7f5',
  parents: '#e6f2ef',
  community: '#eef7f5',
  places: '#f1efe9',
  social: '#fbf0e8',
  'public-health': '#f7e9df',
  medical: '#fbf0e8',
};

/** Sectors, rings, the centre's names and the sector and ring names. */
export function renderBackground(layout: RingLayout, view: Box | null) {
  const outer = layout.radii[2];
  const wedges = layout.sectors.map((sector) => {
    const [a, b] = [sector.start, sector.end];
    const large = b - a > Math.PI ? 1 : 0;
    const x1 = outer * Math.sin(a);
    const y1 = -outer * Math.cos(a);
    const x2 = outer * Math.sin(b);
    const y2 = -outer * Math.cos(b);
    return svg`<path d="M0 0L${x1} ${y1}A${outer} ${outer} 0 ${large} 1 ${x2} ${y2}Z" fill=${SECTOR_FILL[sector.group] ?? '#f1efe9'} stroke="#fff" stroke-width="3"/>`;
  });
  const rings = [layout.centreRadius, ...layout.radii].map(
    (radius, i) =>
      svg`<circle cx="0" cy="0" r=${radius} fill=${i === 0 ? '#fff' : 'none'} stroke=${i === 0 ? '#1d6b64' : '#b9b1a4'} stroke-width=${i === 0 ? 2 : 1.5}/>`,
  );
  return svg`
    ${wedges}${rings}
    ${renderText(layout.centre, 'centre', view)}
    ${layout.sectors.map((sector) => renderText(sector.label, 'sector-name', view))}
    ${layout.ringLabels.map((ring) => renderText(ring.text, 'ring-name', view))}
  `;
}

/** A block of text; nothing when it is left out or the zoomed view would cut it. */
export function renderText(text: TextBlock, className: string, view: Box | null) {
  // A name that is left out, or that the zoomed view would cut, is not drawn at all.
  if (text.lines.length === 0) return nothing;
  if (view !== null && className !== 'label' && !boxInView(text.box, view)) return nothing;
  const lines = baselines(text);
  return svg`<text class=${className} x=${text.x} font-size=${text.fontSize} font-weight=${text.bold ? 700 : 400} text-anchor="middle" direction=${textDirection(text.lines.join(' '))}>${text.lines.map(
    (line, i) =>
      svg`<tspan x=${text.x} y=${lines[i] ?? 0} font-weight=${text.bold && className === 'centre' && i > 0 ? 400 : nothing}>${line}</tspan>`,
  )}</text>`;
}
