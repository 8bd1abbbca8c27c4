import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { getAccount } from '../api/accounts.js';
import type { AppStore } from '../shell/store.js';
import { BusyController } from '../ui/busy.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { togetherStyles, who } from './screens.js';

/** Wrong passphrases before the professional is signed out: each try costs one Argon2id run, a few end it. */
export const HAND_BACK_TRIES = 5;

/**
 * Handing the device back after Samen aan tafel: the professional types her own passphrase, and her
 * worker checks it against the account key it holds. Until then the room stays closed.
 */
@customElement('nk-hand-back')
@localized()
export class NkHandBack extends LitElement {
  static override styles = [sharedStyles, togetherStyles];

  /** The professional's store (not the parent's, which has ended). */
  @property({ attribute: false }) store: AppStore | null = null;
  /** Called once her passphrase is right. */
  @property({ attribute: false }) opened: () => void = () => undefined;

  @query('#own-passphrase') private input!: HTMLInputElement;
  @state() private passphrase = '';
  @state() private wrong = 0;
  @state() private problem = '';
  private readonly action = new BusyController(this);

  override render() {
    const error = this.problem || this.action.error;
    return html`<div class="narrow">
      ${who(false)}
      <h1 tabindex="-1">${msg('Geef het apparaat terug', { id: 'together.handBackHeading' })}</h1>
      <p class="lead">
        ${msg(
          'De ouder is uitgelogd. Alleen de hulpverlener gaat verder: vul je eigen wachtwoordzin in.',
          { id: 'together.handBackLead' },
        )}
      </p>
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="own-passphrase"
            >${msg('Jouw wachtwoordzin', { id: 'together.ownPassphrase' })}</label
          >
          <input
            id="own-passphrase"
            type="password"
            autocomplete="current-password"
            .value=${this.passphrase}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="hand-back-error"
            @input=${(e: Event) => (this.passphrase = (e.target as HTMLInputElement).value)}
          />
          <p class="field-error" id="hand-back-error" aria-live="assertive">${error}</p>
        </div>
        <p class="status" role="status">
          ${this.action.busy ? msg('Even geduld. We controleren je wachtwoordzin.', { id: 'together.checking' }) : ''}
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Verder als hulpverlener', { id: 'together.handBackSubmit' })}
          </button>
        </div>
      </form>
    </div>`;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.store;
    if (this.action.busy || store === null) return;
    this.problem = '';
    if (this.passphrase === '') {
      this.problem = msg('Vul je wachtwoordzin in.', { id: 'login.needPassphrase' });
      this.input.focus();
      return;
    }
    const passphrase = this.passphrase;
    let right = false;
    const done = await this.action.run(async () => {
      const account = await getAccount(store.api);
      right = (await store.crypto.call('checkPassphrase', { passphrase, account })).ok;
    });
    if (!done) return;
    this.passphrase = '';
    if (right) {
      this.opened();
      return;
    }
    this.wrong += 1;
    if (this.wrong >= HAND_BACK_TRIES) {
      // Too many tries: nobody guesses on; she signs in again with her username and passphrase.
      await store.logout();
      store.announce(
        msg('Te vaak een verkeerde wachtwoordzin. Log opnieuw in.', {
          id: 'together.handBackLocked',
        }),
      );
      return;
    }
    this.problem = msg('Deze wachtwoordzin klopt niet. Probeer het opnieuw.', {
      id: 'together.handBackWrong',
    });
    this.input.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-hand-back': NkHandBack;
  }
}
