import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { formatDateTime } from '../ui/format.js';

/**
 * The calm note while there is no connection: what she sees is the version of a given moment, and
 * changing it waits for a connection (decision 0025: offline, the app only reads).
 */
@customElement('nk-offline-note')
@localized()
export class NkOfflineNote extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    p {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--nk-primary);
      border-radius: var(--nk-radius-small);
      background: var(--nk-primary-soft);
      color: var(--nk-text);
    }
  `;

  /** When what she sees was last confirmed by the server (ms since the epoch). */
  @property({ type: Number }) at = 0;
  /** One map, or the list of her maps. */
  @property() kind: 'map' | 'maps' = 'map';

  override render() {
    const when = formatDateTime(this.at);
    return html`<p role="status">
      ${
        this.kind === 'map'
          ? msg(
              str`Je bent niet verbonden. Je ziet de kaart zoals die was op ${when}. Iets veranderen kan weer als je verbonden bent.`,
              { id: 'offline.map' },
            )
          : msg(
              str`Je bent niet verbonden. Je ziet je kaarten zoals ze waren op ${when}. Een kaart maken of veranderen kan weer als je verbonden bent.`,
              { id: 'offline.maps' },
            )
      }
    </p>`;
  }
}

/** The note, or nothing while connected (`at` is null). */
export function offlineNote(at: number | null, kind: 'map' | 'maps') {
  return at === null ? nothing : html`<nk-offline-note .at=${at} kind=${kind}></nk-offline-note>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-offline-note': NkOfflineNote;
  }
}
