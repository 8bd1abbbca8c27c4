/**
 * The questions of the person form, each drawn from the form's fields and writing back to them:
 * who (group, name, role), what they do, how close (with the private details), still helping.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import {
  LIMITS,
  PHASES,
  RINGS,
  SUPPORT_KINDS,
  type Category,
  type Phase,
  type Ring,
  type SupportKind,
} from '../../shared/map/types.js';
import { isProfessionalCategory } from '../../shared/map/taxonomy.js';
import { ringSvg, starSvg } from '../taxonomy/pictograms.js';
import { rolesFor } from '../taxonomy/role-labels.js';
import { phaseName, ringName, supportName } from '../taxonomy/vocabulary.js';
import './nk-category-picker.js';

/** The steps of adding someone: who, what they do for you, how close. */
export type Step = 1 | 2 | 3;

/** What the questions read and set: nk-person-form.ts holds these as its state. */
export interface PersonFormFields {
  category: Category | '';
  name: string;
  roleText: string;
  support: SupportKind[];
  supportNote: string;
  phases: Phase[];
  ring: Ring | 0;
  trusted: boolean;
  active: boolean;
  /** Since and until days ("YYYY-MM-DD"; '' when not given). */
  since: string;
  until: string;
  fullName: string;
  contact: string;
  note: string;
  /** Name and role as the map shows them. */
  readonly label: string;
  /** Steps whose errors are shown (after trying to go on). */
  readonly checked: ReadonlySet<Step>;
}

export function renderWho(form: PersonFormFields) {
  const errors = form.checked.has(1) ? whoErrors(form) : {};
  const professional = form.category !== '' && isProfessionalCategory(form.category);
  return html`
    <nk-category-picker
      .value=${form.category}
      legend=${msg('Bij welke groep hoort deze persoon?', { id: 'person.category' })}
      error=${errors.category ?? ''}
      @nk-category-change=${(event: CustomEvent<{ category: Category }>) =>
        (form.category = event.detail.category)}
    ></nk-category-picker>
    <div class="who">
      <div class="field">
        <label for="name">${msg('Naam of voorletter', { id: 'person.name' })}</label>
        <input
          id="name"
          type="text"
          maxlength=${LIMITS.label}
          autocomplete="off"
          .value=${form.name}
          aria-describedby="name-hint ${errors.label ? 'label-error' : ''}"
          aria-invalid=${errors.label ? 'true' : 'false'}
          @input=${(event: Event) => (form.name = inputValue(event))}
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
          .value=${form.roleText}
          aria-describedby="role-hint"
          @input=${(event: Event) => (form.roleText = inputValue(event))}
        />
        <datalist id="roles">
          ${rolesFor(form.category).map((role) => html`<option value=${role}></option>`)}
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
      form.label !== ''
        ? html`<p class="preview">
            ${msg('Op de kaart:', { id: 'person.preview' })} <strong>${form.label}</strong>
          </p>`
        : nothing
    }
  `;
}

export function renderWhat(form: PersonFormFields) {
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
                .checked=${form.support.includes(kind)}
                @change=${(event: Event) => (form.support = toggled(SUPPORT_KINDS, form.support, kind, event))}
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
        .value=${form.supportNote}
        aria-describedby="support-note-hint"
        @input=${(event: Event) => (form.supportNote = inputValue(event))}
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
                .checked=${form.phases.includes(phase)}
                @change=${(event: Event) => (form.phases = toggled(PHASES, form.phases, phase, event))}
              />
              <span>${phaseName(phase)}</span>
            </label>`,
        )}
      </div>
    </fieldset>
  `;
}

export function renderClose(form: PersonFormFields) {
  const error = form.checked.has(3) && form.ring === 0;
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
                .checked=${form.ring === ring}
                @change=${() => (form.ring = ring)}
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
        .checked=${form.trusted}
        aria-describedby="trusted-hint"
        @change=${(event: Event) => (form.trusted = event.target instanceof HTMLInputElement && event.target.checked)}
      />
      ${starSvg()}
      <span>${msg('Dit is mijn vertrouwde persoon', { id: 'person.trusted' })}</span>
    </label>
    <p class="hint" id="trusted-hint">
      ${msg('De persoon die het dichtst bij je staat. Iedereen op de kaart ziet dit sterretje.', {
        id: 'person.trustedHint',
      })}
    </p>
    ${renderDetails(form)}
  `;
}

export function renderActive(form: PersonFormFields) {
  return html`<fieldset>
    <legend>${msg('Helpt deze persoon je nu nog?', { id: 'person.active' })}</legend>
    <div class="rings">
      <label class="choice">
        <input
          type="radio"
          name="active"
          .checked=${form.active}
          @change=${() => (form.active = true)}
        />
        <span>${msg('Ja', { id: 'person.activeYes' })}</span>
      </label>
      <label class="choice">
        <input
          type="radio"
          name="active"
          .checked=${!form.active}
          @change=${() => (form.active = false)}
        />
        <span>${msg('Nee, nu niet meer', { id: 'person.activeNo' })}</span>
      </label>
    </div>
    ${renderDates(form)}
  </fieldset>`;
}

/** Since when she helps, and (when she no longer does) until when: kept for the timeline. */
function renderDates(form: PersonFormFields) {
  return html`<div class="who dates">
    <div class="field">
      <label for="since">${msg('Sinds wanneer helpt deze persoon?', { id: 'person.since' })}</label>
      <input
        id="since"
        type="date"
        .value=${form.since}
        max=${form.until || nothing}
        @input=${(event: Event) => (form.since = inputValue(event))}
      />
    </div>
    ${
      form.active
        ? nothing
        : html`<div class="field">
            <label for="until"
              >${msg('Tot wanneer hielp deze persoon?', { id: 'person.until' })}</label
            >
            <input
              id="until"
              type="date"
              .value=${form.until}
              min=${form.since || nothing}
              aria-describedby="until-hint"
              @input=${(event: Event) => (form.until = inputValue(event))}
            />
            <p class="hint" id="until-hint">
              ${msg('Leeg laten is goed: dan nemen we vandaag. Deze persoon blijft op je kaart, in het grijs.', { id: 'person.untilHint' })}
            </p>
          </div>`
    }
  </div>`;
}

function renderDetails(form: PersonFormFields) {
  return html`<details ?open=${form.fullName !== '' || form.contact !== '' || form.note !== ''}>
    <summary>${msg('Meer over deze persoon (niet nodig)', { id: 'person.more' })}</summary>
    <p class="hint" id="detail-hint">
      ${msg(
        'Alleen jij ziet dit, en een andere ouder die de kaart met je beheert. Iemand anders ziet het alleen als jij dat aanzet bij "Wie doet mee?".',
        { id: 'person.detailHintWho' },
      )}
    </p>
    <div class="field">
      <label for="full-name">${msg('Volledige naam', { id: 'person.fullName' })}</label>
      <input
        id="full-name"
        type="text"
        maxlength=${LIMITS.name}
        autocomplete="off"
        .value=${form.fullName}
        aria-describedby="detail-hint"
        @input=${(event: Event) => (form.fullName = inputValue(event))}
      />
    </div>
    <div class="field">
      <label for="contact">${msg('Telefoon of e-mail', { id: 'person.contact' })}</label>
      <input
        id="contact"
        type="text"
        maxlength=${LIMITS.contact}
        autocomplete="off"
        .value=${form.contact}
        @input=${(event: Event) => (form.contact = inputValue(event))}
      />
    </div>
    <div class="field">
      <label for="note">${msg('Notitie', { id: 'person.note' })}</label>
      <textarea
        id="note"
        maxlength=${LIMITS.note}
        .value=${form.note}
        @input=${(event: Event) => (form.note = inputValue(event))}
      ></textarea>
    </div>
  </details>`;
}

function inputValue(event: Event): string {
  const target = event.target;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
    ? target.value
    : '';
}

/** The list with `item` added or removed, in the fixed order of `all` (not click order). */
function toggled<T>(all: readonly T[], chosen: readonly T[], item: T, event: Event): T[] {
  const checked = event.target instanceof HTMLInputElement && event.target.checked;
  const set = new Set(chosen);
  if (checked) set.add(item);
  else set.delete(item);
  return all.filter((value) => set.has(value));
}

/** What is missing or wrong in the first step (who), as sentences for the fields. */
export function whoErrors(form: Pick<PersonFormFields, 'category' | 'label'>): {
  label?: string;
  category?: string;
} {
  const errors: { label?: string; category?: string } = {};
  if (form.category === '') {
    errors.category = msg('Kies een groep.', { id: 'person.categoryMissing' });
  }
  if (form.label === '') {
    errors.label = msg('Schrijf op wie het is, bijvoorbeeld "M." en "moeder".', {
      id: 'person.labelMissing',
    });
  } else if ([...form.label].length > LIMITS.label) {
    errors.label = msg(str`Gebruik samen hoogstens ${LIMITS.label} tekens.`, {
      id: 'person.labelTooLong',
    });
  }
  return errors;
}
