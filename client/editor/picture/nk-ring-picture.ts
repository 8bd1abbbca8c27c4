import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { BaseEntry } from '../../../shared/map/types.js';
import {
  SECTOR_GROUPS,
  baselines,
  layoutRings,
  type PlacedEntry,
  type RingLayout,
  type TextBlock,
} from './ring-layout.js';
import { categoryIcon, diamondPoints, starPoints } from '../../taxonomy/pictograms.js';
import { ringPictureStyles } from './ring-picture-styles.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { categoryShortName, joinParts, ringName, sectorName } from '../../taxonomy/vocabulary.js';
import { OWNER, centreFallback } from '../audience.js';
import { emit } from '../../ui/events.js';

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

/** Zoom steps of the interactive picture (1 = as wide as its frame). */
const ZOOMS = [1, 1.5, 2, 3, 4] as const;
type Zoom = (typeof ZOOMS)[number];

/** The picture first opens zoomed in far enough for labels of about this many CSS pixels. */
const READABLE_PX = 10;

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

/**
 * The ring picture: the family in the centre, three closeness rings, a sector per group, and
 * every entry as a node with its pictogram and label. Interactive: one Tab stop, arrow keys move
 * between people, Enter (or a click or tap) opens one. Otherwise a still image (for print).
 *
 * @fires nk-person-open - a person was chosen; `detail.id` is the entry id
 */
@customElement('nk-ring-picture')
@localized()
export class NkRingPicture extends LitElement {
  static override styles = [sharedStyles, ringPictureStyles];

  /** The entries to draw (already filtered). */
  @property({ attribute: false }) entries: readonly BaseEntry[] = [];
  /** Ids of the entries that are the agreed borger, drawn with a diamond and "borger". */
  @property({ attribute: false }) borgerIds: readonly string[] = [];
  /** First names or nicknames in the centre. */
  @property({ attribute: false }) centre: {
    parents: readonly string[];
    children: readonly string[];
  } = { parents: [], children: [] };
  /** The centre when no names are written: "Jij" for an owner, "Het gezin" for a member (audience.ts). */
  @property() centreFallback = '';
  /** Nodes can be focused and opened; otherwise the picture is a still image. */
  @property({ type: Boolean, reflect: true }) interactive = false;
  /** Empty rings to fill in on paper. */
  @property({ type: Boolean }) blank = false;
  /** Id of the opened entry, drawn highlighted. */
  @property() selected = '';
  /** Reflected while zoomed in, so the frame may scroll. */
  @property({ type: Boolean, reflect: true }) zoomed = false;

  /** The node that takes the one Tab stop. */
  @state() private focusId = '';
  @state() private zoom: Zoom = 1;
  /** Set once the parent zooms herself; until then the zoom follows the frame's width. */
  private zoomChosen = false;
  /** The page direction the frame was last centred for. */
  private centredDir = '';

  private layout: RingLayout | null = null;
  private layoutKey = '';

  /** The entry ids in reading order (sector by sector, inside out), for the arrow keys. */
  private order: string[] = [];

  /** Moves the keyboard focus to the node of `id` (after a person panel closes). */
  async focusEntry(id: string): Promise<void> {
    this.focusId = id;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGGElement>(`g.entry[data-id="${CSS.escape(id)}"]`)?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.zoomed = this.zoom > 1;
    const rtl = document.documentElement.dir === 'rtl';
    const text = {
      sectorNames: Object.fromEntries(
        SECTOR_GROUPS.map((group) => [group, sectorName(group)]),
      ) as Record<(typeof SECTOR_GROUPS)[number], string>,
      ringNames: { 1: ringName(1), 2: ringName(2), 3: ringName(3) },
      trusted: msg('vertrouwd', { id: 'picture.trusted' }),
      borger: msg('borger', { id: 'picture.borger' }),
      ended: msg('gestopt', { id: 'picture.ended' }),
      centre: this.centreLines(),
    };
    const key = JSON.stringify([this.entries, this.borgerIds, text, rtl, this.blank]);
    if (key !== this.layoutKey || this.layout === null) {
      this.layoutKey = key;
      this.layout = layoutRings(
        this.entries.map((entry) => ({
          ...entry,
          borger: this.borgerIds.includes(entry.id),
          ended: !entry.active,
        })),
        text,
        { mirror: rtl, blank: this.blank },
      );
      this.order = [...this.layout.entries]
        .sort(
          (a, b) =>
            SECTOR_GROUPS.indexOf(a.sector) - SECTOR_GROUPS.indexOf(b.sector) ||
            a.ring - b.ring ||
            (rtl ? b.x - a.x : a.x - b.x) ||
            a.y - b.y,
        )
        .map((entry) => entry.id);
    }
    if (!this.order.includes(this.focusId)) this.focusId = this.order[0] ?? '';
  }

  override render() {
    const layout = this.layout;
    if (layout === null) return nothing;
    const box = layout.viewBox;
    const count = layout.entries.length;
    const label = this.blank
      ? msg('Lege netwerkkaart met drie ringen', { id: 'picture.blankLabel' })
      : count === 1
        ? msg('Netwerkkaart met 1 persoon', { id: 'picture.labelOne' })
        : msg(str`Netwerkkaart met ${count} mensen`, { id: 'picture.labelMany' });
    return html`
      ${this.interactive ? this.renderZoom() : nothing}
      <div
        class="frame"
        data-zoom=${this.zoom}
        tabindex=${this.zoom > 1 && count === 0 ? '0' : nothing}
      >
        <svg
          class="picture"
          viewBox="${box.x} ${box.y} ${box.width} ${box.height}"
          role=${this.interactive ? 'group' : 'img'}
          aria-label=${label}
          font-size=${layout.fontSize}
          @keydown=${this.onKeyDown}
        >
          <g aria-hidden="true">${this.renderBackground(layout)}</g>
          ${layout.entries.map((entry) => this.renderEntry(layout, entry))}
        </svg>
      </div>
    `;
  }

  private renderZoom() {
    const index = ZOOMS.indexOf(this.zoom);
    return html`<div class="zoom">
      <button
        type="button"
        class="secondary"
        ?disabled=${index === 0}
        @click=${() => this.setZoom(ZOOMS[index - 1] ?? 1)}
      >
        − ${msg('Kleiner', { id: 'picture.zoomOut' })}
      </button>
      <button
        type="button"
        class="secondary"
        ?disabled=${index === ZOOMS.length - 1}
        @click=${() => this.setZoom(ZOOMS[index + 1] ?? 4)}
      >
        + ${msg('Groter', { id: 'picture.zoomIn' })}
      </button>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.interactive || this.layout === null) return;
    // On a narrow screen, start zoomed in so the names can be read; the frame then scrolls.
    // (Not on an empty map: nothing to read there, and nothing to focus in a scrolling frame.)
    const empty = this.layout.entries.length === 0 && this.zoom === 1;
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    const width = frame?.clientWidth ?? 0;
    if (!this.zoomChosen && !empty && width > 0) {
      const fit = (this.layout.fontSize * width) / this.layout.viewBox.width;
      const wanted =
        ZOOMS.find((zoom) => fit * zoom >= READABLE_PX) ?? ZOOMS[ZOOMS.length - 1] ?? 1;
      if (wanted !== this.zoom) {
        this.applyZoom(wanted);
        return;
      }
    }
    // After a switch to or from a right-to-left language the scroll origin moves: centre again.
    if (this.zoom > 1 && document.documentElement.dir !== this.centredDir) this.centreView();
  }

  private setZoom(zoom: Zoom): void {
    this.zoomChosen = true;
    this.applyZoom(zoom);
  }

  private applyZoom(zoom: Zoom): void {
    this.zoom = zoom;
    void this.updateComplete.then(() => this.centreView());
  }

  /** Scrolls the frame so the centre of the picture (the family) is in the middle. */
  private centreView(): void {
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    if (frame === null) return;
    const rtl = document.documentElement.dir === 'rtl';
    this.centredDir = document.documentElement.dir;
    const across = (frame.scrollWidth - frame.clientWidth) / 2;
    // In right-to-left pages, scrolling sideways counts from the right (negative to the left).
    frame.scrollTo({
      left: rtl ? -across : across,
      top: (frame.scrollHeight - frame.clientHeight) / 2,
    });
  }

  private centreLines(): string[] {
    const parents = this.centre.parents.join(' & ');
    const children = joinParts(this.centre.children);
    const fallback = this.centreFallback || centreFallback(OWNER);
    const lines = [parents === '' ? fallback : parents];
    if (children !== '') lines.push(children);
    return lines;
  }

  private renderBackground(layout: RingLayout) {
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
      ${this.renderText(layout.centre, 'centre')}
      ${layout.sectors.map((sector) => this.renderText(sector.label, 'sector-name'))}
      ${layout.ringLabels.map((ring) => this.renderText(ring.text, 'ring-name'))}
    `;
  }

  private renderText(text: TextBlock, className: string) {
    const lines = baselines(text);
    return svg`<text class=${className} x=${text.x} font-size=${text.fontSize} font-weight=${text.bold ? 700 : 400} text-anchor="middle" direction=${textDirection(text.lines.join(' '))}>${text.lines.map(
      (line, i) =>
        svg`<tspan x=${text.x} y=${lines[i] ?? 0} font-weight=${text.bold && className === 'centre' && i > 0 ? 400 : nothing}>${line}</tspan>`,
    )}</text>`;
  }

  private renderEntry(layout: RingLayout, placed: PlacedEntry) {
    const entry = this.entries.find((item) => item.id === placed.id);
    if (entry === undefined) return nothing;
    const r = placed.nodeRadius;
    const icon = r * 1.2;
    const box = placed.box;
    const side = layout.mirrored ? -1 : 1;
    const name = this.accessibleName(entry);
    const classes = [
      'entry',
      entry.active ? '' : 'ended',
      this.selected === entry.id ? 'selected' : '',
    ]
      .filter((item) => item !== '')
      .join(' ');
    return svg`<g
      class=${classes}
      data-id=${entry.id}
      role=${this.interactive ? 'button' : nothing}
      tabindex=${this.interactive ? (this.focusId === entry.id ? 0 : -1) : nothing}
      aria-current=${this.interactive && this.selected === entry.id ? 'true' : nothing}
      @click=${this.interactive ? () => this.open(entry.id) : nothing}
      @focus=${() => (this.focusId = entry.id)}
    >
      <title>${name}</title>
      <rect class="hit" x=${box.x} y=${box.y} width=${box.width} height=${box.height}/>
      <rect class="focus" x=${box.x - 2} y=${box.y - 2} width=${box.width + 4} height=${box.height + 4} rx="5"/>
      <circle class="node" cx=${placed.x} cy=${placed.y} r=${r}/>
      ${categoryIcon(entry.category, placed.x - icon / 2, placed.y - icon / 2, icon)}
      ${entry.trusted ? svg`<polygon class="star" points=${starPoints(placed.x + side * r * 0.78, placed.y - r * 0.78, r * 0.62)} fill="#e9b100" stroke="#7a5200" stroke-width="1" stroke-linejoin="round"/>` : nothing}
      ${this.borgerIds.includes(entry.id) ? svg`<polygon class="diamond" points=${diamondPoints(placed.x - side * r * 0.78, placed.y - r * 0.78, r * 0.62)} fill="#3b6fb6" stroke="#173a6b" stroke-width="1" stroke-linejoin="round"/>` : nothing}
      ${this.renderText(placed.label, 'label')}
      ${placed.mark === null ? nothing : this.renderText(placed.mark, 'mark')}
    </g>`;
  }

  /** "M. — moeder, familie, heel dichtbij, vertrouwde persoon, borger" */
  private accessibleName(entry: BaseEntry): string {
    const parts = [
      entry.label,
      categoryShortName(entry.category),
      ringName(entry.ring).toLocaleLowerCase(),
    ];
    if (entry.trusted) parts.push(msg('vertrouwde persoon', { id: 'picture.trustedName' }));
    if (this.borgerIds.includes(entry.id)) parts.push(msg('borger', { id: 'picture.borgerName' }));
    if (!entry.active) parts.push(msg('helpt nu niet meer', { id: 'picture.endedName' }));
    return joinParts(parts);
  }

  private open(id: string): void {
    this.focusId = id;
    emit(this, 'nk-person-open', { id });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.interactive || this.order.length === 0) return;
    const index = Math.max(0, this.order.indexOf(this.focusId));
    const rtl = document.documentElement.dir === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === forward || event.key === 'ArrowDown') next = (index + 1) % this.order.length;
    else if (event.key === back || event.key === 'ArrowUp')
      next = (index - 1 + this.order.length) % this.order.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = this.order.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(this.order[index] ?? '');
      return;
    }
    if (next === null) return;
    event.preventDefault();
    void this.focusEntry(this.order[next] ?? '');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-ring-picture': NkRingPicture;
  }
}
