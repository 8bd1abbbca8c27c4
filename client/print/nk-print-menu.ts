import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { paths } from '../shell/router.js';
import { menuStyles } from '../ui/menu-styles.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { OWNER, handoutHint, type Audience } from '../editor/audience.js';

/** "Printen": a small menu with the three sheets (each opens a preview with a Print button). */
@customElement('nk-print-menu')
@localized()
export class NkPrintMenu extends LitElement {
  static override styles = [
    sharedStyles,
    menuStyles,
    css`
      summary svg {
        width: 1.25rem;
        height: 1.25rem;
      }

      ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0.5rem;
        background: var(--nk-surface);
        border: 1px solid var(--nk-border);
        border-radius: var(--nk-radius);
        box-shadow: var(--nk-shadow);
        min-width: min(22rem, 90vw);
      }

      a {
        display: block;
        padding: 0.5rem 0.75rem;
        border-radius: var(--nk-radius-small);
        font-weight: 600;
      }

      a:hover {
        background: var(--nk-primary-soft);
      }

      a span {
        display: block;
        font-weight: 400;
        color: var(--nk-text-soft);
        font-size: 0.92rem;
      }
    `,
  ];

  /** The map whose sheets to offer. */
  @property() mapId = '';
  /** Whose map it is to the one looking (editor/audience.ts). */
  @property({ attribute: false }) audience: Audience = OWNER;

  override render() {
    return html`<details>
      <summary>
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linejoin="round"
        >
          <path
            d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-2"
          />
          <path d="M6 14h12v7H6z" />
        </svg>
        ${msg('Printen', { id: 'print.menu' })}
      </summary>
      <ul>
        <li>
          <a href=${paths.print(this.mapId, 'map')}>
            ${msg('Kaart met lijst', { id: 'print.mapChoice' })}
            <span>${msg('De ringen en wie wat doet. A4, liggend.', { id: 'print.mapHint' })}</span>
          </a>
        </li>
        <li>
          <a href=${paths.print(this.mapId, 'handout')}>
            ${msg('Overzicht om mee te nemen', { id: 'print.handoutChoice' })}
            <span>${handoutHint(this.audience)}</span>
          </a>
        </li>
        <li>
          <a href=${paths.printBlank}>
            ${msg('Lege kaart', { id: 'print.blankChoice' })}
            <span>${msg('Om op papier in te vullen. A4.', { id: 'print.blankHint' })}</span>
          </a>
        </li>
      </ul>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-print-menu': NkPrintMenu;
  }
}
