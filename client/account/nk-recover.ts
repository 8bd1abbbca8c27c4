import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { ApiError } from '../api/transport.js';
import { CryptoFailure } from '../crypto/crypto-client.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { resetPassphrase } from './account-actions.js';
import type { NkNewPassphrase } from './nk-new-passphrase.js';
import './nk-new-passphrase.js';
import { renderKeepChoice } from './keep-choice.js';
import { usernameField } from './username-field.js';

/** "Wachtwoordzin vergeten?": username and recovery code, then a new passphrase and a new code. */
@customElement('nk-recover')
@localized()
export class NkRecover extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 30rem;
      }

      #code {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
        letter-spacing: 0.05em;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @query('#username') private usernameInput!: HTMLInputElement;
  @query('#code') private codeInput!: HTMLInputElement;
  @query('nk-new-passphrase') private newPassphrase!: NkNewPassphrase;

  @state() private username = '';
  @state() private code = '';
  /** "Dit is mijn eigen telefoon of computer": off unless she says so. */
  @state() private keep = false;
  /** Signed in with the code; the new passphrase comes next. */
  @state() private step: 'code' | 'passphrase' = 'code';
  private readonly action = new BusyController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.value.crypto.warmUp();
  }

  override render() {
    return this.step === 'code' ? this.renderCode() : this.renderPassphrase();
  }

  private renderCode() {
    return html`
      <h1 tabindex="-1">${msg('Wachtwoordzin vergeten', { id: 'recover.heading' })}</h1>
      <p class="lead">
        ${msg(
          'Met je herstelcode kom je weer bij je kaarten. Daarna kies je een nieuwe wachtwoordzin.',
          { id: 'recover.lead' },
        )}
      </p>
      <form novalidate @submit=${this.onCode}>
        ${usernameField(this.username, (value) => (this.username = value))}
        <div class="field">
          <label for="code">${msg('Herstelcode', { id: 'recovery.codeLabel' })}</label>
          <input
            id="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby="code-hint"
            .value=${this.code}
            @input=${(event: Event) => (this.code = this.inputValue(event))}
          />
          <p class="hint" id="code-hint">
            ${msg(
              'Die staat op het papier of in het bestand dat je bewaarde. Streepjes en spaties mogen.',
              { id: 'recover.codeHint' },
            )}
          </p>
        </div>
        ${renderKeepChoice(this.store.value.api.remember, this.keep, (on) => (this.keep = on))}
        ${this.renderStatus(msg('Even geduld. We openen je kaarten.', { id: 'login.busy' }))}
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Verder', { id: 'recover.submitCode' })}
          </button>
          <a href=${paths.login}>${msg('Terug naar inloggen', { id: 'recover.backToLogin' })}</a>
        </div>
      </form>
    `;
  }

  private renderPassphrase() {
    return html`
      <h1 tabindex="-1">${msg('Kies een nieuwe wachtwoordzin', { id: 'recover.newHeading' })}</h1>
      <p class="lead">
        ${msg(
          'Je herstelcode klopt. Kies nu een nieuwe wachtwoordzin. Je kaarten blijven zoals ze waren.',
          { id: 'recover.newLead' },
        )}
      </p>
      <form novalidate @submit=${this.onPassphrase}>
        <nk-new-passphrase .username=${this.store.value.state.username ?? ''}></nk-new-passphrase>
        ${this.renderStatus(
          msg('Even geduld. We maken je nieuwe sleutels.', { id: 'recover.busyNew' }),
        )}
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Wachtwoordzin opslaan', { id: 'recover.save' })}
          </button>
        </div>
      </form>
    `;
  }

  private renderStatus(busyText: string) {
    return html`
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
      <p class="status" role="status">${this.action.busy ? busyText : ''}</p>
    `;
  }

  private inputValue(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : '';
  }

  private async onCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    this.action.clear();
    if (this.username.trim() === '') {
      this.action.fail(msg('Vul je gebruikersnaam in.', { id: 'login.needUsername' }));
      this.usernameInput.focus();
      return;
    }
    if (this.code.trim() === '') {
      this.action.fail(msg('Vul je herstelcode in.', { id: 'recover.needCode' }));
      this.codeInput.focus();
      return;
    }
    const ok = await this.action.run(
      () => this.store.value.loginWithRecovery(this.username, this.code, this.keep),
      (error) => {
        if (
          (error instanceof CryptoFailure && error.code === 'malformed') ||
          (error instanceof ApiError && error.code === 'login_failed') ||
          (error instanceof CryptoFailure && error.code === 'decrypt-failure')
        ) {
          this.action.fail(
            msg(
              'De gebruikersnaam of de herstelcode klopt niet. Kijk of je de code goed hebt overgetypt.',
              { id: 'recover.wrongCode' },
            ),
          );
        }
        this.codeInput.focus();
      },
    );
    if (!ok) return;
    this.code = '';
    this.step = 'passphrase';
    await this.updateComplete;
    this.renderRoot.querySelector('h1')?.focus();
  }

  private async onPassphrase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    this.action.clear();
    const passphrase = this.newPassphrase.check();
    if (passphrase === null) return;
    const ok = await this.action.run(() => resetPassphrase(this.store.value, passphrase));
    if (!ok) return;
    this.newPassphrase.clear();
    // The sheet shows the new code once and says the old one no longer works.
    this.store.value.router.navigate(paths.recovery);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-recover': NkRecover;
  }
}
