import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { DirectoryService, ServiceSearchResponse } from '../../shared/api/directory.js';
import { CATEGORIES, type BaseEntry, type Category } from '../../shared/map/types.js';
import { searchServices } from '../api/directory.js';
import { findHelpStyles } from './find-help-styles.js';
import { LANGUAGES, languageName } from './languages.js';
import { rememberPlace, rememberedPlace } from './place.js';
import { renderService } from './service-card.js';
import { onMap, openCategories } from './service-entry.js';
import { BusyController } from '../ui/busy.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { categoryName } from '../taxonomy/vocabulary.js';
import { emit } from '../ui/events.js';
import { OWNER, findHelpPrivacy, findHelpWords, type Audience } from '../editor/audience.js';

const PAGE_SIZE = 5;

/** A place: a municipality's name or a Dutch postcode (its 4 digits are what the search uses). */
const PLACE = /^(?:\d{4}(?:\s?[A-Za-z]{2})?|[\p{L}' .-]{2,100})$/u;

/**
 * "Mist er iets?": services near the parent from the sociale kaart. Only the place, the kind of
 * help, the language and the words she types go to the server; nothing about her map or family.
 * Fires `nk-service-add` (detail: the service) for "Zet op mijn kaart", and `nk-place-save`
 * (detail: { place }) when a search uses another place than the one kept in the map.
 */
@customElement('nk-find-help')
@localized()
export class NkFindHelp extends LitElement {
  static override styles = [sharedStyles, findHelpStyles];

  /** Whose map it is to the one looking: the sentences follow (editor/audience.ts). */
  @property({ attribute: false }) audience: Audience = OWNER;
  /** The map's entries (to see which kinds of help nobody gives yet, and what is on it). */
  @property({ attribute: false }) entries: readonly BaseEntry[] = [];
  /** True when this member may only read the map. */
  @property({ type: Boolean }) readonly = false;
  /** True while the map saves. */
  @property({ type: Boolean }) busy = false;
  /** The place kept in the map's private section ('' when none, or when this member cannot read it). */
  @property() savedPlace = '';
  /** True when this member may keep the place in the map (owners: they hold the private key). */
  @property({ type: Boolean }) canSavePlace = false;

  @query('#fh-place') private placeInput!: HTMLInputElement | null;
  @query('#fh-results-heading') private resultsHeading!: HTMLElement | null;

  @state() private place = rememberedPlace();
  @state() private category: Category | '' = '';
  @state() private language = '';
  @state() private words = '';
  private readonly searching = new BusyController(this);
  @state() private placeError = '';
  @state() private response: ServiceSearchResponse | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    // the map's own place fills the field until she types another one
    if (changed.has('savedPlace') && this.savedPlace !== '' && this.place === '') {
      this.place = this.savedPlace;
    }
  }

  /** Brings the search into view and puts the cursor in its place field (a member's "Zoek hulp"). */
  async focusSearch(): Promise<void> {
    await this.updateComplete;
    this.scrollIntoView({ block: 'start' });
    this.placeInput?.focus();
  }

  override render() {
    const open = openCategories(this.entries);
    const words = findHelpWords(this.audience);
    return html`<section aria-labelledby="fh-heading">
      <h2 id="fh-heading">${msg('Mist er iets?', { id: 'findHelp.heading' })}</h2>
      <p>${words.lead}</p>
      ${
        open.length > 0
          ? html`<p>${words.openLead}</p>
              <ul class="open">
                ${open.map(
                  (category) =>
                    html`<li>
                      <button
                        type="button"
                        class="secondary"
                        data-category=${category}
                        ?disabled=${this.searching.busy}
                        @click=${() => this.onPick(category)}
                      >
                        ${categoryName(category)}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <form
        @submit=${this.onSubmit}
        aria-label=${msg('Zoek hulp in de buurt', { id: 'findHelp.form' })}
      >
        <div class="field">
          <label for="fh-place">${words.place}</label>
          <input
            id="fh-place"
            type="text"
            autocomplete="off"
            maxlength="100"
            aria-describedby="fh-place-hint ${this.placeError ? 'fh-place-error' : ''}"
            aria-invalid=${this.placeError ? 'true' : 'false'}
            .value=${this.place}
            @input=${(event: Event) => (this.place = (event.target as HTMLInputElement).value)}
          />
          ${
            this.placeError
              ? html`<p id="fh-place-error" class="field-error">${this.placeError}</p>`
              : nothing
          }
        </div>
        <div class="field">
          <label for="fh-category">${msg('Wat zoek je?', { id: 'findHelp.category' })}</label>
          <select
            id="fh-category"
            .value=${this.category}
            @change=${(event: Event) =>
              (this.category = (event.target as HTMLSelectElement).value as Category | '')}
          >
            <option value="" ?selected=${this.category === ''}>
              ${msg('Alles', { id: 'findHelp.anyCategory' })}
            </option>
            ${CATEGORIES.map(
              (category) =>
                html`<option value=${category} ?selected=${this.category === category}>
                  ${categoryName(category)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="fh-language">${msg('Taal', { id: 'findHelp.language' })}</label>
          <select
            id="fh-language"
            .value=${this.language}
            @change=${(event: Event) => (this.language = (event.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${this.language === ''}>
              ${msg('Elke taal', { id: 'findHelp.anyLanguage' })}
            </option>
            ${LANGUAGES.map(
              (code) =>
                html`<option value=${code} ?selected=${this.language === code}>
                  ${languageName(code)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="fh-words"
            >${msg('Zoekwoord (mag leeg blijven)', { id: 'findHelp.words' })}</label
          >
          <input
            id="fh-words"
            type="text"
            maxlength="200"
            .value=${this.words}
            @input=${(event: Event) => (this.words = (event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="buttons">
          <button type="submit" ?disabled=${this.searching.busy}>
            ${msg('Zoeken', { id: 'findHelp.search' })}
          </button>
        </div>
      </form>
      <p id="fh-place-hint" class="hint">${findHelpPrivacy(this.audience, this.canSavePlace)}</p>
      ${this.searching.error ? html`<p class="error" role="alert">${this.searching.error}</p>` : nothing}
      ${this.renderResults()}
    </section>`;
  }

  private renderResults() {
    const response = this.response;
    if (response === null) return nothing;
    const pages = Math.max(1, Math.ceil(response.total / response.pageSize));
    return html`
      <h3 id="fh-results-heading" tabindex="-1">
        ${msg('Wat we vonden', { id: 'findHelp.resultsHeading' })}
      </h3>
      <p role="status">
        ${
          response.total === 0
            ? msg('Hier vonden we nu niets. Probeer een andere plaats of zoek breder.', {
                id: 'findHelp.none',
              })
            : msg(str`${response.total} gevonden`, { id: 'findHelp.found' })
        }
      </p>
      <ul class="results">
        ${response.results.map((service) => html`<li>${this.renderService(service)}</li>`)}
      </ul>
      ${
        pages > 1
          ? html`<nav class="pages" aria-label=${msg('Pagina’s', { id: 'findHelp.pages' })}>
              <button
                type="button"
                class="secondary"
                ?disabled=${this.searching.busy || response.page <= 1}
                @click=${() => this.search(response.page - 1)}
              >
                ${msg('Vorige', { id: 'findHelp.previous' })}
              </button>
              <span
                >${msg(str`Pagina ${response.page} van ${pages}`, { id: 'findHelp.page' })}</span
              >
              <button
                type="button"
                class="secondary"
                ?disabled=${this.searching.busy || response.page >= pages}
                @click=${() => this.search(response.page + 1)}
              >
                ${msg('Volgende', { id: 'findHelp.next' })}
              </button>
            </nav>`
          : nothing
      }
    `;
  }

  private renderService(service: DirectoryService) {
    return renderService(service, {
      added: onMap(this.entries, service),
      readonly: this.readonly,
      busy: this.busy,
      words: findHelpWords(this.audience),
      onAdd: (found) => this.onAdd(found),
    });
  }

  private async onPick(category: Category): Promise<void> {
    this.category = category;
    await this.search(1);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    await this.search(1);
  }

  private async search(page: number): Promise<void> {
    const place = this.place.trim();
    if (this.searching.busy) return;
    this.placeError = '';
    this.searching.clear();
    if (place === '' || !PLACE.test(place)) {
      this.placeError =
        place === ''
          ? findHelpWords(this.audience).placeFirst
          : msg('Vul een gemeente in, of een postcode zoals 2611.', {
              id: 'findHelp.placeInvalid',
            });
      this.placeInput?.focus();
      return;
    }
    rememberPlace(place);
    if (this.canSavePlace && place !== this.savedPlace) {
      emit(this, 'nk-place-save', { place });
    }
    await this.searching.run(async () => {
      this.response = await searchServices({
        place,
        ...(this.category !== '' ? { category: this.category } : {}),
        ...(this.language !== '' ? { language: this.language } : {}),
        ...(this.words.trim() !== '' ? { q: this.words.trim() } : {}),
        page,
        pageSize: PAGE_SIZE,
      });
      await this.updateComplete;
      this.resultsHeading?.focus();
    });
  }

  private onAdd(service: DirectoryService): void {
    emit(this, 'nk-service-add', service);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-find-help': NkFindHelp;
  }
}
