import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { RINGS, type BaseEntry, type MapDocument, type Ring } from '../../shared/map/types.js';
import { newEntryId, withEntry, withoutEntry } from '../map/edits.js';
import { MapSession } from '../map/map-session.js';
import { describeError } from './errors.js';
import type { NkPersonCard } from './nk-person-card.js';
import type { NkPersonForm, PersonFormValue } from './nk-person-form.js';
import { paths } from './router.js';
import { sharedStyles } from './shared-styles.js';
import { StoreController } from './store-controller.js';
import { isProfessional, ringName, supportName } from './vocabulary.js';
import './nk-person-card.js';
import './nk-person-form.js';
import './nk-room-to-grow.js';

/** Below this many informal people, the map shows ideas for growing the network. */
const FEW_INFORMAL = 3;

/**
 * The map editor: strengths first ("Wie helpt jou?"), people grouped by closeness, and
 * adding, changing and removing people. Every change is saved at once as a new version.
 */
@customElement('nk-map-editor')
@localized()
export class NkMapEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .strengths {
        background: var(--nk-primary-soft);
        border-radius: var(--nk-radius);
        padding: 1rem 1.25rem;
        margin-bottom: 1.5rem;
      }

      .strengths p:last-child {
        margin-bottom: 0;
      }

      h2:focus {
        outline: none;
      }

      h2:focus-visible {
        outline: 3px solid var(--nk-focus);
        outline-offset: 4px;
      }

      h3 {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin-top: 1.5rem;
      }

      h3 .dot {
        width: 0.9rem;
        height: 0.9rem;
        border-radius: 50%;
        background: var(--dot, var(--nk-ring-1));
      }

      h3[data-ring='2'] .dot {
        --dot: var(--nk-ring-2);
      }

      h3[data-ring='3'] .dot {
        --dot: var(--nk-ring-3);
      }

      ul.people {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }

      .add {
        margin-top: 1.5rem;
      }

      .back {
        display: inline-block;
        margin-bottom: 1rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  /** Id of the map to show. */
  @property() mapId = '';

  @query('#add-button') private addButton!: HTMLButtonElement;
  @query('#people-heading') private peopleHeading!: HTMLElement;
  @query('nk-person-form') private form!: NkPersonForm | null;

  /** `new` while adding, an entry id while changing that entry, null otherwise. */
  @state() private editing: string | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private document: MapDocument | null = null;
  /** True when this slot may only read the map. */
  @state() private readonly = false;

  private session: MapSession | null = null;

  private readonly loadTask = new Task(this, {
    task: async ([mapId]: readonly [string]) => {
      const store = this.store.value;
      const summary = store.mapSummary(mapId);
      if (summary === undefined) throw new Error('not-in-keyring');
      const fresh = store.takeFreshMap(mapId);
      const session =
        fresh !== null
          ? MapSession.fromFresh(store.api, store.crypto, summary, fresh)
          : await MapSession.open(store.api, store.crypto, summary);
      this.session = session;
      this.document = session.document;
      this.readonly = session.rights === 'read';
      return session;
    },
    args: () => [this.mapId] as const,
  });

  override render() {
    return html`
      <a class="back" href=${paths.maps}>← ${msg('Mijn kaarten', { id: 'editor.back' })}</a>
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
    const informal = entries.filter((entry) => !isProfessional(entry.category));
    return html`
      <h1 tabindex="-1">${document.base.title}</h1>
      ${this.renderStrengths(entries)}

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
            : RINGS.map((ring) => this.renderRing(ring, entries, document))
        }
      </section>

      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.readonly ? nothing : this.renderAdd()}
      ${
        informal.length < FEW_INFORMAL
          ? html`<nk-room-to-grow ?empty=${entries.length === 0}></nk-room-to-grow>`
          : nothing
      }
    `;
  }

  private renderAdd() {
    return html`<section class="add" aria-labelledby="add-heading">
      ${
        this.editing === 'new'
          ? html`<div class="card">
              <h2 id="add-heading">${msg('Iemand toevoegen', { id: 'editor.addHeading' })}</h2>
              <nk-person-form
                ?busy=${this.busy}
                @nk-person-save=${this.onSaveNew}
                @nk-person-cancel=${this.onCancel}
              ></nk-person-form>
            </div>`
          : html`<h2 id="add-heading" class="visually-hidden">
                ${msg('Iemand toevoegen', { id: 'editor.addHeading' })}
              </h2>
              <button id="add-button" type="button" ?disabled=${this.busy} @click=${this.onAdd}>
                + ${msg('Iemand toevoegen', { id: 'editor.add' })}
              </button>`
      }
    </section>`;
  }

  /** What goes well, before anything else. */
  private renderStrengths(entries: readonly BaseEntry[]) {
    if (entries.length === 0) return nothing;
    const kinds = [...new Set(entries.flatMap((entry) => entry.support))];
    const close = entries.filter((entry) => entry.ring === 1).length;
    return html`<div class="strengths">
      <p>
        <strong>
          ${
            entries.length === 1
              ? msg('Er staat 1 persoon om je heen die je helpt.', { id: 'editor.countOne' })
              : msg(str`Er staan ${entries.length} mensen om je heen die je helpen.`, {
                  id: 'editor.countMany',
                })
          }
        </strong>
        ${
          close > 0 && entries.length > 1
            ? close === 1
              ? msg('1 van hen staat heel dichtbij.', { id: 'editor.closeOne' })
              : msg(str`${close} van hen staan heel dichtbij.`, { id: 'editor.closeMany' })
            : nothing
        }
      </p>
      ${
        kinds.length > 0
          ? html`<p>
              ${msg('Zo word je geholpen:', { id: 'editor.helpWith' })}
              ${kinds.map((kind) => supportName(kind).toLowerCase()).join(', ')}.
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderRing(ring: Ring, entries: readonly BaseEntry[], document: MapDocument) {
    const inRing = entries.filter((entry) => entry.ring === ring);
    if (inRing.length === 0) return nothing;
    return html`
      <h3 data-ring=${ring}><span class="dot" aria-hidden="true"></span>${ringName(ring)}</h3>
      <ul class="people">
        ${inRing.map((entry) => {
          const detail = document.detail?.entries[entry.id];
          return html`<li>
            ${
              this.editing === entry.id
                ? html`<div class="card">
                    <h4>${msg(str`${entry.label} wijzigen`, { id: 'card.editLabel' })}</h4>
                    <nk-person-form
                      .entry=${entry}
                      .detail=${detail}
                      ?busy=${this.busy}
                      @nk-person-save=${(event: CustomEvent<PersonFormValue>) => this.onSaveEdit(entry, event)}
                      @nk-person-cancel=${this.onCancel}
                    ></nk-person-form>
                  </div>`
                : html`<nk-person-card
                    data-id=${entry.id}
                    .entry=${entry}
                    .detail=${detail}
                    ?busy=${this.busy}
                    ?readonly=${this.readonly}
                    @nk-person-edit=${this.onEdit}
                    @nk-person-remove=${this.onRemove}
                  ></nk-person-card>`
            }
          </li>`;
        })}
      </ul>
    `;
  }

  private async onAdd(): Promise<void> {
    this.error = '';
    this.editing = 'new';
    await this.updateComplete;
    this.form?.focus();
  }

  private async onEdit(event: CustomEvent<{ id: string }>): Promise<void> {
    this.error = '';
    this.editing = event.detail.id;
    await this.updateComplete;
    this.form?.focus();
  }

  private async onCancel(): Promise<void> {
    const was = this.editing;
    this.editing = null;
    await this.updateComplete;
    this.restoreFocus(was);
  }

  private async onSaveNew(event: CustomEvent<PersonFormValue>): Promise<void> {
    const value = event.detail;
    const entry: BaseEntry = {
      id: newEntryId(),
      label: value.label,
      category: value.category,
      ring: value.ring,
      support: value.support,
      supportNote: value.supportNote,
      phases: [],
      active: true,
      trusted: false,
    };
    const saved = await this.apply(
      (document) => withEntry(document, entry, value.detail),
      msg(str`${entry.label} staat op je kaart.`, { id: 'editor.added' }),
    );
    if (saved) {
      this.editing = null;
      await this.updateComplete;
      this.addButton?.focus();
    }
  }

  private async onSaveEdit(old: BaseEntry, event: CustomEvent<PersonFormValue>): Promise<void> {
    const value = event.detail;
    const { detail: _detail, ...fields } = value;
    const entry: BaseEntry = { ...old, ...fields };
    const saved = await this.apply(
      (document) => withEntry(document, entry, value.detail),
      msg('De wijziging is opgeslagen.', { id: 'editor.changed' }),
    );
    if (saved) {
      this.editing = null;
      await this.updateComplete;
      this.restoreFocus(entry.id);
    }
  }

  private async onRemove(event: CustomEvent<{ id: string }>): Promise<void> {
    const id = event.detail.id;
    const label = this.document?.base.entries.find((entry) => entry.id === id)?.label ?? '';
    const saved = await this.apply(
      (document) => withoutEntry(document, id),
      msg(str`${label} is van je kaart gehaald.`, { id: 'editor.removed' }),
    );
    if (saved) {
      await this.updateComplete;
      this.peopleHeading?.focus();
    }
  }

  /** Saves one change; true when it was stored on the server. */
  private async apply(
    edit: (document: MapDocument) => MapDocument,
    done: string,
  ): Promise<boolean> {
    const session = this.session;
    if (session === null) return false;
    this.busy = true;
    this.error = '';
    try {
      const result = await session.save(edit);
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
      return true;
    } catch (error) {
      this.document = session.document;
      this.error = describeError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private restoreFocus(editing: string | null): void {
    if (editing === null || editing === 'new') {
      this.addButton?.focus();
      return;
    }
    const card = this.renderRoot.querySelector<NkPersonCard>(
      `nk-person-card[data-id="${CSS.escape(editing)}"]`,
    );
    card?.focusEdit();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-map-editor': NkMapEditor;
  }
}
