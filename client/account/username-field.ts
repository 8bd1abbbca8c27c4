// The username field of the sign-in screens (login, recovery code, a trusted helper's hand-over).
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export function usernameField(value: string, onInput: (value: string) => void): TemplateResult {
  return html`<div class="field">
    <label for="username">${msg('Gebruikersnaam', { id: 'login.username' })}</label>
    <input
      id="username"
      type="text"
      autocomplete="username"
      autocapitalize="none"
      spellcheck="false"
      .value=${value}
      @input=${(event: Event) =>
        onInput(event.target instanceof HTMLInputElement ? event.target.value : '')}
    />
  </div>`;
}
