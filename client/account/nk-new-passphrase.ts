import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  MIN_PASSPHRASE_LENGTH,
  loadEstimator,
  passphraseStrength,
  type Estimator,
} from './passphrase-strength.js';
import { strengthText } from './strength-text.js';
import { sharedStyles } from '../ui/shared-styles.js';

/**
 * A new passphrase typed twice, with strength feedback in plain words. The one call of the strength
 * engine for recovery and change is `passphraseStrength` here; `check()` says whether it may be used.
 */
@customElement('nk-new-passphrase')
@localized()
export class NkNewPassphrase extends LitElement {
  static override styles = [
    sharedStyles,
    css`
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

  /** Her username, so the strength check can warn when the passphrase contains it. */
  @property() username = '';

  @query('#new-passphrase') private passphraseInput!: HTMLInputElement;
  @query('#new-repeat') private repeatInput!: HTMLInputElement;

  @state() private passphrase = '';
  @state() private repeat = '';
  @state() private show = false;
  @state() private submitted = false;
  /** zxcvbn-ts, loaded when this form first shows; until then nothing counts as strong enough. */
  @state() private estimator: Estimator | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void loadEstimator()
      .then((estimator) => (this.estimator = estimator))
      .catch(() => undefined);
  }

  /** The passphrase when it is strong enough and typed twice the same; else focuses the field to fix. */
  check(): string | null {
    this.submitted = true;
    if (!passphraseStrength(this.passphrase, this.username, this.estimator).allowed) {
      this.passphraseInput.focus();
      return null;
    }
    if (this.repeat !== this.passphrase) {
      this.repeatInput.focus();
      return null;
    }
    return this.passphrase;
  }

  /** Forgets what was typed (after it was used). */
  clear(): void {
    this.passphrase = '';
    this.repeat = '';
    this.submitted = false;
  }

  override render() {
    const strength = passphraseStrength(this.passphrase, this.username, this.estimator);
    const passphraseError = this.submitted && !strength.allowed ? strengthText(strength) : '';
    const repeatError =
      this.submitted && this.repeat !== this.passphrase
        ? msg('De twee wachtwoordzinnen zijn niet hetzelfde.', { id: 'register.repeatMismatch' })
        : '';
    const type = this.show ? 'text' : 'password';
    return html`
      <div class="field">
        <label for="new-passphrase"
          >${msg('Nieuwe wachtwoordzin', { id: 'newPassphrase.label' })}</label
        >
        <input
          id="new-passphrase"
          type=${type}
          autocomplete="new-password"
          .value=${this.passphrase}
          aria-describedby="new-hint new-strength"
          aria-invalid=${passphraseError ? 'true' : 'false'}
          @input=${(event: Event) => (this.passphrase = this.inputValue(event))}
        />
        <p class="hint" id="new-hint">
          ${msg(
            str`Tip: maak een korte zin van vier of meer woorden, bijvoorbeeld "groene fiets onder de appelboom". Minstens ${MIN_PASSPHRASE_LENGTH} tekens.`,
            { id: 'register.passphraseHint' },
          )}
        </p>
        <div class="meter" data-level=${strength.level} aria-hidden="true">
          <span></span><span></span><span></span>
        </div>
        <p class=${passphraseError ? 'field-error' : 'hint'} id="new-strength">
          ${strengthText(strength)}
        </p>
      </div>
      <div class="field">
        <label for="new-repeat"
          >${msg('Nieuwe wachtwoordzin nog een keer', { id: 'newPassphrase.repeat' })}</label
        >
        <input
          id="new-repeat"
          type=${type}
          autocomplete="new-password"
          .value=${this.repeat}
          aria-describedby=${repeatError ? 'new-repeat-error' : nothing}
          aria-invalid=${repeatError ? 'true' : 'false'}
          @input=${(event: Event) => (this.repeat = this.inputValue(event))}
        />
        ${
          repeatError
            ? html`<p class="field-error" id="new-repeat-error">${repeatError}</p>`
            : nothing
        }
      </div>
      <label class="choice">
        <input
          type="checkbox"
          .checked=${this.show}
          @change=${(event: Event) =>
            (this.show = event.target instanceof HTMLInputElement && event.target.checked)}
        />
        <span>${msg('Laat de wachtwoordzin zien', { id: 'register.show' })}</span>
      </label>
    `;
  }

  private inputValue(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-new-passphrase': NkNewPassphrase;
  }
}
