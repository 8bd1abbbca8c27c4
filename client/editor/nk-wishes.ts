import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { LIMITS } from '../../shared/map/types.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { emit } from '../ui/events.js';

/**
 * "Wat wil je versterken?": the parent's own words about her network, kept in the map's private
 * section. Shown as text with a Change button, or as a text field while writing.
 *
 * @fires nk-wishes-save - the parent saved; `detail.wishes` is the new text
 */
@customElement('nk-wishes')
@localized()
export class NkWishes extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        border: 2px dashed var(--nk-accent);
        border-radius: var(--nk-radius);
        padding: 1rem 1.25rem;
        background: var(--nk-surface);
      }

      h2 {
        font-size: 1.15rem;
      }

      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }

      .buttons {
        margin-top: 0.5rem;
      }
    `,
  ];

  /** The saved wishes. */
  @property() wishes = '';
  /** Only shows the text (no writing). */
  @property({ type: Boolean }) readonly = false;
  /** True while saving. */
  @property({ type: Boolean }) busy = false;

  @query('textarea') private textarea!: HTMLTextAreaElement | null;
  @query('.change') private changeButton!: HTMLButtonElement | null;

  @state() private writing = false;
  @state() private draft = '';

  /** Closes the text field after a save and puts the focus back on the Change button. */
  async saved(): Promise<void> {
    this.writing = false;
    await this.updateComplete;
    this.changeButton?.focus();
  }

  override render() {
    const empty = this.wishes.trim() === '';
    if (this.readonly && empty) return nothing;
    const editing = !this.readonly && (this.writing || empty);
    return html`<section aria-labelledby="wishes-heading">
      <h2 id="wishes-heading">${msg('Wat wil je versterken?', { id: 'wishes.heading' })}</h2>
      ${
        editing
          ? html`<form @submit=${this.onSubmit}>
              <div class="field">
                <label for="wishes">
                  ${msg('Wie of wat zou je er graag bij hebben? Schrijf het in je eigen woorden.', {
                    id: 'wishes.label',
                  })}
                </label>
                <textarea
                  id="wishes"
                  maxlength=${LIMITS.wishes}
                  .value=${this.writing ? this.draft : this.wishes}
                  aria-describedby="wishes-hint"
                  @input=${this.onInput}
                ></textarea>
                <p class="hint" id="wishes-hint">
                  ${msg(
                    'Bijvoorbeeld: "Ik wil graag een andere moeder in de buurt leren kennen." Alleen jij ziet dit, en een andere ouder die de kaart met je beheert. Hulpverleners en anderen op de kaart zien het niet.',
                    { id: 'wishes.hintWho' },
                  )}
                </p>
              </div>
              <div class="buttons">
                <button type="submit" ?disabled=${this.busy}>
                  ${msg('Wensen bewaren', { id: 'wishes.save' })}
                </button>
                ${
                  this.writing && !empty
                    ? html`<button type="button" class="secondary" @click=${this.onCancel}>
                        ${msg('Annuleren', { id: 'person.cancel' })}
                      </button>`
                    : nothing
                }
              </div>
            </form>`
          : html`<p class="text">${this.wishes}</p>
              ${
                this.readonly
                  ? nothing
                  : html`<div class="buttons">
                      <button type="button" class="secondary change" @click=${this.onChange}>
                        ${msg('Wensen wijzigen', { id: 'wishes.change' })}
                      </button>
                    </div>`
              }`
      }
    </section>`;
  }

  private onInput(event: Event): void {
    this.writing = true;
    this.draft = event.target instanceof HTMLTextAreaElement ? event.target.value : '';
  }

  private async onChange(): Promise<void> {
    this.draft = this.wishes;
    this.writing = true;
    await this.updateComplete;
    this.textarea?.focus();
  }

  private async onCancel(): Promise<void> {
    this.writing = false;
    await this.updateComplete;
    this.changeButton?.focus();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const wishes = (this.writing ? this.draft : this.wishes).trim();
    emit(this, 'nk-wishes-save', { wishes });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-wishes': NkWishes;
  }
}
