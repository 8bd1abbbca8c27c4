import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

/** Under the map list: restoring a backup, the settings, and (professionals) being findable. */
@customElement('nk-map-list-more')
@localized()
export class NkMapListMore extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: 2rem;
      }

      ul {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  override render() {
    return html`<section aria-labelledby="more-heading">
      <h2 id="more-heading">${msg('Meer', { id: 'maps.more' })}</h2>
      <ul>
        <li>
          <a class="button secondary" href=${paths.restore}
            >${msg('Kaart terugzetten uit back-up', { id: 'restore.heading' })}</a
          >
        </li>
        ${
          this.store.value.state.professional
            ? html`<li>
                <a class="button secondary" href=${paths.profile}
                  >${msg('Vindbaar als hulpverlener', { id: 'profile.heading' })}</a
                >
              </li>`
            : nothing
        }
        <li>
          <a class="button secondary" href=${paths.settings}
            >${msg('Instellingen', { id: 'settings.heading' })}</a
          >
        </li>
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-map-list-more': NkMapListMore;
  }
}
