import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import * as trusted from '../api/trusted-recovery.js';
import { ApiError } from '../api/transport.js';
import { resetPassphrase } from '../account/account-actions.js';
import type { NkNewPassphrase } from '../account/nk-new-passphrase.js';
import '../account/nk-new-passphrase.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { codeStyles } from './code-styles.js';
import { usernameField } from '../account/username-field.js';

const POLL_MS = 3000;

/**
 * From the login screen: her new device makes a fresh key, she reads its code to her helper, the
 * helper's device seals the way back in to it, and she sets a new passphrase here (decision 0026).
 */
@customElement('nk-trusted-handover')
@localized()
export class NkTrustedHandover extends LitElement {
  static override styles = [
    sharedStyles,
    codeStyles,
    css`
      form,
      section {
        max-width: 30rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);
  private readonly action = new BusyController(this);
  @query('nk-new-passphrase') private newPassphrase!: NkNewPassphrase;
  @state() private username = '';
  @state() private step: 'name' | 'code' | 'passphrase' = 'name';
  @state() private code = '';
  private handoverId = '';
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.value.crypto.warmUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    return html`${
      this.step === 'name'
        ? this.renderName()
        : this.step === 'code'
          ? this.renderCode()
          : this.renderPassphrase()
    }
    ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}`;
  }

  private renderName() {
    return html`<h1 tabindex="-1">
        ${msg('Hulp van iemand die je vertrouwt', { id: 'handover.heading' })}
      </h1>
      <p class="lead">
        ${msg(
          'Heb je iemand gekozen die je kan helpen? En is de wachttijd om? Dan kan die persoon je nu binnenlaten.',
          { id: 'handover.lead' },
        )}
      </p>
      <form novalidate @submit=${this.onName}>
        ${usernameField(this.username, (value) => (this.username = value))}
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Verder', { id: 'recover.submitCode' })}
          </button>
          <a href=${paths.login}>${msg('Terug naar inloggen', { id: 'recover.backToLogin' })}</a>
        </div>
      </form>`;
  }

  private renderCode() {
    return html`<section aria-labelledby="code-heading">
      <h1 id="code-heading" tabindex="-1">
        ${msg('Lees deze code voor aan je helper', { id: 'handover.codeHeading' })}
      </h1>
      <p class="code" id="handover-code">${this.code}</p>
      <p>
        ${msg(
          'Je helper ziet dezelfde code. Is die anders? Dan gaat het niet door. Laat dit scherm open: het gaat vanzelf verder.',
          { id: 'handover.codeLead' },
        )}
      </p>
      <p class="status" role="status">
        ${msg('We wachten op je helper.', { id: 'handover.waiting' })}
      </p>
    </section>`;
  }

  private renderPassphrase() {
    return html`<h1 tabindex="-1">
        ${msg('Kies een nieuwe wachtwoordzin', { id: 'recover.newHeading' })}
      </h1>
      <p class="lead">
        ${msg(
          'Je helper heeft je binnengelaten. Kies nu een nieuwe wachtwoordzin. Je kaarten blijven zoals ze waren. Daarna krijg je ook een nieuwe herstelcode.',
          { id: 'handover.newLead' },
        )}
      </p>
      <form novalidate @submit=${this.onPassphrase}>
        <nk-new-passphrase .username=${this.store.value.state.username ?? ''}></nk-new-passphrase>
        <p class="hint">
          ${msg(
            'Je helper kan je hierna niet nog een keer binnenlaten. Wil je weer iemand kiezen? Dat kan later bij Mijn account.',
            { id: 'handover.spent' },
          )}
        </p>
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
        </div>
      </form>`;
  }

  private async onName(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.username.trim() === '') {
      this.action.fail(msg('Vul je gebruikersnaam in.', { id: 'login.needUsername' }));
      return;
    }
    const { api, crypto } = this.store.value;
    const ok = await this.action.run(
      async () => {
        const key = await crypto.call('newHandoverKey', { username: this.username });
        const { handoverId } = await trusted.startHandover(api, this.username, key.boxPublicKey);
        this.handoverId = handoverId;
        this.code = key.code;
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'handover_unavailable')
          this.action.fail(
            msg(
              'Er is nog niemand klaar om je te helpen. Je helper moet eerst starten, en de wachttijd moet om zijn.',
              { id: 'handover.unavailable' },
            ),
          );
      },
    );
    if (!ok) return;
    this.step = 'code';
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    await this.focusHeading();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const state = await trusted.handoverState(this.store.value.api, this.handoverId);
      if (state.sealed === null || state.trustWrappedAccountKey === null) return;
      clearInterval(this.timer);
      const { sealed, trustWrappedAccountKey } = state;
      const ok = await this.action.run(() =>
        this.store.value.loginWithTrusted(this.username, { sealed, trustWrappedAccountKey }),
      );
      if (!ok) return;
      this.step = 'passphrase';
      await this.focusHeading();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'handover_not_found') {
        clearInterval(this.timer);
        this.step = 'name';
        this.action.fail(
          msg('Het helpen is gestopt. Begin opnieuw als je het nog wilt.', {
            id: 'handover.ended',
          }),
        );
      }
    } finally {
      this.polling = false;
    }
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
    this.store.value.router.navigate(paths.recovery);
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-trusted-handover': NkTrustedHandover;
  }
}
