import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { splitNames } from './session/edits.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { emit } from '../ui/events.js';

/**
 * Who stands in the centre of the picture: the parent(s) and the child(ren), by first name or
 * nickname. Everything is optional; without names the centre says "Jij".
 *
 * @fires nk-centre-save - `detail` is `{ parents: string[], children: string[] }`
 */
@customElement('nk-centre-form')
@localized()
export class NkCentreForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      details {
        margin: 0;
      }

      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--nk-primary-dark);
        padding: 0.4rem 0;
      }

      form {
        padding-top: 0.5rem;
        max-width: 32rem;
      }
    `,
  ];

  @property({ attribute: false }) parentNames: readonly string[] = [];
  @property({ attribute: false }) childNames: readonly string[] = [];
  @property({ type: Boolean }) busy = false;

  @state() private parentsText: string | null = null;
  @state() private childrenText: string | null = null;

  override render() {
    return html`<details>
      <summary>${msg('Namen in het midden van de kaart', { id: 'centre.summary' })}</summary>
      <form @submit=${this.onSubmit}>
        <p class="hint">
          ${msg('Een voornaam of bijnaam is genoeg. Mag leeg blijven.', { id: 'centre.hint' })}
        </p>
        <div class="field">
          <label for="parents">${msg('Jij (en je partner)', { id: 'centre.parents' })}</label>
          <input
            id="parents"
            type="text"
            autocomplete="off"
            .value=${this.parentsText ?? this.parentNames.join(', ')}
            @input=${(event: Event) => (this.parentsText = this.value(event))}
          />
        </div>
        <div class="field">
          <label for="children">${msg('Je kind of kinderen', { id: 'centre.children' })}</label>
          <input
            id="children"
            type="text"
            autocomplete="off"
            aria-describedby="children-hint"
            .value=${this.childrenText ?? this.childNames.join(', ')}
            @input=${(event: Event) => (this.childrenText = this.value(event))}
          />
          <p class="hint" id="children-hint">
            ${msg('Meer namen? Zet er een komma tussen.', { id: 'centre.childrenHint' })}
          </p>
        </div>
        <button type="submit" ?disabled=${this.busy}>
          ${msg('Namen bewaren', { id: 'centre.save' })}
        </button>
      </form>
    </details>`;
  }

  private value(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : '';
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const detail = {
      parents: splitNames(this.parentsText ?? this.parentNames.join(', ')),
      children: splitNames(this.childrenText ?? this.childNames.join(', ')),
    };
    this.parentsText = null;
    this.childrenText = null;
    emit(this, 'nk-centre-save', detail);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-centre-form': NkCentreForm;
  }
}
