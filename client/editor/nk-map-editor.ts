import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { RINGS, type BaseEntry, type MapDocument, type Ring } from '../../shared/map/types.js';
import { newEntryId, withEntry, withoutEntry } from './session/edits.js';
import type { MapSession } from './session/map-session.js';
import { visibleEntries, type PhaseFilter } from './session/view.js';
import { isProfessionalCategory } from '../../shared/map/taxonomy.js';
import { describeError } from '../ui/errors.js';
import { BusyController } from '../ui/busy.js';
import { heading } from '../shell/heading.js';
import { editorStyles } from './editor-styles.js';
import type { NkPersonCard } from './nk-person-card.js';
import type { NkPersonForm, PersonFormValue } from './nk-person-form.js';
import type { NkRingPicture } from './picture/nk-ring-picture.js';
import type { MapView, ViewChange } from './nk-view-controls.js';
import type { NkWishes } from './nk-wishes.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { ringName } from '../taxonomy/vocabulary.js';
import type { NkEvent } from '../ui/events.js';
import './nk-centre-form.js';
import './picture/nk-map-legend.js';
import './nk-person-card.js';
import './nk-person-form.js';
import '../print/nk-print-menu.js';
import '../membership/nk-members-entry.js';
import './picture/nk-ring-picture.js';
import './nk-room-to-grow.js';
import './nk-strengths.js';
import './nk-view-controls.js';
import './nk-wishes.js';
import '../directory/nk-find-help.js';
import './nk-export-menu.js';
import '../directory/nk-professional-search.js';
import type { DirectoryService } from '../../shared/api/directory.js';
import { serviceEntry } from '../directory/service-entry.js';

/** Below this many informal people, the map shows ideas for growing the network. */
const FEW_INFORMAL = 3;

/**
 * The map editor: what goes well and the parent's wishes first, then the people as a ring
 * picture or a list (filtered by phase, with or without who no longer helps), and adding,
 * changing and removing people. Every change is saved at once as a new version.
 */
@customElement('nk-map-editor')
@localized()
export class NkMapEditor extends LitElement {
  static override styles = [sharedStyles, editorStyles];

  private readonly store = new StoreController(this);

  /** Id of the map to show. */
  @property() mapId = '';

  @query('#add-button') private addButton!: HTMLButtonElement | null;
  @query('#people-heading') private peopleHeading!: HTMLElement | null;
  @query('nk-person-form') private form!: NkPersonForm | null;
  @query('nk-ring-picture') private picture!: NkRingPicture | null;
  @query('nk-wishes') private wishes!: NkWishes | null;

  /** `new` while adding, an entry id while changing that entry, null otherwise. */
  @state() private editing: string | null = null;
  private readonly saving = new BusyController(this);
  @state() private document: MapDocument | null = null;
  /** True when this slot may only read the map. */
  @state() private readonly = false;
  @state() private view: MapView = 'picture';
  @state() private phase: PhaseFilter = 'all';
  @state() private showEnded = false;
  /** The person opened from the picture. */
  @state() private selected = '';
  /** Entry ids of the agreed borgers (the parent asked and the member said yes on her card). */
  @state() private borgerIds: readonly string[] = [];

  private session: MapSession | null = null;
  /** A newer version arrived while a person's form was open: shown once the form closes. */
  private refreshedWhileEditing = false;

  private readonly loadTask = new Task(this, {
    task: async ([mapId]: readonly [string]) => {
      const session = await this.store.value.openMap(mapId);
      // Someone else may have saved since this session was opened.
      await session.refresh();
      this.session = session;
      this.document = session.document;
      this.readonly = session.rights === 'read';
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
        error: (error) => html`
          <h1 tabindex="-1">${msg('Kaart niet geopend', { id: 'editor.errorHeading' })}</h1>
          <p class="error" role="alert">
            ${
              error instanceof Error && error.message === 'not-in-keyring'
                ? msg('Deze kaart staat niet bij jouw kaarten.', { id: 'editor.notInKeyring' })
                : describeError(error)
            }
          </p>
        `,
      })}
    `;
  }

  private renderMap(document: MapDocument) {
    const entries = document.base.entries;
    const visible = visibleEntries(entries, { phase: this.phase, showEnded: this.showEnded });
    const informal = entries.filter(
      (entry) => entry.active && !isProfessionalCategory(entry.category),
    );
    return html`
      <h1 tabindex="-1">${document.base.title}</h1>
      ${this.renderIntro(document)}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading" tabindex="-1">
          ${msg('Wie helpt jou?', { id: 'editor.peopleHeading' })}
        </h2>
        ${
          entries.length === 0
            ? html`<p>
                  ${msg(
                    'Zet hier de mensen om je heen op een rij: familie, vrienden, buren, en ook hulpverleners. Samen laten ze zien wat al goed gaat.',
                    { id: 'editor.introEmpty' },
                  )}
                </p>
                <p>
                  ${msg('Begin met de mensen die het dichtst bij je staan.', { id: 'editor.emptyStart' })}
                </p>`
            : nothing
        }
        <div class="actions">
          ${
            this.readonly || this.editing === 'new'
              ? nothing
              : html`<button
                  id="add-button"
                  type="button"
                  ?disabled=${this.saving.busy}
                  @click=${this.onAdd}
                >
                  + ${msg('Iemand toevoegen', { id: 'editor.add' })}
                </button>`
          }
          <nk-print-menu .mapId=${this.mapId}></nk-print-menu>
          <nk-export-menu .document=${document}></nk-export-menu>
          <nk-members-entry
            .mapId=${this.mapId}
            @nk-map-version=${this.onRemoteVersion}
          ></nk-members-entry>
        </div>
        ${this.editing === 'new' ? this.renderAddForm() : nothing}
        ${this.saving.error ? html`<p class="error" role="alert">${this.saving.error}</p>` : nothing}
        ${
          entries.length > 0
            ? html`<nk-view-controls
                view=${this.view}
                phase=${this.phase}
                ?showEnded=${this.showEnded}
                .endedCount=${entries.filter((entry) => !entry.active).length}
                @nk-view-change=${this.onViewChange}
              ></nk-view-controls>`
            : nothing
        }
        ${
          entries.length > 0 && visible.length === 0
            ? html`<p class="none">
                ${msg('In deze fase staat nog niemand op je kaart.', { id: 'editor.noneInPhase' })}
              </p>`
            : nothing
        }
        ${this.view === 'picture' ? this.renderPicture(document, visible) : this.renderList(document, visible)}
      </section>

      ${
        this.readonly
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
          ? html`<nk-room-to-grow ?empty=${entries.length === 0}></nk-room-to-grow>`
          : nothing
      }
      <nk-find-help
        .entries=${entries}
        ?readonly=${this.readonly}
        ?busy=${this.saving.busy}
        .savedPlace=${this.document?.private?.place ?? ''}
        ?canSavePlace=${!this.readonly && this.document?.private !== undefined}
        @nk-service-add=${this.onServiceAdd}
        @nk-place-save=${this.onPlaceSave}
      ></nk-find-help>
      <nk-professional-search
        .mapId=${this.mapId}
        ?canInvite=${this.session?.rights === 'admin'}
      ></nk-professional-search>
    `;
  }

  /** What goes well, then the parent's wishes (once there is someone on the map to start from). */
  private renderIntro(document: MapDocument) {
    const entries = document.base.entries;
    const helping = entries.some((entry) => entry.active);
    const wishes = document.private;
    const showWishes = wishes !== undefined && (entries.length > 0 || wishes.wishes.trim() !== '');
    if (!helping && !showWishes) return nothing;
    return html`<div class="intro ${helping && showWishes ? 'two' : ''}">
      ${helping ? html`<nk-strengths .entries=${entries}></nk-strengths>` : nothing}
      ${
        showWishes
          ? html`<nk-wishes
              .wishes=${wishes.wishes}
              ?readonly=${this.readonly}
              ?busy=${this.saving.busy}
              @nk-wishes-save=${this.onWishes}
            ></nk-wishes>`
          : nothing
      }
    </div>`;
  }

  private renderAddForm() {
    return html`<div class="card add">
      <h2 id="add-heading">${msg('Iemand toevoegen', { id: 'editor.addHeading' })}</h2>
      <nk-person-form
        headingLevel="3"
        ?busy=${this.saving.busy}
        @nk-person-save=${this.onSaveNew}
        @nk-person-cancel=${this.onCancel}
      ></nk-person-form>
    </div>`;
  }

  private renderPicture(document: MapDocument, visible: readonly BaseEntry[]) {
    const selected = visible.find((entry) => entry.id === this.selected);
    return html`<div class="picture-layout">
      <nk-ring-picture
        interactive
        .entries=${visible}
        .borgerIds=${this.borgerIds}
        .centre=${document.base.centre}
        selected=${selected?.id ?? ''}
        @nk-person-open=${this.onOpen}
      ></nk-ring-picture>
      <section class="panel" aria-label=${msg('Gekozen persoon', { id: 'editor.panel' })}>
        ${
          selected === undefined
            ? html`<p class="hint-pick">
                  ${msg('Kies iemand op de kaart om te zien wat die voor je doet.', { id: 'editor.pick' })}
                </p>
                <nk-map-legend></nk-map-legend>`
            : html`${this.renderPerson(document, selected, 3)}
                <button type="button" class="quiet close" @click=${this.onClose}>
                  ${msg('Sluiten', { id: 'editor.close' })}
                </button>`
        }
      </section>
    </div>`;
  }

  private renderList(document: MapDocument, visible: readonly BaseEntry[]) {
    return RINGS.map((ring) => this.renderRing(ring, visible, document));
  }

  private renderRing(ring: Ring, entries: readonly BaseEntry[], document: MapDocument) {
    const inRing = entries.filter((entry) => entry.ring === ring);
    if (inRing.length === 0) return nothing;
    return html`
      <h3 data-ring=${ring}><span class="dot" aria-hidden="true"></span>${ringName(ring)}</h3>
      <ul class="people">
        ${inRing.map((entry) => html`<li>${this.renderPerson(document, entry, 4)}</li>`)}
      </ul>
    `;
  }

  /** One person's card at heading `level`, or the form while changing them. */
  private renderPerson(document: MapDocument, entry: BaseEntry, level: 3 | 4) {
    const detail = document.detail?.entries[entry.id];
    if (this.editing === entry.id) {
      return html`<div class="card">
        ${heading(level, msg(str`${entry.label} wijzigen`, { id: 'card.editLabel' }), { className: 'edit-heading' })}
        <nk-person-form
          headingLevel=${level + 1}
          .entry=${entry}
          .detail=${detail}
          ?busy=${this.saving.busy}
          @nk-person-save=${(event: CustomEvent<PersonFormValue>) => this.onSaveEdit(entry, event)}
          @nk-person-cancel=${this.onCancel}
        ></nk-person-form>
      </div>`;
    }
    return html`<nk-person-card
      data-id=${entry.id}
      headingLevel=${level}
      .entry=${entry}
      .detail=${detail}
      ?borger=${this.borgerIds.includes(entry.id)}
      ?busy=${this.saving.busy}
      ?readonly=${this.readonly}
      @nk-person-edit=${this.onEdit}
      @nk-person-trusted=${this.onTrusted}
      @nk-person-remove=${this.onRemove}
    ></nk-person-card>`;
  }

  private onViewChange(event: CustomEvent<ViewChange>): void {
    this.view = event.detail.view;
    this.store.value.mapView = this.view;
    this.phase = event.detail.phase;
    this.showEnded = event.detail.showEnded;
  }

  private async onOpen(event: CustomEvent<{ id: string }>): Promise<void> {
    this.editing = null;
    this.selected = event.detail.id;
    await this.updateComplete;
    this.card(this.selected)?.focusHeading();
  }

  private async onClose(): Promise<void> {
    const id = this.selected;
    this.selected = '';
    this.editing = null;
    await this.updateComplete;
    await this.picture?.focusEntry(id);
  }

  private async onAdd(): Promise<void> {
    this.saving.clear();
    this.editing = 'new';
    await this.updateComplete;
    this.form?.focus();
  }

  private async onEdit(event: CustomEvent<{ id: string }>): Promise<void> {
    this.saving.clear();
    this.editing = event.detail.id;
    await this.updateComplete;
    this.form?.focus();
  }

  /**
   * Live update: someone else saved a new version. The session takes it (a save in progress goes
   * first); the picture and list show it at once. While a person's form is open, that form and what
   * is typed in it stay as they are; the rest follows when the form closes. Saving from the form
   * merges on top of the newest version. After a resync the borgers (from the cards) are read
   * again even when the version did not change: card events may have been missed too.
   */
  private readonly onRemoteVersion = async (event: NkEvent<'nk-map-version'>): Promise<void> => {
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

  private async onCancel(): Promise<void> {
    const was = this.editing;
    this.editing = null;
    if (this.refreshedWhileEditing && this.session !== null) this.document = this.session.document;
    this.refreshedWhileEditing = false;
    await this.updateComplete;
    this.restoreFocus(was);
  }

  private async onSaveNew(event: CustomEvent<PersonFormValue>): Promise<void> {
    const { detail, ...fields } = event.detail;
    const entry: BaseEntry = { id: newEntryId(), ...fields, active: true };
    const saved = await this.apply(
      (document) => withEntry(document, entry, detail),
      msg(str`${entry.label} staat op je kaart.`, { id: 'editor.added' }),
    );
    if (saved) {
      this.editing = null;
      await this.updateComplete;
      this.addButton?.focus();
    }
  }

  private async onSaveEdit(old: BaseEntry, event: CustomEvent<PersonFormValue>): Promise<void> {
    const { detail, ...fields } = event.detail;
    const entry: BaseEntry = { ...old, ...fields };
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

  private async onTrusted(event: CustomEvent<{ id: string; trusted: boolean }>): Promise<void> {
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

  private async onRemove(event: CustomEvent<{ id: string }>): Promise<void> {
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
    await this.apply(
      (document) => withEntry(document, entry, detail),
      msg(str`${entry.label} staat op je kaart.`, { id: 'editor.added' }),
    );
  }

  /** Keeps the parent's place in the private section, so "Mist er iets?" need not ask again. */
  private async onPlaceSave(event: CustomEvent<{ place: string }>): Promise<void> {
    const place = event.detail.place;
    await this.apply(
      (document) =>
        document.private === undefined
          ? document
          : { ...document, private: { ...document.private, place } },
      msg('Je plaats is bewaard in je kaart.', { id: 'editor.placeSaved' }),
    );
  }

  private async onWishes(event: CustomEvent<{ wishes: string }>): Promise<void> {
    const wishes = event.detail.wishes;
    const saved = await this.apply(
      (document) =>
        document.private === undefined
          ? document
          : { ...document, private: { ...document.private, wishes } },
      msg('Je wensen zijn bewaard.', { id: 'editor.wishesSaved' }),
    );
    if (saved) await this.wishes?.saved();
  }

  private async onCentre(
    event: CustomEvent<{ parents: string[]; children: string[] }>,
  ): Promise<void> {
    const centre = event.detail;
    await this.apply(
      (document) => ({ ...document, base: { ...document.base, centre } }),
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
                {
                  id: 'editor.merged',
                },
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
