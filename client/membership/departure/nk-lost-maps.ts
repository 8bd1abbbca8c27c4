import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { sharedStyles } from '../../ui/shared-styles.js';
import { clearLostMapNotices, lostMapNotices, onLostMap } from './lost-maps.js';

/**
 * On "Mijn kaarten": one plain sentence for each map that left her list since she last looked
 * (she stopped, or an owner took her off). Said once: leaving the list clears them.
 */
@customElement('nk-lost-maps')
@localized()
export class NkLostMaps extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0.75rem 1rem;
        background: var(--nk-primary-soft);
        border-radius: var(--nk-radius);
      }
    `,
  ];

  @state() private notices: string[] = lostMapNotices();
  private stop: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.notices = lostMapNotices();
    this.stop = onLostMap(() => (this.notices = lostMapNotices()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
    this.stop = null;
    clearLostMapNotices();
  }

  override render() {
    return html`<div role="status">
      ${
        this.notices.length === 0
          ? nothing
          : html`<ul data-testid="lost-maps">
              ${this.notices.map((notice) => html`<li>${notice}</li>`)}
            </ul>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-lost-maps': NkLostMaps;
  }
}
