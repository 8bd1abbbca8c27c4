/**
 * The people on the map editor: adding someone, the view controls, and the people as a ring
 * picture with a panel for the one chosen, or as a list by ring; a person's card, or her form
 * while she is changed.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { RINGS, type BaseEntry, type MapDocument, type Ring } from '../../shared/map/types.js';
import { heading } from '../shell/heading.js';
import { ringName } from '../taxonomy/vocabulary.js';
import type { NkEvent } from '../ui/events.js';
import type { PersonFormValue } from './nk-person-form.js';
import type { MapView, ViewChange } from './nk-view-controls.js';
import { visibleEntries, type PhaseFilter } from './session/view.js';
import {
  centreFallback,
  emptyMap,
  noneInPhase,
  peopleHeading,
  pickHint,
  type Audience,
} from './audience.js';
import '../membership/nk-members-entry.js';
import '../print/nk-print-menu.js';
import './nk-export-menu.js';
import './nk-person-card.js';
import './nk-person-form.js';
import './nk-view-controls.js';
import './picture/nk-map-legend.js';
import './picture/nk-ring-picture.js';

/** What the people section reads and calls: nk-map-editor.ts provides it. */
export interface PeopleScreen {
  /** Id of the map shown. */
  readonly mapId: string;
  /** Whose map it is to the one looking (audience.ts). */
  readonly audience: Audience;
  /** True when this slot may only read the map. */
  readonly readonly: boolean;
  /** `new` while adding, an entry id while changing that entry, null otherwise. */
  readonly editing: string | null;
  readonly saving: { readonly busy: boolean; readonly error: string };
  readonly view: MapView;
  readonly phase: PhaseFilter;
  readonly showEnded: boolean;
  /** The person opened from the picture. */
  readonly selected: string;
  /** Entry ids of the agreed borgers. */
  readonly borgerIds: readonly string[];
  onAdd(): void;
  onViewChange(event: CustomEvent<ViewChange>): void;
  onRemoteVersion(event: NkEvent<'nk-map-version'>): void;
  onOpen(event: CustomEvent<{ id: string }>): void;
  onClose(): void;
  onEdit(event: CustomEvent<{ id: string }>): void;
  onTrusted(event: CustomEvent<{ id: string; trusted: boolean }>): void;
  onRemove(event: CustomEvent<{ id: string }>): void;
  onSaveNew(event: CustomEvent<PersonFormValue>): void;
  onSaveEdit(old: BaseEntry, event: CustomEvent<PersonFormValue>): void;
  onCancel(): void;
}

/** "Wie helpt jou?": the buttons above the people, then the picture or the list by ring. */
export function renderPeople(screen: PeopleScreen, document: MapDocument) {
  const entries = document.base.entries;
  const visible = visibleEntries(entries, { phase: screen.phase, showEnded: screen.showEnded });
  return html`<section aria-labelledby="people-heading">
    <h2 id="people-heading" tabindex="-1">${peopleHeading(screen.audience)}</h2>
    ${entries.length === 0 ? emptyMap(screen.audience).map((line) => html`<p>${line}</p>`) : nothing}
    <div class="actions">
      ${
        screen.readonly || screen.editing === 'new'
          ? nothing
          : html`<button
              id="add-button"
              type="button"
              ?disabled=${screen.saving.busy}
              @click=${screen.onAdd}
            >
              + ${msg('Iemand toevoegen', { id: 'editor.add' })}
            </button>`
      }
      <nk-print-menu .mapId=${screen.mapId} .audience=${screen.audience}></nk-print-menu>
      <nk-export-menu .document=${document}></nk-export-menu>
      <nk-members-entry
        .mapId=${screen.mapId}
        @nk-map-version=${screen.onRemoteVersion}
      ></nk-members-entry>
    </div>
    ${screen.editing === 'new' ? renderAddForm(screen) : nothing}
    ${screen.saving.error ? html`<p class="error" role="alert">${screen.saving.error}</p>` : nothing}
    ${
      entries.length > 0
        ? html`<nk-view-controls
            view=${screen.view}
            phase=${screen.phase}
            ?showEnded=${screen.showEnded}
            .endedCount=${entries.filter((entry) => !entry.active).length}
            @nk-view-change=${screen.onViewChange}
          ></nk-view-controls>`
        : nothing
    }
    ${
      entries.length > 0 && visible.length === 0
        ? html`<p class="none">${noneInPhase(screen.audience)}</p>`
        : nothing
    }
    ${screen.view === 'picture' ? renderPicture(screen, document, visible) : renderList(screen, document, visible)}
  </section>`;
}

function renderAddForm(screen: PeopleScreen) {
  return html`<div class="card add">
    <h2 id="add-heading">${msg('Iemand toevoegen', { id: 'editor.addHeading' })}</h2>
    <nk-person-form
      headingLevel="3"
      ?busy=${screen.saving.busy}
      @nk-person-save=${screen.onSaveNew}
      @nk-person-cancel=${screen.onCancel}
    ></nk-person-form>
  </div>`;
}

function renderPicture(screen: PeopleScreen, document: MapDocument, visible: readonly BaseEntry[]) {
  const selected = visible.find((entry) => entry.id === screen.selected);
  return html`<div class="picture-layout">
    <nk-ring-picture
      interactive
      .entries=${visible}
      .borgerIds=${screen.borgerIds}
      .centre=${document.base.centre}
      .centreFallback=${centreFallback(screen.audience)}
      selected=${selected?.id ?? ''}
      @nk-person-open=${screen.onOpen}
    ></nk-ring-picture>
    <section class="panel" aria-label=${msg('Gekozen persoon', { id: 'editor.panel' })}>
      ${
        selected === undefined
          ? html`<p class="hint-pick">${pickHint(screen.audience)}</p>
              <nk-map-legend></nk-map-legend>`
          : html`${renderPerson(screen, document, selected, 3)}
              <button type="button" class="quiet close" @click=${screen.onClose}>
                ${msg('Sluiten', { id: 'editor.close' })}
              </button>`
      }
    </section>
  </div>`;
}

function renderList(screen: PeopleScreen, document: MapDocument, visible: readonly BaseEntry[]) {
  return RINGS.map((ring) => renderRing(screen, ring, visible, document));
}

function renderRing(
  screen: PeopleScreen,
  ring: Ring,
  entries: readonly BaseEntry[],
  document: MapDocument,
) {
  const inRing = entries.filter((entry) => entry.ring === ring);
  if (inRing.length === 0) return nothing;
  return html`
    <h3 data-ring=${ring}><span class="dot" aria-hidden="true"></span>${ringName(ring)}</h3>
    <ul class="people">
      ${inRing.map((entry) => html`<li>${renderPerson(screen, document, entry, 4)}</li>`)}
    </ul>
  `;
}

/** One person's card at heading `level`, or the form while changing them. */
function renderPerson(screen: PeopleScreen, document: MapDocument, entry: BaseEntry, level: 3 | 4) {
  const detail = document.detail?.entries[entry.id];
  if (screen.editing === entry.id) {
    return html`<div class="card">
      ${heading(level, msg(str`${entry.label} wijzigen`, { id: 'card.editLabel' }), { className: 'edit-heading' })}
      <nk-person-form
        headingLevel=${level + 1}
        .entry=${entry}
        .detail=${detail}
        ?busy=${screen.saving.busy}
        @nk-person-save=${(event: CustomEvent<PersonFormValue>) => screen.onSaveEdit(entry, event)}
        @nk-person-cancel=${screen.onCancel}
      ></nk-person-form>
    </div>`;
  }
  return html`<nk-person-card
    data-id=${entry.id}
    headingLevel=${level}
    .entry=${entry}
    .detail=${detail}
    ?borger=${screen.borgerIds.includes(entry.id)}
    ?busy=${screen.saving.busy}
    ?readonly=${screen.readonly}
    @nk-person-edit=${screen.onEdit}
    @nk-person-trusted=${screen.onTrusted}
    @nk-person-remove=${screen.onRemove}
  ></nk-person-card>`;
}
