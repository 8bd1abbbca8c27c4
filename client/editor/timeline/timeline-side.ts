/**
 * One side of the timeline: a slider over the stored moments (a native range input, so arrow
 * keys and screen readers work), a phase choice, and the picture and list as they were then.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { PHASES, type Phase } from '../../../shared/map/types.js';
import { dayOf, type PhaseOfDay } from '../../../shared/map/dates.js';
import { entriesAt } from '../../../shared/map/timeline.js';
import type { OpenedVersion } from '../../crypto/protocol.js';
import { paths } from '../../shell/router.js';
import { phaseName } from '../../taxonomy/vocabulary.js';
import { formatDateTime } from '../../ui/format.js';
import { centreFallback, type Audience } from '../audience.js';
import { entryDates } from './words.js';
import type { Moment } from './history.js';
import '../picture/nk-ring-picture.js';

/** Which moment (index in the list, oldest first) and which phase a side shows. */
export interface SideState {
  readonly index: number;
  readonly phase: Phase | null;
}

export interface SideInput {
  /** 'a' or 'b': keeps the ids of the two sides apart. */
  readonly key: string;
  readonly title: string;
  readonly side: SideState;
  readonly moments: readonly Moment[];
  readonly mapId: string;
  readonly audience: Audience;
  /** The side's version once decrypted; undefined while it loads. */
  readonly opened: OpenedVersion | undefined;
  readonly forgotten: ReadonlySet<string>;
  /** True while moments have no phase of their own: the phase filters the people. */
  readonly filterByPhase: boolean;
  readonly phaseOfDay: PhaseOfDay;
  onIndex(index: number): void;
  onPhase(phase: Phase | null): void;
}

/** "8 dec 2026, 14:05", with the moment's phase when it has one. */
function momentText(moment: Moment, phaseOfDay: PhaseOfDay): string {
  const when = formatDateTime(moment.savedAt);
  const phase = phaseOfDay(dayOf(moment.savedAt));
  return phase === null ? when : `${when} · ${phaseName(phase)}`;
}

export function renderSide(input: SideInput) {
  const { key, side, moments } = input;
  const moment = moments[side.index];
  if (moment === undefined) return nothing;
  const text = momentText(moment, input.phaseOfDay);
  return html`<section
    class="side"
    aria-labelledby="side-${key}"
    data-testid="timeline-side-${key}"
  >
    <h3 id="side-${key}">${input.title}</h3>
    <div class="field">
      <label for="moment-${key}">
        ${msg(str`Kies een moment (${side.index + 1} van ${moments.length})`, { id: 'timeline.pick' })}
      </label>
      <input
        id="moment-${key}"
        type="range"
        min="0"
        max=${moments.length - 1}
        step="1"
        .value=${String(side.index)}
        aria-valuetext=${text}
        ?disabled=${moments.length < 2}
        @input=${(event: Event) => input.onIndex(Number((event.target as HTMLInputElement).value))}
      />
      <output for="moment-${key}" data-testid="moment-date-${key}">${text}</output>
    </div>
    <div class="field">
      <label for="phase-${key}">${msg('Of kies een fase', { id: 'timeline.phase' })}</label>
      <select
        id="phase-${key}"
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          input.onPhase(PHASES.find((phase) => phase === value) ?? null);
        }}
      >
        <option value="" ?selected=${side.phase === null}>
          ${msg('Alle fasen', { id: 'timeline.allPhases' })}
        </option>
        ${PHASES.map(
          (phase) =>
            html`<option value=${phase} ?selected=${side.phase === phase}>
              ${phaseName(phase)}
            </option>`,
        )}
      </select>
    </div>
    ${renderPicture(input, moment)}
  </section>`;
}

function renderPicture(input: SideInput, moment: Moment) {
  const opened = input.opened;
  if (opened === undefined) {
    return html`<p role="status">
      ${msg('Even geduld. We openen dit moment.', { id: 'timeline.opening' })}
    </p>`;
  }
  if (!opened.readable) {
    return html`<p class="none">
      ${
        input.audience.kind === 'owner'
          ? msg('Dit moment kan dit apparaat niet openen.', { id: 'timeline.unreadable' })
          : msg('Dit moment is niet met jou gedeeld.', { id: 'timeline.unreadableMember' })
      }
    </p>`;
  }
  const document = opened.document;
  const phase = input.filterByPhase ? input.side.phase : null;
  const entries = entriesAt(document, input.forgotten, phase);
  return html`
    <nk-ring-picture
      .entries=${entries}
      .centre=${document.base.centre}
      .centreFallback=${centreFallback(input.audience)}
      aria-hidden="true"
    ></nk-ring-picture>
    ${
      entries.length === 0
        ? html`<p class="none">
            ${msg('Op dit moment stond er niemand op de kaart.', { id: 'timeline.empty' })}
          </p>`
        : html`<ul
            class="people"
            aria-label=${msg('Wie er toen op stond', { id: 'timeline.listLabel' })}
          >
            ${entries.map(
              (entry) =>
                html`<li class=${entry.active ? '' : 'ended'} data-id=${entry.id}>
                  <strong><bdi>${entry.label}</bdi></strong>
                  ${entry.active ? nothing : html` · ${msg('gestopt', { id: 'picture.ended' })}`}
                  ${entryDates(entry) === '' ? nothing : html`<span class="when">${entryDates(entry)}</span>`}
                </li>`,
            )}
          </ul>`
    }
    <a href=${paths.print(input.mapId, 'map', moment.version)}>
      ${msg('Dit moment printen', { id: 'timeline.print' })}
    </a>
  `;
}
