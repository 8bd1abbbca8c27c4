import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { BaseEntry, DetailFields } from '../../shared/map/types.js';
import { heading, type HeadingLevel } from '../shell/heading.js';
import { categorySvg, diamondSvg, starSvg } from '../taxonomy/pictograms.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { categoryName, joinParts, phaseName, supportName } from '../taxonomy/vocabulary.js';
import { emit } from '../ui/events.js';
import { entryDates } from './timeline/words.js';

/**
 * One person on the map: who, which group, what they do for you, when; the trusted mark; with
 * buttons to change them, mark them as the trusted person, or remove them (removal asks first).
 *
 * @fires nk-person-edit - the Edit button was pressed; `detail.id` is the entry id
 * @fires nk-person-trusted - the trusted mark was switched; `detail` is `{ id, trusted }`
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

      :host([ended]) article {
        --ring-colour: #9aa3a5;
        background: var(--nk-surface-soft);
        border-style: dashed;
        border-inline-start-style: solid;
      }

      .name {
        font-size: 1.1rem;
        margin: 0;
        overflow-wrap: anywhere;
      }

      .name:focus {
        outline: none;
      }

      .name:focus-visible {
        outline: 3px solid var(--nk-focus);
        outline-offset: 3px;
      }

      .top {
        display: flex;
        align-items: flex-start;
        gap: 0.6rem;
      }

      .top .pictogram {
        width: 1.8rem;
        height: 1.8rem;
        flex: none;
        color: var(--nk-primary-dark);
        margin-top: 0.1rem;
      }

      .category {
        color: var(--nk-text-soft);
        margin: 0 0 0.5rem;
        font-size: 0.95rem;
      }

      .marks {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin: 0 0 0.5rem;
        padding: 0;
        list-style: none;
      }

      .marks li {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        border-radius: 0.9rem;
        padding: 0.1rem 0.65rem;
        font-size: 0.92rem;
        font-weight: 600;
      }

      .marks .trusted {
        background: #fdf3d3;
        color: #5c3d00;
      }

      .marks .borger {
        background: #e3ecf8;
        color: #173a6b;
      }

      .marks .ended {
        background: #e8ebeb;
        color: #3e4849;
      }

      .star,
      .diamond {
        width: 1.1rem;
        height: 1.1rem;
      }

      .phases {
        color: var(--nk-text-soft);
        font-size: 0.95rem;
        margin: 0.25rem 0;
      }

      button[aria-pressed='true'] .star-off {
        display: none;
      }

      button[aria-pressed='false'] .star {
        display: none;
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

      .confirm p.forget {
        margin-top: 0.4rem;
        font-size: 0.95rem;
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
  /** Reflected when the entry no longer helps, for the greyed look. */
  @property({ type: Boolean, reflect: true }) ended = false;
  /** Level of the name's heading (one below the heading above the card). */
  @property({ type: Number }) headingLevel: HeadingLevel = 4;
  /** The entry is the agreed borger (the parent asked, the member said yes). */
  @property({ type: Boolean }) borger = false;
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
    this.ended = !this.entry.active;
  }

  override render() {
    const entry = this.entry;
    return html`
      <article aria-labelledby="label">
        <div class="top">
          ${categorySvg(entry.category)}
          <div>
            ${heading(this.headingLevel, entry.label, { className: 'name', id: 'label', focusable: true, auto: true })}
            <p class="category">${categoryName(entry.category)}</p>
          </div>
        </div>
        ${
          entry.trusted || this.borger || !entry.active
            ? html`<ul class="marks">
                ${entry.trusted ? html`<li class="trusted">${starSvg()} ${msg('Vertrouwde persoon', { id: 'card.trusted' })}</li>` : nothing}
                ${this.borger ? html`<li class="borger" data-testid="borger-mark">${diamondSvg()} ${msg('Borger', { id: 'card.borger' })}</li>` : nothing}
                ${entry.active ? nothing : html`<li class="ended">${msg('Helpt nu niet meer', { id: 'card.ended' })}</li>`}
              </ul>`
            : nothing
        }
        ${
          entry.support.length > 0
            ? html`<ul class="support" aria-label=${msg('Helpt met', { id: 'card.supportLabel' })}>
                ${entry.support.map((kind) => html`<li>${supportName(kind)}</li>`)}
              </ul>`
            : nothing
        }
        ${entry.supportNote ? html`<p class="note">“${entry.supportNote}”</p>` : nothing}
        ${
          entry.phases.length > 0
            ? html`<p class="phases">
                ${msg('Wanneer:', { id: 'card.phases' })} ${joinParts(entry.phases.map(phaseName))}
              </p>`
            : nothing
        }
        ${entryDates(entry) === '' ? nothing : html`<p class="phases dates">${entryDates(entry)}</p>`}
        ${this.detail?.name ? html`<p class="private">${msg('Naam:', { id: 'card.name' })} ${this.detail.name}</p>` : nothing}
        ${this.detail?.contact ? html`<p class="private">${msg('Contact:', { id: 'card.contact' })} ${this.detail.contact}</p>` : nothing}
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
        <p class="forget">
          ${msg('Weghalen is voor een vergissing. Deze persoon verdwijnt dan ook uit alle eerdere momenten die je op de tijdlijn ziet. Helpt deze persoon niet meer? Kies dan Wijzigen en "Nee, nu niet meer": dan blijft deze persoon in het grijs staan, met de datums.', { id: 'card.forgetHint' })}
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
        class="secondary trust"
        ?disabled=${this.busy}
        aria-pressed=${entry.trusted ? 'true' : 'false'}
        aria-label=${msg(str`${entry.label} is mijn vertrouwde persoon`, { id: 'card.trustedLabel' })}
        @click=${this.onTrusted}
      >
        ${starSvg()}<span class="star-off" aria-hidden="true">☆</span>
        ${msg('Vertrouwde persoon', { id: 'card.trustedButton' })}
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
    emit(this, 'nk-person-edit', { id: this.entry.id });
  }

  private onTrusted(): void {
    emit(this, 'nk-person-trusted', { id: this.entry.id, trusted: !this.entry.trusted });
  }

  /** Moves the keyboard focus to the person's name (when the card opens from the picture). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#label')?.focus();
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
    emit(this, 'nk-person-remove', { id: this.entry.id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-person-card': NkPersonCard;
  }
}
