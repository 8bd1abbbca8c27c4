import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  LIMITS,
  PHASES,
  RINGS,
  SUPPORT_KINDS,
  type BaseEntry,
  type Category,
  type DetailFields,
  type Phase,
  type Ring,
  type SupportKind,
} from '../../shared/map/types.js';
import { isProfessionalCategory } from '../../shared/map/taxonomy.js';
import { heading, type HeadingLevel } from '../shell/heading.js';
import type { NkCategoryPicker } from './nk-category-picker.js';
import { ringSvg, starSvg } from '../taxonomy/pictograms.js';
import { rolesFor } from '../taxonomy/role-labels.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { personFormStyles } from './person-form-styles.js';
import { phaseName, ringName, supportName } from '../taxonomy/vocabulary.js';
import './nk-category-picker.js';
import { emit } from '../ui/events.js';

/** What the form gives back: the entry's fields (without id) and its private details. */
export interface PersonFormValue {
  readonly label: string;
  readonly category: Category;
  readonly ring: Ring;
  readonly support: SupportKind[];
  readonly supportNote: string;
  readonly phases: Phase[];
  readonly trusted: boolean;
  readonly active: boolean;
  readonly detail: DetailFields;
}

type Step = 1 | 2 | 3;

/** Between the name and the role in a label: "M. — moeder". */
const SEPARATOR = ' — ';

/** Splits a saved label back into name and role (labels without the dash are a name only). */
function splitLabel(label: string): { name: string; role: string } {
  const at = label.indexOf(SEPARATOR);
  if (at < 0) return { name: label, role: '' };
  return { name: label.slice(0, at), role: label.slice(at + SEPARATOR.length) };
}

/**
 * Adding a person in three steps — who (group, name, role), what they do for you, how close —
 * or changing one, with the same questions on one page.
 *
 * @fires nk-person-save - the form was sent and is valid; `detail` is a PersonFormValue
 * @fires nk-person-cancel - the person chose not to save
 */
@customElement('nk-person-form')
@localized()
export class NkPersonForm extends LitElement {
  static override styles = [sharedStyles, personFormStyles];

  /** The entry being changed; absent when adding someone new. */
  @property({ attribute: false }) entry: BaseEntry | undefined = undefined;
  /** The private details of that entry. */
  @property({ attribute: false }) detail: DetailFields | undefined = undefined;
  /** True while the parent element saves; the buttons are disabled meanwhile. */
  @property({ type: Boolean }) busy = false;
  /** Level of the form's own headings (one below the heading above the form). */
  @property({ type: Number }) headingLevel: HeadingLevel = 3;

  @query('nk-category-picker') private picker!: NkCategoryPicker | null;
  @query('#name') private nameInput!: HTMLInputElement | null;
  @query('input[name="ring"]') private firstRing!: HTMLInputElement | null;
  @query('.step-heading') private stepHeading!: HTMLElement | null;

  @state() private step: Step = 1;
  @state() private category: Category | '' = '';
  @state() private name = '';
  @state() private roleText = '';
  @state() private support: SupportKind[] = [];
  @state() private supportNote = '';
  @state() private phases: Phase[] = [];
  @state() private ring: Ring | 0 = 0;
  @state() private trusted = false;
  @state() private active = true;
  @state() private fullName = '';
  @state() private contact = '';
  @state() private note = '';
  /** Steps whose errors are shown (after trying to go on). */
  @state() private checked = new Set<Step>();

  override connectedCallback(): void {
    super.connectedCallback();
    const entry = this.entry;
    if (entry !== undefined) {
      ({ name: this.name, role: this.roleText } = splitLabel(entry.label));
      this.category = entry.category;
      this.ring = entry.ring;
      this.support = [...entry.support];
      this.supportNote = entry.supportNote;
      this.phases = [...entry.phases];
      this.trusted = entry.trusted;
      this.active = entry.active;
    }
    this.fullName = this.detail?.name ?? '';
    this.contact = this.detail?.contact ?? '';
    this.note = this.detail?.note ?? '';
  }

  /** Puts the keyboard focus on the first question (once rendered). */
  override focus(): void {
    void this.updateComplete.then(() => this.picker?.focus());
  }

  private get editing(): boolean {
    return this.entry !== undefined;
  }

  private get label(): string {
    const name = this.name.trim();
    const role = this.roleText.trim();
    return name !== '' && role !== '' ? `${name}${SEPARATOR}${role}` : name || role;
  }

  override render() {
    if (this.editing) {
      return html`<form novalidate @submit=${this.onSubmit}>
        ${heading(this.headingLevel, msg('Wie is het?', { id: 'person.stepWho' }), { className: 'section' })}
        ${this.renderWho()}
        ${heading(this.headingLevel, msg('Waarmee helpt deze persoon jou?', { id: 'person.stepWhat' }), { className: 'section' })}
        ${this.renderWhat()}
        ${heading(this.headingLevel, msg('Hoe dichtbij?', { id: 'person.stepClose' }), { className: 'section' })}
        ${this.renderClose()} ${this.renderActive()}
        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>
            ${msg('Wijziging opslaan', { id: 'person.saveEdit' })}
          </button>
          <button
            type="button"
            class="secondary cancel"
            ?disabled=${this.busy}
            @click=${this.onCancel}
          >
            ${msg('Annuleren', { id: 'person.cancel' })}
          </button>
        </div>
      </form>`;
    }
    const titles = [
      msg('Wie is het?', { id: 'person.stepWho' }),
      msg('Waarmee helpt deze persoon jou?', { id: 'person.stepWhat' }),
      msg('Hoe dichtbij?', { id: 'person.stepClose' }),
    ];
    return html`<form novalidate @submit=${this.onSubmit}>
      <ol class="steps">
        ${titles.map(
          (title, i) =>
            html`<li
              aria-current=${this.step === i + 1 ? 'step' : nothing}
              class=${this.step > i + 1 ? 'done' : ''}
            >
              <span class="number" aria-hidden="true">${i + 1}</span
              ><span class="visually-hidden"
                >${msg(str`Stap ${i + 1}:`, { id: 'person.stepNumber' })}</span
              >
              ${title}
            </li>`,
        )}
      </ol>
      ${heading(
        this.headingLevel,
        html`${msg(str`Stap ${this.step} van 3`, { id: 'person.stepOf' })}: ${titles[this.step - 1]}`,
        { className: 'step-heading', focusable: true },
      )}
      ${this.step === 1 ? this.renderWho() : this.step === 2 ? this.renderWhat() : this.renderClose()}
      <div class="buttons">
        ${
          this.step < 3
            ? html`<button type="submit" ?disabled=${this.busy}>
                ${msg('Volgende', { id: 'person.next' })}
                <span aria-hidden="true" class="arrow">→</span>
              </button>`
            : html`<button type="submit" ?disabled=${this.busy}>
                ${msg('Toevoegen', { id: 'person.saveNew' })}
              </button>`
        }
        ${
          this.step > 1
            ? html`<button
                type="button"
                class="secondary"
                ?disabled=${this.busy}
                @click=${this.onBack}
              >
                <span aria-hidden="true" class="arrow">←</span>
                ${msg('Terug', { id: 'person.back' })}
              </button>`
            : nothing
        }
        <button type="button" class="quiet cancel" ?disabled=${this.busy} @click=${this.onCancel}>
          ${msg('Annuleren', { id: 'person.cancel' })}
        </button>
      </div>
    </form>`;
  }

  private renderWho() {
    const errors = this.checked.has(1) ? this.whoErrors() : {};
    const professional = this.category !== '' && isProfessionalCategory(this.category);
    return html`
      <nk-category-picker
        .value=${this.category}
        legend=${msg('Bij welke groep hoort deze persoon?', { id: 'person.category' })}
        error=${errors.category ?? ''}
        @nk-category-change=${(event: CustomEvent<{ category: Category }>) =>
          (this.category = event.detail.category)}
      ></nk-category-picker>
      <div class="who">
        <div class="field">
          <label for="name">${msg('Naam of voorletter', { id: 'person.name' })}</label>
          <input
            id="name"
            type="text"
            maxlength=${LIMITS.label}
            autocomplete="off"
            .value=${this.name}
            aria-describedby="name-hint ${errors.label ? 'label-error' : ''}"
            aria-invalid=${errors.label ? 'true' : 'false'}
            @input=${(event: Event) => (this.name = this.inputValue(event))}
          />
          <p class="hint" id="name-hint">
            ${
              professional
                ? msg('Bijvoorbeeld: Anouk.', { id: 'person.nameHintPro' })
                : msg('Een voorletter is genoeg, bijvoorbeeld: M.', { id: 'person.nameHint' })
            }
          </p>
        </div>
        <div class="field">
          <label for="role">${msg('Wie is dit voor jou?', { id: 'person.role' })}</label>
          <input
            id="role"
            type="text"
            list="roles"
            maxlength=${LIMITS.label}
            autocomplete="off"
            .value=${this.roleText}
            aria-describedby="role-hint"
            @input=${(event: Event) => (this.roleText = this.inputValue(event))}
          />
          <datalist id="roles">
            ${rolesFor(this.category).map((role) => html`<option value=${role}></option>`)}
          </datalist>
          <p class="hint" id="role-hint">
            ${
              professional
                ? msg('Het beroep, bijvoorbeeld: verloskundige.', { id: 'person.roleHintPro' })
                : msg('Bijvoorbeeld: moeder, buurvrouw, vriendin.', { id: 'person.roleHint' })
            }
          </p>
        </div>
      </div>
      ${errors.label ? html`<p class="field-error" id="label-error">${errors.label}</p>` : nothing}
      ${
        this.label !== ''
          ? html`<p class="preview">
              ${msg('Op de kaart:', { id: 'person.preview' })} <strong>${this.label}</strong>
            </p>`
          : nothing
      }
    `;
  }

  private renderWhat() {
    return html`
      <fieldset>
        <legend class="visually-hidden">
          ${msg('Waarmee helpt deze persoon jou?', { id: 'person.stepWhat' })}
        </legend>
        <div class="supports">
          ${SUPPORT_KINDS.map(
            (kind) =>
              html`<label class="choice">
                <input
                  type="checkbox"
                  .checked=${this.support.includes(kind)}
                  @change=${(event: Event) => (this.support = this.toggled(SUPPORT_KINDS, this.support, kind, event))}
                />
                <span>${supportName(kind)}</span>
              </label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="support-note">
          ${msg('In je eigen woorden (mag leeg blijven)', { id: 'person.supportNote' })}
        </label>
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
      <fieldset>
        <legend>${msg('Wanneer? (mag leeg blijven)', { id: 'person.phases' })}</legend>
        <div class="phases">
          ${PHASES.map(
            (phase) =>
              html`<label class="choice">
                <input
                  type="checkbox"
                  name="phase"
                  .checked=${this.phases.includes(phase)}
                  @change=${(event: Event) => (this.phases = this.toggled(PHASES, this.phases, phase, event))}
                />
                <span>${phaseName(phase)}</span>
              </label>`,
          )}
        </div>
      </fieldset>
    `;
  }

  private renderClose() {
    const error = this.checked.has(3) && this.ring === 0;
    return html`
      <fieldset aria-describedby=${error ? 'ring-error' : nothing}>
        <legend>${msg('Hoe dichtbij staat deze persoon?', { id: 'person.ring' })}</legend>
        <div class="rings">
          ${RINGS.map(
            (ring) =>
              html`<label class="tile">
                <input
                  type="radio"
                  name="ring"
                  .value=${String(ring)}
                  .checked=${this.ring === ring}
                  @change=${() => (this.ring = ring)}
                />
                ${ringSvg(ring)}
                <span>${ringName(ring)}</span>
              </label>`,
          )}
        </div>
        ${
          error
            ? html`<p class="field-error" id="ring-error">
                ${msg('Kies hoe dichtbij deze persoon staat.', { id: 'person.ringMissing' })}
              </p>`
            : nothing
        }
      </fieldset>
      <label class="choice trusted">
        <input
          type="checkbox"
          .checked=${this.trusted}
          aria-describedby="trusted-hint"
          @change=${(event: Event) => (this.trusted = event.target instanceof HTMLInputElement && event.target.checked)}
        />
        ${starSvg()}
        <span>${msg('Dit is mijn vertrouwde persoon', { id: 'person.trusted' })}</span>
      </label>
      <p class="hint" id="trusted-hint">
        ${msg('De persoon die het dichtst bij je staat. Iedereen op de kaart ziet dit sterretje.', {
          id: 'person.trustedHint',
        })}
      </p>
      ${this.renderDetails()}
    `;
  }

  private renderActive() {
    return html`<fieldset>
      <legend>${msg('Helpt deze persoon je nu nog?', { id: 'person.active' })}</legend>
      <div class="rings">
        <label class="choice">
          <input
            type="radio"
            name="active"
            .checked=${this.active}
            @change=${() => (this.active = true)}
          />
          <span>${msg('Ja', { id: 'person.activeYes' })}</span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="active"
            .checked=${!this.active}
            @change=${() => (this.active = false)}
          />
          <span>${msg('Nee, nu niet meer', { id: 'person.activeNo' })}</span>
        </label>
      </div>
    </fieldset>`;
  }

  private renderDetails() {
    return html`<details ?open=${this.fullName !== '' || this.contact !== '' || this.note !== ''}>
      <summary>${msg('Meer over deze persoon (niet nodig)', { id: 'person.more' })}</summary>
      <p class="hint" id="detail-hint">
        ${msg('Alleen jij ziet dit. Anderen alleen als jij dat later zelf goedkeurt.', {
          id: 'person.detailHint',
        })}
      </p>
      <div class="field">
        <label for="full-name">${msg('Volledige naam', { id: 'person.fullName' })}</label>
        <input
          id="full-name"
          type="text"
          maxlength=${LIMITS.name}
          autocomplete="off"
          .value=${this.fullName}
          aria-describedby="detail-hint"
          @input=${(event: Event) => (this.fullName = this.inputValue(event))}
        />
      </div>
      <div class="field">
        <label for="contact">${msg('Telefoon of e-mail', { id: 'person.contact' })}</label>
        <input
          id="contact"
          type="text"
          maxlength=${LIMITS.contact}
          autocomplete="off"
          .value=${this.contact}
          @input=${(event: Event) => (this.contact = this.inputValue(event))}
        />
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
    </details>`;
  }

  private inputValue(event: Event): string {
    const target = event.target;
    return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      ? target.value
      : '';
  }

  /** The list with `item` added or removed, in the fixed order of `all` (not click order). */
  private toggled<T>(all: readonly T[], chosen: readonly T[], item: T, event: Event): T[] {
    const checked = event.target instanceof HTMLInputElement && event.target.checked;
    const set = new Set(chosen);
    if (checked) set.add(item);
    else set.delete(item);
    return all.filter((value) => set.has(value));
  }

  private whoErrors(): { label?: string; category?: string } {
    const errors: { label?: string; category?: string } = {};
    if (this.category === '') {
      errors.category = msg('Kies een groep.', { id: 'person.categoryMissing' });
    }
    if (this.label === '') {
      errors.label = msg('Schrijf op wie het is, bijvoorbeeld "M." en "moeder".', {
        id: 'person.labelMissing',
      });
    } else if ([...this.label].length > LIMITS.label) {
      errors.label = msg(str`Gebruik samen hoogstens ${LIMITS.label} tekens.`, {
        id: 'person.labelTooLong',
      });
    }
    return errors;
  }

  /** Shows the errors of `step` and focuses the first wrong field; true when the step is fine. */
  private async check(step: Step): Promise<boolean> {
    this.checked = new Set([...this.checked, step]);
    await this.updateComplete;
    if (step === 1) {
      const errors = this.whoErrors();
      if (errors.category !== undefined) this.picker?.focus();
      else if (errors.label !== undefined) this.nameInput?.focus();
      return errors.category === undefined && errors.label === undefined;
    }
    if (step === 3 && this.ring === 0) {
      this.firstRing?.focus();
      return false;
    }
    return true;
  }

  private async goTo(step: Step): Promise<void> {
    this.step = step;
    await this.updateComplete;
    this.stepHeading?.focus();
  }

  private onBack(): void {
    if (this.step > 1) void this.goTo(this.step === 3 ? 2 : 1);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.editing && this.step < 3) {
      if (await this.check(this.step)) await this.goTo(this.step === 1 ? 2 : 3);
      return;
    }
    if (!(await this.check(1))) {
      if (!this.editing) await this.goTo(1);
      await this.check(1);
      return;
    }
    if (!(await this.check(3)) || this.category === '' || this.ring === 0) return;
    const detail: DetailFields = {};
    if (this.fullName.trim() !== '') detail.name = this.fullName.trim();
    if (this.contact.trim() !== '') detail.contact = this.contact.trim();
    if (this.note.trim() !== '') detail.note = this.note.trim();
    const value: PersonFormValue = {
      label: this.label,
      category: this.category,
      ring: this.ring,
      support: this.support,
      supportNote: this.supportNote.trim(),
      phases: this.phases,
      trusted: this.trusted,
      active: this.active,
      detail,
    };
    emit(this, 'nk-person-save', value);
  }

  private onCancel(): void {
    emit(this, 'nk-person-cancel');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-person-form': NkPersonForm;
  }
}
