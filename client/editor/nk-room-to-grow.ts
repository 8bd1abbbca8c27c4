import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../ui/shared-styles.js';
import { OWNER, roomToGrow, type Audience } from './audience.js';

/** Friendly ideas for who else might fit on the map: few people means room to grow, never a gap. */
@customElement('nk-room-to-grow')
@localized()
export class NkRoomToGrow extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      aside {
        background: var(--nk-accent-soft);
        border-radius: var(--nk-radius);
        padding: 1rem 1.25rem;
        margin: 1.5rem 0;
      }

      h2 {
        font-size: 1.15rem;
      }

      ul {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  /** True when nobody is on the map yet (the heading then speaks of starting). */
  @property({ type: Boolean }) empty = false;
  /** Whose map it is to the one looking (editor/audience.ts). */
  @property({ attribute: false }) audience: Audience = OWNER;

  override render() {
    const words = roomToGrow(this.audience);
    return html`<aside aria-labelledby="grow-heading">
      <h2 id="grow-heading">
        ${this.empty ? msg('Ideeën om mee te beginnen', { id: 'editor.growHeadingEmpty' }) : words.heading}
      </h2>
      <p>${words.lead}</p>
      <ul>
        <li>${msg('een buurvrouw of buurman', { id: 'editor.growNeighbour' })}</li>
        <li>${msg('een andere ouder, van school of de opvang', { id: 'editor.growParent' })}</li>
        <li>${msg('iemand van de kerk, moskee of een club', { id: 'editor.growCommunity' })}</li>
        <li>
          ${msg('een vrijwilliger, bijvoorbeeld van Home-Start', { id: 'editor.growVolunteer' })}
        </li>
      </ul>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-room-to-grow': NkRoomToGrow;
  }
}
