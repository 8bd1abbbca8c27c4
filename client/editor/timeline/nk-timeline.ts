import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { PHASES, type MapDocument, type Phase } from '../../../shared/map/types.js';
import { NO_PHASE_OF_DAY, dayOf, type PhaseOfDay } from '../../../shared/map/dates.js';
import {
  forgottenIn,
  lastMomentIn,
  peopleChange,
  type MomentView,
} from '../../../shared/map/timeline.js';
import type { OpenedVersion } from '../../crypto/protocol.js';
import { describeError } from '../../ui/errors.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { OWNER, type Audience } from '../audience.js';
import type { MapSession } from '../session/map-session.js';
import type { Moment } from './history.js';
import { renderSide, type SideState } from './timeline-side.js';
import { timelineStyles } from './timeline-styles.js';
import {
  joinedLine,
  leftLine,
  noChangeLine,
  sinceWhat,
  timelineHeading,
  timelineLead,
} from './words.js';

/** Moves of the slider closer together than this load only the last one. */
const SETTLE_MS = 120;

/**
 * "Je netwerk door de tijd": pick a stored version (a moment) with a slider, or a phase, and see
 * the picture as it was, decrypted on this device; compare two moments, with who joined and who
 * stopped as strengths. Nothing is fetched until it is opened; only the versions shown are read.
 */
@customElement('nk-timeline')
@localized()
export class NkTimeline extends LitElement {
  static override styles = [sharedStyles, timelineStyles];

  @property({ attribute: false }) session: MapSession | null = null;
  @property({ attribute: false }) audience: Audience = OWNER;
  /** The map as it is now: its `forgotten` hides people deleted as a mistake in every moment. */
  @property({ attribute: false }) latest: MapDocument | null = null;
  /**
   * A moment's phase from its day (decision 0030's `phaseAt(date, birthDate)` plugs in here).
   * While it knows none, choosing a phase shows who helps in that phase (each entry's own phases).
   */
  @property({ attribute: false }) phaseOfDay: PhaseOfDay = NO_PHASE_OF_DAY;

  @state() private open = false;
  @state() private moments: Moment[] | null = null;
  @state() private error = '';
  @state() private compare = false;
  @state() private sides: [SideState, SideState] = [
    { index: 0, phase: null },
    { index: 0, phase: null },
  ];
  @state() private opened = new Map<number, OpenedVersion>();
  private settle: ReturnType<typeof setTimeout> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a new version was saved or arrived: the list grows, a side on the newest moment follows it
    if (changed.has('latest') && this.open && changed.get('latest') !== undefined)
      void this.loadMoments();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.settle);
  }

  override render() {
    return html`<section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${timelineHeading(this.audience)}</h2>
      <p>${timelineLead(this.audience)}</p>
      ${
        this.open
          ? this.renderOpen()
          : html`<button type="button" class="secondary" @click=${this.onOpen}>
              ${msg('Bekijk eerdere momenten', { id: 'timeline.open' })}
            </button>`
      }
    </section>`;
  }

  private renderOpen() {
    if (this.error !== '') return html`<p class="error" role="alert">${this.error}</p>`;
    const moments = this.moments;
    if (moments === null) {
      return html`<p role="status">
        ${msg('Even geduld. We zoeken de bewaarde momenten.', { id: 'timeline.loading' })}
      </p>`;
    }
    const shown = this.compare ? this.sides : [this.sides[0]];
    const forgotten = this.latest === null ? new Set<string>() : forgottenIn(this.latest);
    return html`
      <p>${msg(str`Er zijn ${moments.length} momenten bewaard.`, { id: 'timeline.count' })}</p>
      <div class="sides ${this.compare ? 'two' : ''}">
        ${shown.map((side, i) =>
          renderSide({
            key: i === 0 ? 'a' : 'b',
            title: this.compare
              ? i === 0
                ? msg('Eerste moment', { id: 'timeline.first' })
                : msg('Tweede moment', { id: 'timeline.second' })
              : msg('Moment', { id: 'timeline.moment' }),
            side,
            moments,
            mapId: this.session?.summary.mapId ?? '',
            audience: this.audience,
            opened: this.opened.get(moments[side.index]?.version ?? 0),
            forgotten,
            filterByPhase: this.datedPhases(moments) === false,
            phaseOfDay: this.phaseOfDay,
            onIndex: (index) => this.setSide(i, { ...side, index }),
            onPhase: (phase) => this.onPhase(i, phase),
          }),
        )}
      </div>
      <label class="choice compare">
        <input type="checkbox" .checked=${this.compare} @change=${this.onCompare} />
        <span>${msg('Vergelijk met een ander moment', { id: 'timeline.compare' })}</span>
      </label>
      ${this.compare ? this.renderChange(moments, forgotten) : nothing}
    `;
  }

  private renderChange(moments: Moment[], forgotten: ReadonlySet<string>) {
    const first = this.viewOf(this.sides[0], moments);
    const second = this.viewOf(this.sides[1], moments);
    if (first === null || second === null) return nothing;
    const [from, to] = order(first, second);
    const change = peopleChange(from, to, forgotten);
    const names = (list: { label: string }[]) => list.map((entry) => entry.label).join(', ');
    return html`<div class="change" role="status" aria-live="polite" data-testid="timeline-change">
      ${
        change.joined.length > 0
          ? html`<p class="strength">
                ${joinedLine(this.audience, change.joined.length, sinceWhat(this.audience, { phase: from.chosen, savedAt: from.savedAt }))}
              </p>
              <p>
                ${msg('Erbij:', { id: 'timeline.joinedNames' })} <bdi>${names(change.joined)}</bdi>
              </p>`
          : nothing
      }
      ${
        change.left.length > 0
          ? html`<p>${leftLine(change.left.length)}</p>
              <p>
                ${msg('Gestopt:', { id: 'timeline.leftNames' })} <bdi>${names(change.left)}</bdi>
              </p>`
          : nothing
      }
      ${change.joined.length === 0 && change.left.length === 0 ? html`<p>${noChangeLine()}</p>` : nothing}
    </div>`;
  }

  /** What a side shows, once its version is decrypted (null before, or when it cannot be read). */
  private viewOf(side: SideState, moments: Moment[]): SideView | null {
    const moment = moments[side.index];
    const opened = moment === undefined ? undefined : this.opened.get(moment.version);
    if (moment === undefined || opened === undefined || !opened.readable) return null;
    const filter = this.datedPhases(moments) ? null : side.phase;
    const phaseOrder = side.phase === null ? PHASES.length : PHASES.indexOf(side.phase);
    return {
      document: opened.document,
      savedAt: moment.savedAt,
      phase: filter,
      order: phaseOrder,
      chosen: side.phase,
    };
  }

  /** True when the hook gives moments a phase of their own (then a phase picks a moment). */
  private datedPhases(moments: Moment[]): boolean {
    return moments.some((moment) => this.phaseOfDay(dayOf(moment.savedAt)) !== null);
  }

  private async onOpen(): Promise<void> {
    this.open = true;
    await this.loadMoments();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#moment-a')?.focus();
  }

  private async loadMoments(): Promise<void> {
    const session = this.session;
    if (session === null) return;
    try {
      const before = this.moments;
      const moments = await session.history.moments();
      const last = moments.length - 1;
      const wasLast = (side: SideState) => before === null || side.index >= before.length - 1;
      this.sides = this.sides.map((side) => ({
        ...side,
        index: wasLast(side) ? last : side.index,
      })) as [SideState, SideState];
      this.moments = moments;
      this.load();
    } catch (error) {
      this.error = describeError(error);
    }
  }

  private setSide(i: number, side: SideState): void {
    const sides: [SideState, SideState] = [...this.sides];
    sides[i] = side;
    this.sides = sides;
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.load(), SETTLE_MS);
  }

  private onPhase(i: number, phase: Phase | null): void {
    const moments = this.moments ?? [];
    const side = this.sides[i]!;
    if (phase !== null && this.datedPhases(moments)) {
      // the last moment that falls in this phase
      const index = lastMomentIn(moments, phase, this.phaseOfDay);
      this.setSide(i, { index: index < 0 ? side.index : index, phase });
      return;
    }
    this.setSide(i, { ...side, phase });
  }

  private onCompare(event: Event): void {
    this.compare = event.target instanceof HTMLInputElement && event.target.checked;
    const last = (this.moments?.length ?? 1) - 1;
    if (this.compare) {
      // the picked moment against now; when the picked one is now, the first against now
      const first = this.sides[0].index === last ? { index: 0, phase: null } : this.sides[0];
      this.sides = [first, { index: last, phase: null }];
      this.load();
    }
  }

  /** Fetches and decrypts the versions the sides show that are not open yet. */
  private load(): void {
    const session = this.session;
    const moments = this.moments;
    if (session === null || moments === null) return;
    const shown = (this.compare ? this.sides : [this.sides[0]]).map(
      (side) => moments[side.index]?.version,
    );
    const wanted = shown.filter(
      (version): version is number => version !== undefined && !this.opened.has(version),
    );
    if (wanted.length === 0) return;
    session.history.open(wanted).then(
      (results) => {
        const next = new Map(this.opened);
        for (const result of results) next.set(result.version, result);
        this.opened = next;
      },
      (error: unknown) => {
        this.error = describeError(error);
      },
    );
  }
}

/** A side ready to compare: `order` sorts phases in time, `chosen` is the phase picked. */
type SideView = MomentView & { readonly order: number; readonly chosen: Phase | null };

/** The earlier side first: by date, then (for the same version) by phase. */
function order(a: SideView, b: SideView): [SideView, SideView] {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? [a, b] : [b, a];
  return a.order <= b.order ? [a, b] : [b, a];
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-timeline': NkTimeline;
  }
}
