import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { BaseEntry } from '../../../shared/map/types.js';
import { SECTOR_GROUPS, layoutRings, type PlacedEntry, type RingLayout } from './ring-layout.js';
import { categoryIcon, diamondPoints, starPoints } from '../../taxonomy/pictograms.js';
export { textDirection } from './ring-draw.js';
import type { Box } from './ring-geometry.js';
import { RingGestures } from './ring-gestures.js';
import { renderNumberList, type ListedEntry } from './ring-list.js';
import { numberBlock } from './ring-tiles.js';
import {
  MAX_ZOOM,
  ZOOM_STEP,
  boxInView,
  panBy,
  revealBox,
  zoomAround,
  zoomOf,
} from './ring-view.js';
import { renderBackground, renderText } from './ring-draw.js';
import { ringPictureStyles } from './ring-picture-styles.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { categoryShortName, joinParts, ringName, sectorName } from '../../taxonomy/vocabulary.js';
import { OWNER, centreFallback } from '../audience.js';
import { emit } from '../../ui/events.js';

/** The frame's width is rounded down to this many CSS px before it is laid out again. */
const WIDTH_STEP = 16;

/**
 * The ring picture: the family in the centre, three closeness rings, a sector per group, and
 * every entry as a node with its pictogram and label. Interactive: laid out for the width of its
 * frame, so a label is either written out in full or replaced by a number, with the full text in
 * the list below; one Tab stop, arrow keys move between people, Enter (or a click or tap) opens
 * one; + and − (buttons, keys, pinch, Ctrl + wheel) zoom, Shift + arrows or a drag pan. A still
 * image otherwise (for print, where every label is written out and the list sits beside it).
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
  /** The node that takes the one Tab stop. */
  @state() private focusId = '';
  /** The part of the picture in view while zoomed in; null shows the whole picture. */
  @state() private view: Box | null = null;
  /** The frame's width in CSS px (rounded down to WIDTH_STEP); 0 until it is measured. */
  @state() private frameWidth = 0;

  private readonly resize = new ResizeObserver((records) => {
    const width = records[0]?.contentRect.width ?? 0;
    const rounded = Math.floor(width / WIDTH_STEP) * WIDTH_STEP;
    if (rounded > 0 && rounded !== this.frameWidth) this.frameWidth = rounded;
  });

  private readonly gestures = new RingGestures({
    view: () => this.view ?? this.whole(),
    whole: () => this.whole(),
    setView: (view) => this.setView(view),
  });

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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.interactive) this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('interactive') && this.interactive && this.isConnected)
      this.resize.observe(this);
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
    // On a screen the picture is laid out for its frame: as wide as it, the height follows.
    const fit =
      this.interactive && this.frameWidth > 0
        ? { width: this.frameWidth, height: Math.max(this.frameWidth, window.innerHeight * 0.85) }
        : undefined;
    const key = JSON.stringify([this.entries, this.borgerIds, text, rtl, this.blank, fit]);
    if (key !== this.layoutKey || this.layout === null) {
      this.layoutKey = key;
      this.view = null;
      this.layout = layoutRings(
        this.entries.map((entry) => ({
          ...entry,
          borger: this.borgerIds.includes(entry.id),
          ended: !entry.active,
        })),
        text,
        { mirror: rtl, blank: this.blank, ...(fit === undefined ? {} : { fit }) },
      );
      // Keys walk the people in the order of their numbers (sector by sector, inside out).
      this.order = [...this.layout.entries]
        .sort((a, b) => a.number - b.number)
        .map((entry) => entry.id);
    }
    if (!this.order.includes(this.focusId)) this.focusId = this.order[0] ?? '';
  }

  override render() {
    const layout = this.layout;
    if (layout === null) return nothing;
    // Until the frame is measured, draw nothing rather than a picture laid out for another width.
    if (this.interactive && this.frameWidth === 0) return html`<div class="frame"></div>`;
    const box = this.view ?? layout.viewBox;
    const count = layout.entries.length;
    const label = this.blank
      ? msg('Lege netwerkkaart met drie ringen', { id: 'picture.blankLabel' })
      : count === 1
        ? msg('Netwerkkaart met 1 persoon', { id: 'picture.labelOne' })
        : msg(str`Netwerkkaart met ${count} mensen`, { id: 'picture.labelMany' });
    const listed = this.listed(layout);
    const zoomed = this.view !== null;
    return html`
      ${this.interactive ? this.renderZoom() : nothing}
      <div class="frame" data-width=${this.frameWidth}>
        <svg
          class="picture ${zoomed ? 'zoomed' : ''}"
          viewBox="${box.x} ${box.y} ${box.width} ${box.height}"
          role=${this.interactive ? 'group' : 'img'}
          aria-label=${label}
          aria-describedby=${this.interactive ? 'zoom-hint' : nothing}
          font-size=${layout.fontSize}
          @keydown=${this.onKeyDown}
          @pointerdown=${this.interactive ? this.gestures.down : nothing}
          @pointermove=${this.interactive ? this.gestures.move : nothing}
          @pointerup=${this.interactive ? this.gestures.up : nothing}
          @pointercancel=${this.interactive ? this.gestures.up : nothing}
          @wheel=${this.interactive ? this.gestures.wheel : nothing}
        >
          <g aria-hidden="true">${renderBackground(layout, this.view)}</g>
          ${layout.entries.map((entry) => this.renderEntry(layout, entry))}
        </svg>
      </div>
      ${
        this.interactive
          ? renderNumberList(listed, (id) => {
              this.open(id);
            })
          : nothing
      }
    `;
  }

  /** The whole picture (the layout's viewBox). */
  private whole(): Box {
    return this.layout?.viewBox ?? { x: 0, y: 0, width: 1, height: 1 };
  }

  private setView(view: Box): void {
    // Back at the whole picture: no view, so a new layout starts from there too.
    this.view = zoomOf(view, this.whole()) <= 1.001 ? null : view;
  }

  /** True when the entry's label and mark are written out and wholly in view. */
  private labelShown(placed: PlacedEntry): boolean {
    if (placed.numbered) return false;
    if (this.view === null) return true;
    return (
      boxInView(placed.label.box, this.view) &&
      (placed.mark === null || boxInView(placed.mark.box, this.view))
    );
  }

  /** The people the picture shows by number only, in the order of their numbers. */
  private listed(layout: RingLayout): ListedEntry[] {
    const byId = new Map(this.entries.map((entry) => [entry.id, entry]));
    return layout.entries
      .filter((placed) => !this.labelShown(placed))
      .sort((a, b) => a.number - b.number)
      .flatMap((placed) => {
        const entry = byId.get(placed.id);
        return entry === undefined ? [] : [{ placed, entry, name: this.accessibleName(entry) }];
      });
  }

  private renderZoom() {
    const zoom = this.view === null ? 1 : zoomOf(this.view, this.whole());
    return html`<div class="zoom">
        <button
          type="button"
          class="secondary"
          ?disabled=${zoom <= 1.001}
          @click=${() => this.zoomBy(1 / ZOOM_STEP)}
        >
          − ${msg('Kleiner', { id: 'picture.zoomOut' })}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${zoom >= MAX_ZOOM - 0.001}
          @click=${() => this.zoomBy(ZOOM_STEP)}
        >
          + ${msg('Groter', { id: 'picture.zoomIn' })}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${zoom <= 1.001}
          @click=${() => this.setView(this.whole())}
        >
          ${msg('Hele kaart', { id: 'picture.zoomFit' })}
        </button>
      </div>
      <p class="zoom-hint" id="zoom-hint">
        ${msg('Maak de kaart groter of kleiner met + en −. Schuif met Shift en de pijltjes, of met je vinger.', { id: 'picture.zoomHint' })}
      </p>`;
  }

  /** Zooms around the person in focus if she is in view, else around the middle of the view. */
  private zoomBy(factor: number): void {
    const whole = this.whole();
    const view = this.view ?? whole;
    const focus = this.layout?.entries.find((entry) => entry.id === this.focusId);
    const around =
      focus !== undefined && boxInView(focus.box, view)
        ? { x: focus.x, y: focus.y }
        : { x: view.x + view.width / 2, y: view.y + view.height / 2 };
    this.setView(zoomAround(view, whole, factor, around.x, around.y));
  }

  private centreLines(): string[] {
    const parents = this.centre.parents.join(' & ');
    const children = joinParts(this.centre.children);
    const fallback = this.centreFallback || centreFallback(OWNER);
    const lines = [parents === '' ? fallback : parents];
    if (children !== '') lines.push(children);
    return lines;
  }

  private renderEntry(layout: RingLayout, placed: PlacedEntry) {
    const entry = this.entries.find((item) => item.id === placed.id);
    if (entry === undefined) return nothing;
    const r = placed.nodeRadius;
    const icon = r * 1.2;
    const box = placed.box;
    const side = layout.mirrored ? -1 : 1;
    const name = this.accessibleName(entry);
    const shown = this.labelShown(placed);
    const number = placed.numbered ? placed.label : numberBlock(placed);
    const classes = [
      'entry',
      entry.active ? '' : 'ended',
      this.selected === entry.id ? 'selected' : '',
      shown ? '' : 'numbered',
    ]
      .filter((item) => item !== '')
      .join(' ');
    return svg`<g
      class=${classes}
      data-id=${entry.id}
      role=${this.interactive ? 'button' : nothing}
      tabindex=${this.interactive ? (this.focusId === entry.id ? 0 : -1) : nothing}
      aria-current=${this.interactive && this.selected === entry.id ? 'true' : nothing}
      @click=${this.interactive ? () => this.tap(entry.id) : nothing}
      @focus=${() => (this.focusId = entry.id)}
    >
      <title>${name}</title>
      ${
        shown
          ? svg`<rect class="hit" x=${box.x} y=${box.y} width=${box.width} height=${box.height}/>
      <rect class="focus" x=${box.x - 2} y=${box.y - 2} width=${box.width + 4} height=${box.height + 4} rx="5"/>`
          : svg`<circle class="focus" cx=${placed.x} cy=${placed.y} r=${r + 3}/>`
      }
      <circle class="node" cx=${placed.x} cy=${placed.y} r=${r}/>
      ${shown ? categoryIcon(entry.category, placed.x - icon / 2, placed.y - icon / 2, icon) : renderText(number, 'number', this.view)}
      ${entry.trusted ? svg`<polygon class="star" points=${starPoints(placed.x + side * r * 0.78, placed.y - r * 0.78, r * 0.62)} fill="#e9b100" stroke="#7a5200" stroke-width="1" stroke-linejoin="round"/>` : nothing}
      ${this.borgerIds.includes(entry.id) ? svg`<polygon class="diamond" points=${diamondPoints(placed.x - side * r * 0.78, placed.y - r * 0.78, r * 0.62)} fill="#3b6fb6" stroke="#173a6b" stroke-width="1" stroke-linejoin="round"/>` : nothing}
      ${shown ? renderText(placed.label, 'label', this.view) : nothing}
      ${shown && placed.mark !== null ? renderText(placed.mark, 'mark', this.view) : nothing}
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

  /** A click on a node, unless it ends a drag or pinch. */
  private tap(id: string): void {
    if (!this.gestures.dragged) this.open(id);
  }

  /** +, − and 0 zoom; Shift + arrows pan. True when the key was one of those. */
  private zoomKey(event: KeyboardEvent): boolean {
    const whole = this.whole();
    const view = this.view ?? whole;
    if (event.key === '+' || event.key === '=') this.zoomBy(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') this.zoomBy(1 / ZOOM_STEP);
    else if (event.key === '0') this.setView(whole);
    else if (event.shiftKey && event.key.startsWith('Arrow')) {
      const step = view.width * 0.2;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      this.setView(panBy(view, whole, dx, dy));
    } else return false;
    event.preventDefault();
    return true;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.interactive || this.order.length === 0) return;
    if (this.zoomKey(event)) return;
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
    const id = this.order[next] ?? '';
    // Zoomed in, the view follows the keyboard to the next person.
    const placed = this.layout?.entries.find((entry) => entry.id === id);
    if (this.view !== null && placed !== undefined)
      this.setView(revealBox(this.view, this.whole(), placed.box));
    void this.focusEntry(id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-ring-picture': NkRingPicture;
  }
}
