import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { LIMITS } from '../../shared/map/types.js';
import { getLocale } from '../localization.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import './nk-map-list-more.js';
import '../membership/departure/nk-lost-maps.js';
import '../day/nk-map-changes.js';
import { StoreController } from '../shell/store-controller.js';
import { offlineNote } from '../offline/nk-offline-note.js';

/** "Mijn kaarten": the maps in the keyring, and a form to start a new one. */
@customElement('nk-map-list')
@localized()
export class NkMapList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.maps {
        list-style: none;
        padding: 0;
        margin: 0 0 2rem;
        display: grid;
        gap: 0.75rem;
      }

      ul.maps a {
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
        padding: 1rem 1.25rem;
        background: var(--nk-surface);
        border: 1px solid var(--nk-border);
        border-radius: var(--nk-radius);
        box-shadow: var(--nk-shadow);
        text-decoration: none;
        color: inherit;
      }

      ul.maps a:hover {
        border-color: var(--nk-primary);
        background: var(--nk-primary-soft);
      }

      .title {
        font-weight: 700;
        font-size: 1.1rem;
        color: var(--nk-primary-dark);
        text-decoration: underline;
        text-underline-offset: 0.15em;
      }

      .meta {
        color: var(--nk-text-soft);
        font-size: 0.95rem;
      }

      .new[hidden] {
        display: none;
      }
      .new {
        max-width: 30rem;
      }

      .empty {
        background: var(--nk-primary-soft);
        border-radius: var(--nk-radius);
        padding: 1rem 1.25rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @query('#title') private titleInput!: HTMLInputElement;

  @state() private mapTitle = '';
  private readonly action = new BusyController(this);

  override render() {
    const { maps } = this.store.value.state;
    const offlineAt = this.store.value.offlineAt;
    const dateFormat = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium' });
    return html`
      <h1 tabindex="-1">${msg('Mijn kaarten', { id: 'maps.heading' })}</h1>
      ${offlineNote(offlineAt, 'maps')}
      <nk-lost-maps></nk-lost-maps>
      ${
        maps.length === 0
          ? html`<p class="empty">
              ${msg(
                'Je hebt nog geen kaart. Maak hieronder je eerste kaart. Daarna zet je de mensen om je heen erop.',
                { id: 'maps.empty' },
              )}
            </p>`
          : html`<ul class="maps">
              ${maps.map(
                (map) =>
                  html`<li>
                    <a href=${paths.map(map.mapId)}>
                      <span class="title"
                        >${map.title || msg('Kaart zonder naam', { id: 'maps.untitled' })}</span
                      >
                      <span class="meta">
                        ${msg('Gemaakt op', { id: 'maps.created' })}
                        ${dateFormat.format(new Date(map.addedAt))}
                      </span>
                      <nk-map-changes .summary=${map}></nk-map-changes>
                    </a>
                  </li>`,
              )}
            </ul>`
      }

      <section class="new card" aria-labelledby="new-heading" ?hidden=${offlineAt !== null}>
        <h2 id="new-heading">${msg('Nieuwe kaart', { id: 'maps.newHeading' })}</h2>
        <form novalidate @submit=${this.onSubmit}>
          <div class="field">
            <label for="title">${msg('Naam van de kaart', { id: 'maps.titleLabel' })}</label>
            <input
              id="title"
              type="text"
              maxlength=${LIMITS.title}
              autocomplete="off"
              .value=${this.mapTitle}
              aria-describedby="title-hint"
              @input=${(event: Event) =>
                (this.mapTitle =
                  event.target instanceof HTMLInputElement ? event.target.value : '')}
            />
            <p class="hint" id="title-hint">
              ${msg(
                'Bijvoorbeeld: "Ons netwerk" of "Rond de geboorte van Mila". Iedereen die meedoet op deze kaart ziet deze naam.',
                { id: 'maps.titleHintWho' },
              )}
            </p>
          </div>
          ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
          <div class="buttons">
            <button type="submit" ?disabled=${this.action.busy}>
              ${msg('Nieuwe kaart maken', { id: 'maps.create' })}
            </button>
            ${
              this.store.value.state.professional
                ? html`<a class="button secondary" href=${paths.together}>
                    ${msg('Nieuwe kaart met ouder', { id: 'together.start' })}
                  </a>`
                : nothing
            }
          </div>
        </form>
      </section>
      <nk-map-list-more></nk-map-list-more>
    `;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    const title = this.mapTitle.trim() || msg('Mijn netwerk', { id: 'maps.defaultTitle' });
    await this.action.run(
      async () => {
        const map = await this.store.value.createMap(title);
        this.mapTitle = '';
        this.store.value.announce(msg('Je nieuwe kaart is klaar.', { id: 'maps.createdStatus' }));
        this.store.value.router.navigate(paths.map(map.mapId));
      },
      () => this.titleInput.focus(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-map-list': NkMapList;
  }
}
