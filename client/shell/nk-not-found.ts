import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { paths } from './router.js';
import { sharedStyles } from '../ui/shared-styles.js';

/** Shown for an address the app does not know. */
@customElement('nk-not-found')
@localized()
export class NkNotFound extends LitElement {
  static override styles = [sharedStyles];

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Deze pagina bestaat niet', { id: 'app.notFound' })}</h1>
      <p><a href=${paths.welcome}>${msg('Naar het begin', { id: 'app.home' })}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-not-found': NkNotFound;
  }
}
