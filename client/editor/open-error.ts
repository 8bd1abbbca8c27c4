// What the map screen says when a map could not be opened: in plain words, with what to do.
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { describeError } from '../ui/errors.js';

export function renderOpenError(error: unknown): TemplateResult {
  return html`
    <h1 tabindex="-1">${msg('Kaart niet geopend', { id: 'editor.errorHeading' })}</h1>
    <p class="error" role="alert">
      ${
        error instanceof Error && error.message === 'not-in-keyring'
          ? msg('Deze kaart staat niet bij jouw kaarten.', { id: 'editor.notInKeyring' })
          : describeError(error)
      }
    </p>
  `;
}
