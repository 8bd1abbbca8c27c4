import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ProfessionalSearchResponse } from '../../shared/api/directory.js';
import { searchProfessionals } from '../api/directory.js';
import { rememberPlace, rememberedPlace } from './place.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { OWNER, professionalSearchWords, type Audience } from '../editor/audience.js';

const PAGE_SIZE = 10;

/**
 * Find a professional who chose to be findable, by place and words. Inviting her goes through
 * "Wie doet mee?": she sees the map only after the parent approves. Only place and words are sent.
 */
@customElement('nk-professional-search')
@localized()
export class NkProfessionalSearch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 1.5rem 0;
      }

      details {
        border: 1px solid var(--nk-border);
        border-radius: var(--nk-radius);
        padding: 0.75rem 1.25rem;
        background: var(--nk-surface);
      }

      summary {
        cursor: pointer;
        font-weight: 600;
        font-size: 1.1rem;
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }

      form {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        align-items: end;
      }

      form .buttons {
        margin-top: 0;
        margin-bottom: 1.25rem;
      }

      ul {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
      }

      h3 {
        font-size: 1.05rem;
        margin-bottom: 0.25rem;
      }

      .meta {
        color: var(--nk-text-soft);
        margin: 0;
      }
    `,
  ];

  /** The map to invite to (its "Wie doet mee?" page has the invites). */
  @property() mapId = '';
  /** Whose map it is to the one looking (editor/audience.ts). */
  @property({ attribute: false }) audience: Audience = OWNER;
  /** True when this member may invite (the parent, an admin of the map). */
  @property({ type: Boolean }) canInvite = false;

  @query('#ps-results') private results!: HTMLElement | null;

  @state() private place = rememberedPlace();
  @state() private words = '';
  private readonly action = new BusyController(this);
  @state() private response: ProfessionalSearchResponse | null = null;

  override render() {
    return html`<details>
      <summary>${msg('Een hulpverlener zoeken', { id: 'proSearch.heading' })}</summary>
      <p>${professionalSearchWords(this.audience).lead}</p>
      <form @submit=${this.onSubmit}>
        <div class="field">
          <label for="ps-place">${msg('Plaats of postcode', { id: 'proSearch.place' })}</label>
          <input
            id="ps-place"
            type="text"
            maxlength="100"
            autocomplete="off"
            .value=${this.place}
            @input=${(event: Event) => (this.place = (event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="ps-words"
            >${msg('Naam, beroep of organisatie', { id: 'proSearch.words' })}</label
          >
          <input
            id="ps-words"
            type="text"
            maxlength="200"
            .value=${this.words}
            @input=${(event: Event) => (this.words = (event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Zoeken', { id: 'findHelp.search' })}
          </button>
        </div>
      </form>
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
      ${this.renderResults()}
    </details>`;
  }

  private renderResults() {
    const response = this.response;
    if (response === null) return nothing;
    return html`<p id="ps-results" tabindex="-1" role="status">
        ${
          response.total === 0
            ? msg('Geen hulpverleners gevonden. Probeer een andere plaats of een ander woord.', {
                id: 'proSearch.none',
              })
            : msg(str`${response.total} gevonden`, { id: 'findHelp.found' })
        }
      </p>
      <ul>
        ${response.results.map(
          (person) =>
            html`<li class="card" data-profile=${person.profileId}>
              <h3>${person.name}</h3>
              <p class="meta">
                ${[person.profession, person.organisation].filter((part) => part !== '').join(' · ')}
              </p>
              <p>${msg(str`Werkt in: ${person.area}`, { id: 'proSearch.area' })}</p>
              <p>${msg(str`Bereikbaar: ${person.howToReach}`, { id: 'proSearch.reach' })}</p>
              ${
                this.canInvite
                  ? html`<p class="hint">
                        ${msg(
                          'Maak op "Wie doet mee?" een uitnodiging. Stuur de link of de code via de contactgegevens hierboven.',
                          { id: 'proSearch.howToInvite' },
                        )}
                      </p>
                      <a class="button secondary" href=${paths.members(this.mapId)}>
                        ${msg(str`${person.name} uitnodigen`, { id: 'proSearch.invite' })}
                      </a>`
                  : html`<p class="hint">${professionalSearchWords(this.audience).askParent}</p>`
              }
            </li>`,
        )}
      </ul>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const place = this.place.trim();
    const words = this.words.trim();
    if (this.action.busy) return;
    this.action.clear();
    if (place === '' && words === '') {
      this.action.fail(msg('Vul een plaats of een zoekwoord in.', { id: 'proSearch.empty' }));
      return;
    }
    if (place !== '') rememberPlace(place);
    await this.action.run(async () => {
      this.response = await searchProfessionals({
        ...(place !== '' ? { place } : {}),
        ...(words !== '' ? { q: words } : {}),
        pageSize: PAGE_SIZE,
      });
      await this.updateComplete;
      this.results?.focus();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-professional-search': NkProfessionalSearch;
  }
}
