import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  CATEGORIES,
  LIMITS,
  RINGS,
  SUPPORT_KINDS,
  type BaseEntry,
  type Category,
  type DetailFields,
  type Ring,
  type SupportKind,
} from '../../shared/map/types.js';
import { sharedStyles } from './shared-styles.js';
import { categoryName, ringName, supportName } from './vocabulary.js';

/** What the form gives back: the entry's fields (without id) and its private details. */
export interface PersonFormValue {
  readonly label: string;
  readonly category: Category;
  readonly ring: Ring;
  readonly support: SupportKind[];
  readonly supportNote: string;
  readonly detail: DetailFields;
}

function isCategory(value: string): value is Category {
  return CATEGORIES.some((category) => category === value);
}

/**
 * The form to add or change one person on the map: label, category, closeness ring,
 * what they do for you (and in your own words), and optional name and note.
 *
 * @fires nk-person-save - the form was sent and is valid; `detail` is a PersonFormValue
 * @fires nk-person-cancel - the person chose not to save
 */
@customElement('nk-person-form')
@localized()
export class NkPersonForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: block;
      }

      .supports {
        display: grid;
        gap: 0 1rem;
      }

      .rings {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
      }

      details {
        margin: 0 0 1.25rem;
      }

      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--nk-primary-dark);
        padding: 0.4rem 0;
      }

      details[open] summary {
        margin-bottom: 0.75rem;
      }

      @media (min-width: 40rem) {
        .supports {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  /** The entry being changed; absent when adding someone new. */
  @property({ attribute: false }) entry: BaseEntry | undefined = undefined;
  /** The private details of that entry. */
  @property({ attribute: false }) detail: DetailFields | undefined = undefined;
  /** True while the parent element saves; the buttons are disabled meanwhile. */
  @property({ type: Boolean }) busy = false;

  @query('#label') private labelInput!: HTMLInputElement;
  @query('#category') private categorySelect!: HTMLSelectElement;
  @query('input[name="ring"]') private firstRing!: HTMLInputElement;

  @state() private label = '';
  @state() private category: Category | '' = '';
  @state() private ring: Ring | 0 = 0;
  @state() private support: SupportKind[] = [];
  @state() private supportNote = '';
  @state() private name = '';
  @state() private note = '';
  @state() private submitted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const entry = this.entry;
    if (entry !== undefined) {
      this.label = entry.label;
      this.category = entry.category;
      this.ring = entry.ring;
      this.support = [...entry.support];
      this.supportNote = entry.supportNote;
    }
    this.name = this.detail?.name ?? '';
    this.note = this.detail?.note ?? '';
  }

  /** Puts the keyboard focus in the first field. */
  override focus(): void {
    this.labelInput.focus();
  }

  override render() {
    const errors = this.submitted ? this.errors() : {};
    const editing = this.entry !== undefined;
    return html`
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="label">${msg('Wie is het?', { id: 'person.label' })}</label>
          <input
            id="label"
            type="text"
            maxlength=${LIMITS.label}
            autocomplete="off"
            .value=${this.label}
            aria-describedby="label-hint ${errors.label ? 'label-error' : ''}"
            aria-invalid=${errors.label ? 'true' : 'false'}
            @input=${(event: Event) => (this.label = this.inputValue(event))}
          />
          <p class="hint" id="label-hint">
            ${msg(
              'Voor familie en vrienden: een voorletter en wie het is, bijvoorbeeld "M. — moeder". Voor een hulpverlener: naam en beroep.',
              { id: 'person.labelHint' },
            )}
          </p>
          ${errors.label ? html`<p class="field-error" id="label-error">${errors.label}</p>` : nothing}
        </div>

        <div class="field">
          <label for="category">${msg('Groep', { id: 'person.category' })}</label>
          <select
            id="category"
            aria-invalid=${errors.category ? 'true' : 'false'}
            aria-describedby=${errors.category ? 'category-error' : nothing}
            @change=${this.onCategory}
          >
            <option value="" ?selected=${this.category === ''}>
              ${msg('Kies een groep', { id: 'person.categoryChoose' })}
            </option>
            ${CATEGORIES.map(
              (category) =>
                html`<option value=${category} ?selected=${this.category === category}>
                  ${categoryName(category)}
                </option>`,
            )}
          </select>
          ${
            errors.category
              ? html`<p class="field-error" id="category-error">${errors.category}</p>`
              : nothing
          }
        </div>

        <fieldset aria-describedby=${errors.ring ? 'ring-error' : nothing}>
          <legend>${msg('Hoe dichtbij staat deze persoon?', { id: 'person.ring' })}</legend>
          <div class="rings">
            ${RINGS.map(
              (ring) =>
                html`<label class="choice">
                  <input
                    type="radio"
                    name="ring"
                    .value=${String(ring)}
                    .checked=${this.ring === ring}
                    @change=${() => (this.ring = ring)}
                  />
                  <span>${ringName(ring)}</span>
                </label>`,
            )}
          </div>
          ${errors.ring ? html`<p class="field-error" id="ring-error">${errors.ring}</p>` : nothing}
        </fieldset>

        <fieldset>
          <legend>${msg('Waarmee helpt deze persoon jou?', { id: 'person.support' })}</legend>
          <div class="supports">
            ${SUPPORT_KINDS.map(
              (kind) =>
                html`<label class="choice">
                  <input
                    type="checkbox"
                    .checked=${this.support.includes(kind)}
                    @change=${(event: Event) => this.onSupport(kind, event)}
                  />
                  <span>${supportName(kind)}</span>
                </label>`,
            )}
          </div>
        </fieldset>

        <div class="field">
          <label for="support-note"
            >${msg('In je eigen woorden (mag leeg blijven)', { id: 'person.supportNote' })}</label
          >
          <textarea
            id="support-note"
            maxlength=${LIMITS.supportNote}
            .value=${this.supportNote}
            aria-describedby="support-note-hint"
            @input=${(event: Event) => (this.supportNote = this.inputValue(event))}
          ></textarea>
          <p class="hint" id="support-note-hint">
            ${msg('Bijvoorbeeld: "Haalt de boodschappen als ik moe ben."', { id: 'person.supportNoteHint' })}
          </p>
        </div>

        <details ?open=${this.name !== '' || this.note !== ''}>
          <summary>${msg('Meer over deze persoon (niet nodig)', { id: 'person.more' })}</summary>
          <div class="field">
            <label for="name">${msg('Volledige naam', { id: 'person.name' })}</label>
            <input
              id="name"
              type="text"
              maxlength=${LIMITS.name}
              autocomplete="off"
              .value=${this.name}
              aria-describedby="name-hint"
              @input=${(event: Event) => (this.name = this.inputValue(event))}
            />
            <p class="hint" id="name-hint">
              ${msg('Alleen jij ziet dit. Anderen alleen als jij dat later zelf goedkeurt.', {
                id: 'person.nameHint',
              })}
            </p>
          </div>
          <div class="field">
            <label for="note">${msg('Notitie', { id: 'person.note' })}</label>
            <textarea
              id="note"
              maxlength=${LIMITS.note}
              .value=${this.note}
              @input=${(event: Event) => (this.note = this.inputValue(event))}
            ></textarea>
          </div>
        </details>

        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>
            ${editing ? msg('Wijziging opslaan', { id: 'person.saveEdit' }) : msg('Toevoegen', { id: 'person.saveNew' })}
          </button>
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.onCancel}>
            ${msg('Annuleren', { id: 'person.cancel' })}
          </button>
        </div>
      </form>
    `;
  }

  private inputValue(event: Event): string {
    const target = event.target;
    return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      ? target.value
      : '';
  }

  private onCategory(event: Event): void {
    const value = event.target instanceof HTMLSelectElement ? event.target.value : '';
    this.category = isCategory(value) ? value : '';
  }

  private onSupport(kind: SupportKind, event: Event): void {
    const checked = event.target instanceof HTMLInputElement && event.target.checked;
    const chosen = new Set(this.support);
    if (checked) chosen.add(kind);
    else chosen.delete(kind);
    // Keep the fixed order of the list, so the saved document does not depend on click order.
    this.support = SUPPORT_KINDS.filter((item) => chosen.has(item));
  }

  private errors(): { label?: string; category?: string; ring?: string } {
    const errors: { label?: string; category?: string; ring?: string } = {};
    if (this.label.trim() === '') {
      errors.label = msg('Schrijf op wie het is, bijvoorbeeld "M. — moeder".', {
        id: 'person.labelMissing',
      });
    } else if ([...this.label.trim()].length > LIMITS.label) {
      errors.label = msg(str`Gebruik hoogstens ${LIMITS.label} tekens.`, {
        id: 'person.labelTooLong',
      });
    }
    if (this.category === '')
      errors.category = msg('Kies een groep.', { id: 'person.categoryMissing' });
    if (this.ring === 0)
      errors.ring = msg('Kies hoe dichtbij deze persoon staat.', { id: 'person.ringMissing' });
    return errors;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submitted = true;
    const errors = this.errors();
    if (errors.label !== undefined) return this.labelInput.focus();
    if (errors.category !== undefined) return this.categorySelect.focus();
    if (errors.ring !== undefined) return this.firstRing.focus();
    if (this.category === '' || this.ring === 0) return;
    const detail: DetailFields = {};
    if (this.name.trim() !== '') detail.name = this.name.trim();
    if (this.note.trim() !== '') detail.note = this.note.trim();
    const contact = this.detail?.contact;
    if (contact !== undefined) detail.contact = contact;
    const value: PersonFormValue = {
      label: this.label.trim(),
      category: this.category,
      ring: this.ring,
      support: this.support,
      supportNote: this.supportNote.trim(),
      detail,
    };
    this.dispatchEvent(
      new CustomEvent<PersonFormValue>('nk-person-save', {
        detail: value,
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onCancel(): void {
    this.dispatchEvent(new CustomEvent('nk-person-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-person-form': NkPersonForm;
  }
}
