import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { renderKeepChoice } from './keep-choice.js';
import { usernameField } from './username-field.js';

/** Signing in with username and passphrase. */
@customElement('nk-login')
@localized()
export class NkLogin extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 30rem;
      }

      .notice {
        max-width: 30rem;
        background: var(--nk-primary-soft);
        border-radius: var(--nk-radius-small);
        padding: 0.6rem 0.8rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @query('#username') private usernameInput!: HTMLInputElement;
  @query('#passphrase') private passphraseInput!: HTMLInputElement;

  @state() private username = '';
  @state() private passphrase = '';
  /** "Dit is mijn eigen telefoon of computer": off unless she says so. */
  @state() private keep = false;
  private readonly action = new BusyController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.value.crypto.warmUp();
  }

  override render() {
    const store = this.store.value;
    return html`
      <h1 tabindex="-1">${msg('Inloggen', { id: 'login.heading' })}</h1>
      ${
        store.sessionEnded
          ? html`<p class="notice" role="status">
              ${msg(
                'Je bent op dit apparaat niet meer ingelogd. Log opnieuw in met je wachtwoordzin.',
                { id: 'device.sessionEnded' },
              )}
            </p>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit}>
        ${usernameField(this.username, (value) => (this.username = value))}
        <div class="field">
          <label for="passphrase">${msg('Wachtwoordzin', { id: 'login.passphrase' })}</label>
          <input
            id="passphrase"
            type="password"
            autocomplete="current-password"
            .value=${this.passphrase}
            @input=${(event: Event) => (this.passphrase = this.inputValue(event))}
          />
        </div>
        ${renderKeepChoice(store.api.remember, this.keep, (on) => (this.keep = on))}
        <p>
          <a href=${paths.recover}>${msg('Wachtwoordzin vergeten?', { id: 'login.forgot' })}</a>
        </p>
        <p>
          <a href=${paths.trustedHandover}
            >${msg('Hulp van iemand die je vertrouwt', { id: 'handover.heading' })}</a
          >
        </p>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <p class="status" role="status">
          ${this.action.busy ? msg('Even geduld. We openen je kaarten.', { id: 'login.busy' }) : ''}
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Inloggen', { id: 'login.submit' })}
          </button>
          <a href=${paths.register}
            >${msg('Nog geen account? Maak er een.', { id: 'login.noAccount' })}</a
          >
        </div>
      </form>
    `;
  }

  private inputValue(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    this.action.clear();
    if (this.username.trim() === '') {
      this.action.fail(msg('Vul je gebruikersnaam in.', { id: 'login.needUsername' }));
      this.usernameInput.focus();
      return;
    }
    if (this.passphrase === '') {
      this.action.fail(msg('Vul je wachtwoordzin in.', { id: 'login.needPassphrase' }));
      this.passphraseInput.focus();
      return;
    }
    await this.action.run(
      async () => {
        await this.store.value.login(this.username, this.passphrase, this.keep);
        this.store.value.sessionEnded = false;
        this.passphrase = '';
        this.store.value.router.navigate(this.store.value.takeReturnTo(paths.maps));
      },
      () => this.passphraseInput.focus(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-login': NkLogin;
  }
}
