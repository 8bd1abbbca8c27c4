import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import type { BaseEntry, MapDocument } from '../../shared/map/types.js';
import {
  newEntryId,
  withCentre,
  withEntry,
  withoutEntry,
  withPlace,
  withWishes,
} from './session/edits.js';
import type { MapSession } from './session/map-session.js';
import type { PhaseFilter } from './session/view.js';
import { isProfessionalCategory } from '../../shared/map/taxonomy.js';
import { lostMapNotice } from '../membership/departure/lost-maps.js';
import { BusyController } from '../ui/busy.js';
import { editorStyles } from './editor-styles.js';
import type { NkPersonCard } from './nk-person-card.js';
import type { NkPersonForm, PersonFormValue } from './nk-person-form.js';
import { renderPeople, type PeopleScreen } from './people-section.js';
import type { NkRingPicture } from './picture/nk-ring-picture.js';
import type { MapView, ViewChange } from './nk-view-controls.js';
import type { NkWishes } from './nk-wishes.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import type { NkEvent } from '../ui/events.js';
import './nk-centre-form.js';
import './nk-room-to-grow.js';
import type { NkFindHelp } from '../directory/nk-find-help.js';
import '../directory/nk-find-help.js';
import '../directory/nk-professional-search.js';
import type { DirectoryService } from '../../shared/api/directory.js';
import { serviceEntry } from '../directory/service-entry.js';
import { OWNER, addedToMap, audienceOf, type Audience } from './audience.js';
import { dayOf, withFormDates } from '../../shared/map/dates.js';
import { renderTimeline } from './timeline/timeline-section.js';
import { renderOpenError } from './open-error.js';
import { renderIntro, renderMemberLead } from './intro-section.js';
import { withBirth, type BirthDate } from '../birth/birth.js';

const today = (): string => dayOf(Date.now());
import { offlineNote } from '../offline/nk-offline-note.js';
import { offlineAt } from '../offline/offline-state.js';

/** Below this many informal people, the map shows ideas for growing the network. */
const FEW_INFORMAL = 3;

/**
 * The map editor: what goes well and the parent's wishes first, then the people as a ring
 * picture or a list (filtered by phase, with or without who no longer helps), and adding,
 * changing and removing people. Every change is saved at once as a new version.
 */
@customElement('nk-map-editor')
@localized()
export class NkMapEditor extends LitElement implements PeopleScreen {
  static override styles = [sharedStyles, editorStyles];

  private readonly store = new StoreController(this);

  /** Id of the map to show. */
  @property() mapId = '';

  @query('#add-button') private addButton!: HTMLButtonElement | null;
  @query('#people-heading') private peopleHeading!: HTMLElement | null;
  @query('nk-person-form') private form!: NkPersonForm | null;
  @query('nk-ring-picture') private picture!: NkRingPicture | null;
  @query('nk-wishes') private wishes!: NkWishes | null;
  @query('nk-find-help') private findHelp!: NkFindHelp | null;

  /** `new` while adding, an entry id while changing that entry, null otherwise. */
  @state() editing: string | null = null;
  readonly saving = new BusyController(this);
  @state() private document: MapDocument | null = null;
  /** True when this slot may only read the map. */
  @state() private slotReadonly = false;
  @state() view: MapView = 'picture';
  @state() phase: PhaseFilter = 'all';
  @state() showEnded = false;
  /** The person opened from the picture. */
  @state() selected = '';
  /** Entry ids of the agreed borgers (the parent asked and the member said yes on her card). */
  @state() borgerIds: readonly string[] = [];

  private session: MapSession | null = null;

  /** Only reading: a slot that may only read, or no connection (decision 0025: offline, nothing is saved). */
  get readonly(): boolean {
    return this.slotReadonly || offlineAt(this.session, this.store.value) !== null;
  }

  /** Whose map this reads as: her own (an owner) or someone else's (a member); see audience.ts. */
  get audience(): Audience {
    const session = this.session;
    if (session === null || this.document === null) return OWNER;
    return audienceOf(session.rights, this.document.base.centre);
  }
  /** A newer version arrived while a person's form was open: shown once the form closes. */
  private refreshedWhileEditing = false;

  private readonly loadTask = new Task(this, {
    task: async ([mapId]: readonly [string]) => {
      const session = await this.store.value.openMap(mapId);
      // Someone else may have saved since this session was opened (not when it was opened just now).
      await session.refreshIfStale();
      this.session = session;
      this.document = session.document;
      this.slotReadonly = session.rights === 'read';
      this.view = this.store.value.mapView;
      this.borgerIds = await session.borgerIds();
      return session;
    },
    args: () => [this.mapId] as const,
  });

  override render() {
    return html`
      <a class="back" href=${paths.maps}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Mijn kaarten', { id: 'editor.back' })}</a
      >
      ${this.loadTask.render({
        pending: () => html`
          <h1 tabindex="-1">${msg('Kaart openen…', { id: 'editor.loadingHeading' })}</h1>
          <p role="status">${msg('Even geduld. We openen je kaart.', { id: 'editor.loading' })}</p>
        `,
        complete: () => (this.document === null ? nothing : this.renderMap(this.document)),
        error: (error) => renderOpenError(error),
      })}
    `;
  }

  private renderMap(document: MapDocument) {
    if (this.store.value.mapSummary(this.mapId) === undefined) return lostMapNotice();
    const entries = document.base.entries;
    const informal = entries.filter(
      (entry) => entry.active && !isProfessionalCategory(entry.category),
    );
    const audience = this.audience;
    return html`
      <h1 tabindex="-1">${document.base.title}</h1>
      ${offlineNote(offlineAt(this.session, this.store.value), 'map')}
      ${renderMemberLead(audience, () => void this.findHelp?.focusSearch())}
      ${renderIntro(this, document)} ${renderPeople(this, document)}
      ${renderTimeline(this.session, audience, document)}
      ${
        this.readonly || audience.kind !== 'owner'
          ? nothing
          : html`<nk-centre-form
              .parentNames=${document.base.centre.parents}
              .childNames=${document.base.centre.children}
              ?busy=${this.saving.busy}
              @nk-centre-save=${this.onCentre}
            ></nk-centre-form>`
      }
      ${
        informal.length < FEW_INFORMAL
          ? html`<nk-room-to-grow
              ?empty=${entries.length === 0}
              .audience=${audience}
            ></nk-room-to-grow>`
          : nothing
      }
      <nk-find-help
        .audience=${audience}
        .entries=${entries}
        ?readonly=${this.readonly}
        ?busy=${this.saving.busy}
        .savedPlace=${this.document?.private?.place ?? ''}
        ?canSavePlace=${!this.readonly && this.document?.private !== undefined}
        @nk-service-add=${this.onServiceAdd}
        @nk-place-save=${this.onPlaceSave}
      ></nk-find-help>
      <nk-professional-search
        .audience=${audience}
        .mapId=${this.mapId}
        ?canInvite=${this.session?.rights === 'admin'}
      ></nk-professional-search>
    `;
  }

  onViewChange(event: CustomEvent<ViewChange>): void {
    this.view = event.detail.view;
    this.store.value.mapView = this.view;
    this.phase = event.detail.phase;
    this.showEnded = event.detail.showEnded;
  }

  async onOpen(event: CustomEvent<{ id: string }>): Promise<void> {
    this.editing = null;
    this.selected = event.detail.id;
    await this.updateComplete;
    this.card(this.selected)?.focusHeading();
  }

  async onClose(): Promise<void> {
    const id = this.selected;
    this.selected = '';
    this.editing = null;
    await this.updateComplete;
    await this.picture?.focusEntry(id);
  }

  async onAdd(): Promise<void> {
    this.saving.clear();
    this.editing = 'new';
    await this.updateComplete;
    this.form?.focus();
  }

  async onEdit(event: CustomEvent<{ id: string }>): Promise<void> {
    this.saving.clear();
    this.editing = event.detail.id;
    await this.updateComplete;
    this.form?.focus();
  }

  /**
   * Live update: someone else saved a new version; the session takes it (after a save in progress).
   * An open person's form stays as typed, the rest follows when it closes (its save merges). After a
   * resync the borgers (from the cards) are read again: card events may have been missed too.
   */
  readonly onRemoteVersion = async (event: NkEvent<'nk-map-version'>): Promise<void> => {
    const session = this.session;
    if (session === null) return;
    let changed: boolean;
    try {
      changed = await session.refresh();
    } catch {
      return; // The next event or save tries again; a lost access shows through nk-members-entry.
    }
    if (this.session !== session || (!changed && !event.detail.resync)) return;
    void session.borgerIds().then((ids) => {
      if (this.session === session) this.borgerIds = ids;
    });
    if (!changed) return;
    if (this.editing !== null && this.editing !== 'new') {
      this.refreshedWhileEditing = true;
      return;
    }
    this.document = session.document;
  };

  async onCancel(): Promise<void> {
    const was = this.editing;
    this.editing = null;
    if (this.refreshedWhileEditing && this.session !== null) this.document = this.session.document;
    this.refreshedWhileEditing = false;
    await this.updateComplete;
    this.restoreFocus(was);
  }

  async onSaveNew(event: CustomEvent<PersonFormValue>): Promise<void> {
    const { detail, since, until, ...fields } = event.detail;
    const fresh: BaseEntry = { id: newEntryId(), ...fields, active: true };
    const entry = withFormDates(fresh, { since: since || today(), until }, today());
    const saved = await this.apply(
      (document) => withEntry(document, entry, detail),
      addedToMap(this.audience, entry.label),
    );
    if (saved) {
      this.editing = null;
      await this.updateComplete;
      this.addButton?.focus();
    }
  }

  async onSaveEdit(old: BaseEntry, event: CustomEvent<PersonFormValue>): Promise<void> {
    const { detail, since, until, ...fields } = event.detail;
    const entry = withFormDates({ ...old, ...fields }, { since, until }, today());
    const saved = await this.apply(
      (document) => withEntry(document, entry, detail),
      msg('De wijziging is opgeslagen.', { id: 'editor.changed' }),
    );
    if (saved) {
      this.editing = null;
      await this.updateComplete;
      this.restoreFocus(entry.id);
    }
  }

  async onTrusted(event: CustomEvent<{ id: string; trusted: boolean }>): Promise<void> {
    const { id, trusted } = event.detail;
    const old = this.document?.base.entries.find((entry) => entry.id === id);
    if (old === undefined) return;
    const entry: BaseEntry = { ...old, trusted };
    const detail = this.document?.detail?.entries[id] ?? {};
    await this.apply(
      (document) => withEntry(document, entry, detail),
      trusted
        ? msg(str`${entry.label} is je vertrouwde persoon.`, { id: 'editor.trustedOn' })
        : msg(str`${entry.label} is niet meer gemarkeerd als vertrouwde persoon.`, {
            id: 'editor.trustedOff',
          }),
    );
  }

  async onRemove(event: CustomEvent<{ id: string }>): Promise<void> {
    const id = event.detail.id;
    const label = this.document?.base.entries.find((entry) => entry.id === id)?.label ?? '';
    const saved = await this.apply(
      (document) => withoutEntry(document, id),
      msg(str`${label} is van je kaart gehaald.`, { id: 'editor.removed' }),
    );
    if (saved) {
      this.selected = '';
      await this.updateComplete;
      this.peopleHeading?.focus();
    }
  }

  /** "Zet op mijn kaart": a service of the sociale kaart becomes an entry, saved like any edit. */
  private async onServiceAdd(event: CustomEvent<DirectoryService>): Promise<void> {
    const { entry, detail } = serviceEntry(event.detail);
    const added = addedToMap(this.audience, entry.label);
    await this.apply((document) => withEntry(document, entry, detail), added);
  }

  /** Keeps the parent's place in the private section, so "Mist er iets?" need not ask again. */
  private async onPlaceSave(event: CustomEvent<{ place: string }>): Promise<void> {
    const saved = msg('Je plaats is bewaard in je kaart.', { id: 'editor.placeSaved' });
    await this.apply((document) => withPlace(document, event.detail.place), saved);
  }

  async onBirth(event: CustomEvent<{ birth: BirthDate | null }>): Promise<void> {
    const saved = msg('De datum is bewaard in je kaart.', { id: 'birth.saved' });
    await this.apply((document) => withBirth(document, event.detail.birth), saved);
  }

  async onWishes(event: CustomEvent<{ wishes: string }>): Promise<void> {
    const wishes = event.detail.wishes;
    const saved = await this.apply(
      (document) => withWishes(document, wishes),
      msg('Je wensen zijn bewaard.', { id: 'editor.wishesSaved' }),
    );
    if (saved) await this.wishes?.saved();
  }

  private async onCentre(
    event: CustomEvent<{ parents: string[]; children: string[] }>,
  ): Promise<void> {
    const centre = event.detail;
    await this.apply(
      (document) => withCentre(document, centre),
      msg('De namen zijn bewaard.', { id: 'editor.centreSaved' }),
    );
  }

  /** Saves one change; true when it was stored on the server. */
  private async apply(
    edit: (document: MapDocument) => MapDocument,
    done: string,
  ): Promise<boolean> {
    const session = this.session;
    if (session === null) return false;
    return this.saving.run(
      async () => {
        const result = await session.save(edit);
        this.refreshedWhileEditing = false;
        this.document = session.document;
        this.store.value.announce(
          result.merged
            ? msg(
                'Opgeslagen. Iemand anders had de kaart ook veranderd; beide wijzigingen staan erin.',
                { id: 'editor.merged' },
              )
            : done,
        );
      },
      () => {
        this.document = session.document;
      },
    );
  }

  private card(id: string): NkPersonCard | null {
    return this.renderRoot.querySelector<NkPersonCard>(
      `nk-person-card[data-id="${CSS.escape(id)}"]`,
    );
  }

  private restoreFocus(editing: string | null): void {
    if (editing === null || editing === 'new') {
      this.addButton?.focus();
      return;
    }
    this.card(editing)?.focusEdit();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-map-editor': NkMapEditor;
  }
}
