import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { renderProfessionalChoice } from './professional-choice.js';

/**
 * "Instellingen": the account's own choices. They live in the encrypted keyring, so every device
 * of the account follows and the server cannot read them.
 */
@customElement('nk-account-settings')
@localized()
export class NkAccountSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 36rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);
  private readonly action = new BusyController(this);
  /** The choice as ticked, until saved (null: as stored). */
  @state() private draft: boolean | null = null;
  @state() private saved = false;

  override render() {
    const stored = this.store.value.state.professional;
    const professional = this.draft ?? stored;
    return html`
      <a class="back" href=${paths.maps}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Mijn kaarten', { id: 'editor.back' })}</a
      >
      <h1 tabindex="-1">${msg('Instellingen', { id: 'settings.heading' })}</h1>
      <p>
        ${msg(
          'Deze keuzes staan op slot in je account. Ze gelden op al je apparaten. Alleen jij kunt ze lezen.',
          { id: 'settings.lead' },
        )}
      </p>
      <form novalidate @submit=${this.onSubmit}>
        ${renderProfessionalChoice(professional, (on) => {
          this.draft = on;
          this.saved = false;
        })}
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <p class="status" role="status">
          ${this.saved ? msg('Je keuze is bewaard.', { id: 'settings.saved' }) : ''}
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${msg('Bewaren', { id: 'settings.save' })}
          </button>
          ${
            stored
              ? html`<a href=${paths.profile}
                  >${msg('Vindbaar als hulpverlener', { id: 'profile.heading' })}</a
                >`
              : nothing
          }
        </div>
      </form>
    `;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    const professional = this.draft ?? this.store.value.state.professional;
    this.saved = false;
    const ok = await this.action.run(() => this.store.value.setProfessional(professional));
    if (ok) {
      this.draft = null;
      this.saved = true;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-account-settings': NkAccountSettings;
  }
}
