import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type {
  BaseEntry,
  Category,
  DetailFields,
  Phase,
  Ring,
  SupportKind,
} from '../../shared/map/types.js';
import { heading, type HeadingLevel } from '../shell/heading.js';
import type { NkCategoryPicker } from './nk-category-picker.js';
import { sharedStyles } from '../ui/shared-styles.js';
import {
  renderActive,
  renderClose,
  renderWhat,
  renderWho,
  whoErrors,
  type PersonFormFields,
  type Step,
} from './person-form-fields.js';
import { personFormStyles } from './person-form-styles.js';
import { joinLabel, splitLabel } from '../../shared/map/label.js';
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
  /** Since and until days ("YYYY-MM-DD"), '' when not given. */
  readonly since: string;
  readonly until: string;
  readonly detail: DetailFields;
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
export class NkPersonForm extends LitElement implements PersonFormFields {
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
  // The answers so far; person-form-fields.ts reads and sets them.
  @state() category: Category | '' = '';
  @state() name = '';
  @state() roleText = '';
  @state() support: SupportKind[] = [];
  @state() supportNote = '';
  @state() phases: Phase[] = [];
  @state() ring: Ring | 0 = 0;
  @state() trusted = false;
  @state() active = true;
  @state() since = '';
  @state() until = '';
  @state() fullName = '';
  @state() contact = '';
  @state() note = '';
  /** Steps whose errors are shown (after trying to go on). */
  @state() checked = new Set<Step>();

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
      this.since = entry.since ?? '';
      this.until = entry.until ?? '';
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

  get label(): string {
    return joinLabel(this.name, this.roleText);
  }

  override render() {
    if (this.editing) {
      return html`<form novalidate @submit=${this.onSubmit}>
        ${heading(this.headingLevel, msg('Wie is het?', { id: 'person.stepWho' }), { className: 'section' })}
        ${renderWho(this)}
        ${heading(this.headingLevel, msg('Waarmee helpt deze persoon jou?', { id: 'person.stepWhat' }), { className: 'section' })}
        ${renderWhat(this)}
        ${heading(this.headingLevel, msg('Hoe dichtbij?', { id: 'person.stepClose' }), { className: 'section' })}
        ${renderClose(this)} ${renderActive(this)}
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
      ${this.step === 1 ? renderWho(this) : this.step === 2 ? renderWhat(this) : renderClose(this)}
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

  /** Shows the errors of `step` and focuses the first wrong field; true when the step is fine. */
  private async check(step: Step): Promise<boolean> {
    this.checked = new Set([...this.checked, step]);
    await this.updateComplete;
    if (step === 1) {
      const errors = whoErrors(this);
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
      since: this.since,
      until: this.active ? '' : this.until,
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
