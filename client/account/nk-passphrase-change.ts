import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { ApiError } from '../api/transport.js';
import { CryptoFailure } from '../crypto/crypto-client.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { changePassphrase } from './account-actions.js';
import type { NkNewPassphrase } from './nk-new-passphrase.js';
import './nk-new-passphrase.js';

/** A wrong current passphrase, in plain words (checked on the device, and again by the server). */
export function wrongPassphrase(error: unknown): boolean {
  return (
    (error instanceof CryptoFailure && error.code === 'decrypt-failure') ||
    (error instanceof ApiError && error.code === 'proof_failed')
  );
}

/** Changing the passphrase: the current one (proof, made on this device), then the new one twice. */
@customElement('nk-passphrase-change')
@localized()
export class NkPassphraseChange extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 30rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @query('#current') private currentInput!: HTMLInputElement;
  @query('nk-new-passphrase') private newPassphrase!: NkNewPassphrase;

  @state() private current = '';
  @state() private done = false;
  private readonly action = new BusyController(this);

  override render() {
    if (this.done) {
      return html`
        <h1 tabindex="-1">${msg('Wachtwoordzin veranderd', { id: 'change.doneHeading' })}</h1>
        <p class="lead" data-testid="change-done">
          ${msg(
            'Je nieuwe wachtwoordzin is opgeslagen. De oude werkt niet meer. Op je andere apparaten log je opnieuw in.',
            { id: 'change.done' },
          )}
        </p>
        <a class="button" href=${paths.maps}
          >${msg('Naar mijn kaarten', { id: 'recovery.toMaps' })}</a
        >
      `;
    }
    return html`
      <h1 tabindex="-1">${msg('Wachtwoordzin veranderen', { id: 'change.heading' })}</h1>
      <p class="lead">
        ${msg(
          'Eerst je huidige wachtwoordzin, dan de nieuwe. Je kaarten en je herstelcode blijven zoals ze zijn.',
          { id: 'change.lead' },
        )}
      </p>
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="current"
            >${msg('Huidige wachtwoordzin', { id: 'account.currentPassphrase' })}</label
          >
          <input
            id="current"
            type="password"
            autocomplete="current-password"
            .value=${this.current}
            @input=${(event: Event) =>
              (this.current = event.target instanceof HTMLInputElement ? event.target.value : '')}
          />
        </div>
        <nk-new-passphrase .username=${this.store.value.state.username ?? ''}></nk-new-passphrase>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <p class="status" role="status">
          ${
            this.action.busy
              ? msg('Even geduld. We maken je nieuwe sleutels.', { id: 'recover.busyNew' })
              : ''
          }
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Wachtwoordzin opslaan', { id: 'recover.save' })}
          </button>
          <a href=${paths.account}>${msg('Terug', { id: 'account.back' })}</a>
        </div>
      </form>
    `;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    this.action.clear();
    if (this.current === '') {
      this.action.fail(msg('Vul je huidige wachtwoordzin in.', { id: 'account.needCurrent' }));
      this.currentInput.focus();
      return;
    }
    const passphrase = this.newPassphrase.check();
    if (passphrase === null) return;
    const ok = await this.action.run(
      () => changePassphrase(this.store.value, this.current, passphrase),
      (error) => {
        if (!wrongPassphrase(error)) return;
        this.action.fail(
          msg('Je huidige wachtwoordzin klopt niet.', { id: 'account.wrongCurrent' }),
        );
        this.currentInput.focus();
      },
    );
    if (!ok) return;
    this.current = '';
    this.newPassphrase.clear();
    this.done = true;
    await this.updateComplete;
    this.renderRoot.querySelector('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-passphrase-change': NkPassphraseChange;
  }
}
