import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { BaseEntry, DetailFields } from '../../shared/map/types.js';
import { sharedStyles } from './shared-styles.js';
import { categoryName, supportName } from './vocabulary.js';

/**
 * One person on the map: who, which group, what they do for you; with buttons to change
 * or remove them (removal asks first).
 *
 * @fires nk-person-edit - the Edit button was pressed; `detail.id` is the entry id
 * @fires nk-person-remove - removal was confirmed; `detail.id` is the entry id
 */
@customElement('nk-person-card')
@localized()
export class NkPersonCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      article {
        background: var(--nk-surface);
        border: 1px solid var(--nk-border);
        border-inline-start: 6px solid var(--ring-colour, var(--nk-ring-1));
        border-radius: var(--nk-radius);
        padding: 0.9rem 1rem;
        box-shadow: var(--nk-shadow);
      }

      :host([ring='2']) article {
        --ring-colour: var(--nk-ring-2);
      }

      :host([ring='3']) article {
        --ring-colour: var(--nk-ring-3);
      }

      h4 {
        font-size: 1.1rem;
        margin: 0;
        overflow-wrap: anywhere;
      }

      .category {
        color: var(--nk-text-soft);
        margin: 0 0 0.5rem;
        font-size: 0.95rem;
      }

      ul.support {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        padding: 0;
        margin: 0.25rem 0 0.5rem;
      }

      ul.support li {
        background: var(--nk-primary-soft);
        color: var(--nk-primary-dark);
        border-radius: 0.9rem;
        padding: 0.15rem 0.7rem;
        font-size: 0.92rem;
      }

      .note {
        margin: 0.25rem 0 0.5rem;
        font-style: italic;
        overflow-wrap: anywhere;
      }

      .private {
        color: var(--nk-text-soft);
        font-size: 0.95rem;
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }

      .buttons {
        margin-top: 0.5rem;
      }

      .confirm {
        margin-top: 0.75rem;
        padding: 0.75rem;
        background: var(--nk-error-soft);
        border-radius: var(--nk-radius-small);
      }

      .confirm p {
        margin: 0;
      }

      button {
        min-height: 2.5rem;
        padding-block: 0.35rem;
      }
    `,
  ];

  /** The entry to show. */
  @property({ attribute: false }) entry!: BaseEntry;
  /** Its private details, if this reader may see them. */
  @property({ attribute: false }) detail: DetailFields | undefined = undefined;
  /** The entry's ring, reflected so the stripe colour can follow it. */
  @property({ reflect: true }) ring = '1';
  /** Hides the buttons (for a reader without write rights). */
  @property({ type: Boolean }) readonly = false;
  /** True while the parent saves; the buttons are disabled meanwhile. */
  @property({ type: Boolean }) busy = false;

  @query('.edit') private editButton!: HTMLButtonElement;
  @query('.confirm-yes') private confirmYes!: HTMLButtonElement;
  @query('.remove') private removeButton!: HTMLButtonElement;

  @state() private confirming = false;

  /** Moves the keyboard focus to the Edit button (after the edit form closes). */
  focusEdit(): void {
    this.editButton?.focus();
  }

  override willUpdate(): void {
    this.ring = String(this.entry.ring);
  }

  override render() {
    const entry = this.entry;
    return html`
      <article aria-labelledby="label">
        <h4 id="label">${entry.label}</h4>
        <p class="category">${categoryName(entry.category)}</p>
        ${
          entry.support.length > 0
            ? html`<ul class="support" aria-label=${msg('Helpt met', { id: 'card.supportLabel' })}>
                ${entry.support.map((kind) => html`<li>${supportName(kind)}</li>`)}
              </ul>`
            : nothing
        }
        ${entry.supportNote ? html`<p class="note">“${entry.supportNote}”</p>` : nothing}
        ${this.detail?.name ? html`<p class="private">${msg('Naam:', { id: 'card.name' })} ${this.detail.name}</p>` : nothing}
        ${this.detail?.note ? html`<p class="private">${msg('Notitie:', { id: 'card.note' })} ${this.detail.note}</p>` : nothing}
        ${this.readonly ? nothing : this.renderButtons(entry)}
      </article>
    `;
  }

  private renderButtons(entry: BaseEntry) {
    if (this.confirming) {
      return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
        <p id="confirm-text">
          ${msg(str`Wil je ${entry.label} van je kaart halen?`, { id: 'card.confirmRemove' })}
        </p>
        <div class="buttons">
          <button
            type="button"
            class="danger confirm-yes"
            ?disabled=${this.busy}
            @click=${this.onRemove}
          >
            ${msg('Ja, weghalen', { id: 'card.confirmYes' })}
          </button>
          <button type="button" class="secondary" @click=${this.onKeep}>
            ${msg('Nee, laten staan', { id: 'card.confirmNo' })}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="buttons">
      <button
        type="button"
        class="secondary edit"
        ?disabled=${this.busy}
        aria-label=${msg(str`${entry.label} wijzigen`, { id: 'card.editLabel' })}
        @click=${this.onEdit}
      >
        ${msg('Wijzigen', { id: 'card.edit' })}
      </button>
      <button
        type="button"
        class="quiet remove"
        ?disabled=${this.busy}
        aria-label=${msg(str`${entry.label} weghalen`, { id: 'card.removeLabel' })}
        @click=${this.onAskRemove}
      >
        ${msg('Weghalen', { id: 'card.remove' })}
      </button>
    </div>`;
  }

  private onEdit(): void {
    this.dispatchEvent(
      new CustomEvent('nk-person-edit', {
        detail: { id: this.entry.id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private async onAskRemove(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.confirmYes.focus();
  }

  private async onKeep(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.removeButton.focus();
  }

  private onRemove(): void {
    this.dispatchEvent(
      new CustomEvent('nk-person-remove', {
        detail: { id: this.entry.id },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-person-card': NkPersonCard;
  }
}
