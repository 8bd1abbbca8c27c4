import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

/** The account menu: her username, changing the passphrase, deleting the account. */
@customElement('nk-account')
@localized()
export class NkAccount extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 1.5rem 0;
        display: grid;
        gap: 1rem;
        max-width: 30rem;
      }

      li p {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Mijn account', { id: 'account.heading' })}</h1>
      <p class="lead">
        ${msg('Je gebruikersnaam:', { id: 'account.username' })}
        <strong>${this.store.value.state.username ?? ''}</strong>
      </p>
      <ul>
        <li class="card">
          <a href=${paths.accountPassphrase}
            >${msg('Wachtwoordzin veranderen', { id: 'change.heading' })}</a
          >
          <p class="hint">
            ${msg('Kies een nieuwe wachtwoordzin. Daarvoor heb je de huidige nodig.', {
              id: 'account.changeHint',
            })}
          </p>
        </li>
        <li class="card">
          <a href=${paths.accountHelpers}
            >${msg('Hulp om weer binnen te komen', { id: 'trusted.heading' })}</a
          >
          <p class="hint">
            ${msg('Kies iemand die je vertrouwt. Die kan je helpen als je er niet meer in komt.', {
              id: 'account.trustedHint',
            })}
          </p>
        </li>
        <li class="card">
          <a href=${paths.helping}
            >${msg('Iemand helpen weer binnen te komen', { id: 'helping.heading' })}</a
          >
          <p class="hint">
            ${msg('Voor als iemand jou heeft gekozen om te helpen.', { id: 'account.helpingHint' })}
          </p>
        </li>
        <li class="card">
          <a href=${paths.settings}>${msg('Instellingen', { id: 'settings.heading' })}</a>
          <p class="hint">
            ${msg('Bijvoorbeeld of je als hulpverlener werkt.', { id: 'account.settingsHint' })}
          </p>
        </li>
        <li class="card">
          <a href=${paths.accountDelete}>${msg('Account verwijderen', { id: 'delete.heading' })}</a>
          <p class="hint">
            ${msg('Je ziet eerst wat er met je kaarten gebeurt.', { id: 'account.deleteHint' })}
          </p>
        </li>
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-account': NkAccount;
  }
}
