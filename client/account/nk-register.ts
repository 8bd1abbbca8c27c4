import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { BusyController } from '../ui/busy.js';
import {
  EXAMPLE_PASSPHRASES,
  MIN_PASSPHRASE_LENGTH,
  loadEstimator,
  passphraseStrength,
  quotedExample,
  type Estimator,
  type Strength,
} from './passphrase-strength.js';
import { strengthText } from './strength-text.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { renderProfessionalChoice } from './professional-choice.js';
import { renderKeepChoice } from './keep-choice.js';
import { StoreController } from '../shell/store-controller.js';

/** Shortest and longest usernames the form accepts. */
const USERNAME_MIN = 3;
const USERNAME_MAX = 64;
/** What the server accepts after normalising (see shared/api/accounts.ts). */
const USERNAME_PATTERN = /^[\p{L}\p{N}._-]+$/u;

/** Creating an account: a username, a passphrase with plain-word strength feedback. */
@customElement('nk-register')
@localized()
export class NkRegister extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 30rem;
      }

      .meter {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.3rem;
        margin-top: 0.5rem;
      }

      .meter span {
        height: 0.4rem;
        border-radius: 999px;
        background: var(--nk-surface-soft);
        border: 1px solid var(--nk-border);
      }

      .meter[data-level='1'] span:nth-child(-n + 1) {
        background: var(--nk-accent);
        border-color: var(--nk-accent);
      }

      .meter[data-level='2'] span:nth-child(-n + 2) {
        background: var(--nk-ring-2);
        border-color: var(--nk-ring-2);
      }

      .meter[data-level='3'] span {
        background: var(--nk-primary);
        border-color: var(--nk-primary);
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @query('#username') private usernameInput!: HTMLInputElement;
  @query('#passphrase') private passphraseInput!: HTMLInputElement;
  @query('#repeat') private repeatInput!: HTMLInputElement;

  @state() private username = '';
  @state() private passphrase = '';
  @state() private repeat = '';
  @state() private showPassphrase = false;
  /** "Ik werk als hulpverlener": kept in the keyring once the account exists. */
  @state() private professional = false;
  /** "Dit is mijn eigen telefoon of computer": off unless she says so. */
  @state() private keep = false;
  @state() private submitted = false;
  /** zxcvbn-ts, fetched when this screen opens (not with the first page). */
  @state() private estimator: Estimator | null = null;
  private readonly action = new BusyController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // Start libsodium and the strength dictionaries while the person types.
    this.store.value.crypto.warmUp();
    void loadEstimator()
      .then((estimator) => (this.estimator = estimator))
      .catch(() => undefined);
  }

  /** The strength of what is typed now; the tip's example (as this language quotes it) is refused. */
  private strength(): Strength {
    const quoted = quotedExample(this.hintText());
    const examples = quoted === null ? EXAMPLE_PASSPHRASES : [...EXAMPLE_PASSPHRASES, quoted];
    return passphraseStrength(this.passphrase, this.username, this.estimator, examples);
  }

  private hintText(): string {
    return msg(
      str`Tip: maak een korte zin van vier of meer woorden, bijvoorbeeld "groene fiets onder de appelboom". Minstens ${MIN_PASSPHRASE_LENGTH} tekens.`,
      { id: 'register.passphraseHint' },
    );
  }

  override render() {
    const strength = this.strength();
    const usernameError = this.submitted ? this.usernameError() : '';
    const passphraseError =
      this.submitted && !strength.allowed && strength.reason !== 'checking'
        ? strengthText(strength)
        : '';
    const repeatError =
      this.submitted && this.repeat !== this.passphrase
        ? msg('De twee wachtwoordzinnen zijn niet hetzelfde.', { id: 'register.repeatMismatch' })
        : '';
    return html`
      <h1 tabindex="-1">${msg('Account maken', { id: 'register.heading' })}</h1>
      <p class="lead">
        ${msg('Je hebt alleen een gebruikersnaam en een wachtwoordzin nodig. Geen e-mailadres.', {
          id: 'register.lead',
        })}
      </p>
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="username">${msg('Gebruikersnaam', { id: 'register.username' })}</label>
          <input
            id="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            maxlength=${USERNAME_MAX}
            .value=${this.username}
            aria-describedby="username-hint ${usernameError ? 'username-error' : ''}"
            aria-invalid=${usernameError ? 'true' : 'false'}
            @input=${(event: InputEvent) => (this.username = this.inputValue(event))}
          />
          <p class="hint" id="username-hint">
            ${msg('Kies een naam die anderen niet aan jou koppelen. Je echte naam is niet nodig.', {
              id: 'register.usernameHint',
            })}
          </p>
          ${
            usernameError
              ? html`<p class="field-error" id="username-error">${usernameError}</p>`
              : nothing
          }
        </div>

        <div class="field">
          <label for="passphrase">${msg('Wachtwoordzin', { id: 'register.passphrase' })}</label>
          <input
            id="passphrase"
            type=${this.showPassphrase ? 'text' : 'password'}
            autocomplete="new-password"
            .value=${this.passphrase}
            aria-describedby="passphrase-hint passphrase-strength"
            aria-invalid=${passphraseError ? 'true' : 'false'}
            @input=${(event: InputEvent) => (this.passphrase = this.inputValue(event))}
          />
          <p class="hint" id="passphrase-hint">${this.hintText()}</p>
          <div class="meter" data-level=${strength.level} aria-hidden="true">
            <span></span><span></span><span></span>
          </div>
          <p class=${passphraseError ? 'field-error' : 'hint'} id="passphrase-strength">
            ${strengthText(strength)}
          </p>
        </div>

        <div class="field">
          <label for="repeat"
            >${msg('Wachtwoordzin nog een keer', { id: 'register.repeat' })}</label
          >
          <input
            id="repeat"
            type=${this.showPassphrase ? 'text' : 'password'}
            autocomplete="new-password"
            .value=${this.repeat}
            aria-describedby=${repeatError ? 'repeat-error' : nothing}
            aria-invalid=${repeatError ? 'true' : 'false'}
            @input=${(event: InputEvent) => (this.repeat = this.inputValue(event))}
          />
          ${repeatError ? html`<p class="field-error" id="repeat-error">${repeatError}</p>` : nothing}
        </div>

        <label class="choice">
          <input
            type="checkbox"
            .checked=${this.showPassphrase}
            @change=${(event: Event) =>
              (this.showPassphrase =
                event.target instanceof HTMLInputElement && event.target.checked)}
          />
          <span>${msg('Laat de wachtwoordzin zien', { id: 'register.show' })}</span>
        </label>

        ${renderProfessionalChoice(this.professional, (on) => (this.professional = on))}
        ${renderKeepChoice(this.store.value.api.remember, this.keep, (on) => (this.keep = on))}

        <p class="hint">
          ${msg(
            'Onthoud je wachtwoordzin goed. Niemand kan hem voor je opzoeken, ook wij niet. Na deze stap krijg je een herstelcode voor als je hem vergeet.',
            { id: 'register.remember' },
          )}
        </p>

        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <p class="status" role="status">
          ${
            this.action.busy
              ? msg('Even geduld. We maken je sleutels. Dit duurt een paar seconden.', {
                  id: 'register.busy',
                })
              : ''
          }
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Account maken', { id: 'register.submit' })}
          </button>
          <a href=${paths.login}>${msg('Ik heb al een account', { id: 'register.haveAccount' })}</a>
        </div>
      </form>
    `;
  }

  private inputValue(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : '';
  }

  private usernameError(): string {
    const name = this.username.trim().normalize('NFC').toLowerCase();
    if ([...name].length < USERNAME_MIN) {
      return msg(str`Kies een gebruikersnaam van minstens ${USERNAME_MIN} tekens.`, {
        id: 'register.usernameTooShort',
      });
    }
    if (!USERNAME_PATTERN.test(name)) {
      return msg(
        'Gebruik alleen letters, cijfers, een punt (.), een streepje (-) of een liggend streepje (_). Geen spaties.',
        {
          id: 'register.usernameChars',
        },
      );
    }
    return '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    this.submitted = true;
    this.action.clear();
    if (this.usernameError()) {
      this.usernameInput.focus();
      return;
    }
    // Pressed before the dictionaries arrived: wait for them, so nothing weak slips through.
    if (this.estimator === null) {
      try {
        this.estimator = await loadEstimator();
      } catch {
        this.action.fail(
          msg('Er is geen verbinding. Kijk of je internet hebt en probeer het opnieuw.', {
            id: 'error.network',
          }),
        );
        return;
      }
    }
    if (!this.strength().allowed) {
      this.passphraseInput.focus();
      return;
    }
    if (this.repeat !== this.passphrase) {
      this.repeatInput.focus();
      return;
    }
    await this.action.run(async () => {
      await this.store.value.register(this.username, this.passphrase, {
        professional: this.professional,
        keep: this.keep,
      });
      this.passphrase = '';
      this.repeat = '';
      this.store.value.router.navigate(paths.recovery);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-register': NkRegister;
  }
}
