import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';

/** The first screen: what the map is, that it stays private, and the way in. */
@customElement('nk-welcome')
@localized()
export class NkWelcome extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .hero {
        display: grid;
        gap: 1.5rem;
        align-items: center;
      }

      .rings {
        width: min(14rem, 60vw);
        justify-self: center;
      }

      ul.points {
        list-style: none;
        padding: 0;
        margin: 1.5rem 0;
        display: grid;
        gap: 0.9rem;
      }

      ul.points li {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
      }

      ul.points svg {
        flex: none;
        width: 1.75rem;
        height: 1.75rem;
        color: var(--nk-primary);
      }

      @media (min-width: 44rem) {
        .hero {
          grid-template-columns: 1fr auto;
        }
      }
    `,
  ];

  override render() {
    return html`
      <div class="hero">
        <div>
          <h1 tabindex="-1">${msg('Wie helpt jou?', { id: 'welcome.heading' })}</h1>
          <p class="lead">
            ${msg(
              'Met de Netwerkkaart zet je de mensen om je heen op een rij. Familie, vrienden, buren, en ook de verloskundige of het consultatiebureau. En je ziet wat ieder voor je doet.',
              { id: 'welcome.lead' },
            )}
          </p>
        </div>
        ${this.renderRings()}
      </div>
      <ul class="points">
        <li>
          ${this.renderLockIcon()}
          <span>
            ${msg(
              'Alles wat je invult, wordt op jouw telefoon of computer op slot gezet. Wij kunnen het niet lezen.',
              { id: 'welcome.privacy' },
            )}
          </span>
        </li>
        <li>
          ${this.renderPersonIcon()}
          <span>
            ${msg('Je hebt geen e-mailadres nodig. Een gebruikersnaam is genoeg.', {
              id: 'welcome.noEmail',
            })}
          </span>
        </li>
      </ul>
      <div class="buttons">
        <a class="button" href=${paths.register}
          >${msg('Account maken', { id: 'welcome.register' })}</a
        >
        <a class="button secondary" href=${paths.login}
          >${msg('Inloggen', { id: 'welcome.login' })}</a
        >
      </div>
    `;
  }

  private renderRings() {
    return html`<svg class="rings" viewBox="0 0 200 200" aria-hidden="true" focusable="false">
      <circle cx="100" cy="100" r="92" fill="#f3eee6" stroke="#8db7b1" stroke-width="2" />
      <circle cx="100" cy="100" r="62" fill="#e3f0ee" stroke="#4f8f88" stroke-width="2" />
      <circle cx="100" cy="100" r="32" fill="#fff" stroke="#1d6b64" stroke-width="2" />
      <circle cx="100" cy="100" r="12" fill="#d9825b" />
      <circle cx="140" cy="72" r="9" fill="#1d6b64" />
      <circle cx="64" cy="128" r="9" fill="#1d6b64" />
      <circle cx="160" cy="140" r="8" fill="#4f8f88" />
      <circle cx="38" cy="70" r="8" fill="#4f8f88" />
      <circle cx="104" cy="180" r="7" fill="#8db7b1" />
    </svg>`;
  }

  private renderLockIcon() {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 5a3 3 0 1 1 6 0v3H9V7Zm3 7a2 2 0 0 1 1 3.73V19h-2v-1.27A2 2 0 0 1 12 14Z"
      />
    </svg>`;
  }

  private renderPersonIcon() {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10Zm0 2c-4.42 0-8 2.24-8 5v3h16v-3c0-2.76-3.58-5-8-5Z"
      />
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-welcome': NkWelcome;
  }
}
