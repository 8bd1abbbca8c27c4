import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { phaseAt, type BirthDate } from '../../shared/time/phases.js';
import { formatDay, today } from '../membership/access/days.js';
import { phaseName } from '../taxonomy/vocabulary.js';
import { emit } from '../ui/events.js';
import { dateFieldStyles } from '../membership/access/styles.js';
import { sharedStyles } from '../ui/shared-styles.js';

/**
 * The expected or actual birth date, kept in the map's private section (only the parent and a
 * co-parent see it). With it, the map knows the phase and suggests end dates for kraamzorg and
 * the verloskundige (decision 0030); without it nothing is guessed.
 *
 * @fires nk-birth-save - `detail.birth` is the new date, or null to remove it
 */
@customElement('nk-birth-date')
@localized()
export class NkBirthDate extends LitElement {
  static override styles = [
    sharedStyles,
    dateFieldStyles,
    css`
      section {
        border: 1px solid var(--nk-border, #ccc);
        border-radius: var(--nk-radius);
        padding: 0.75rem 1rem;
        background: var(--nk-surface);
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.25rem;
      }
      summary {
        cursor: pointer;
        padding-block: 0.6rem;
        color: var(--nk-primary);
        text-decoration: underline;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) birth: BirthDate | null = null;
  @property({ type: Boolean }) busy = false;

  @state() private kind: BirthDate['kind'] = 'expected';

  protected override willUpdate(): void {
    if (!this.hasUpdated && this.birth) this.kind = this.birth.kind;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // a saved (or removed) date closes the form; the line above says what is kept
    if (changed.has('birth') && changed.get('birth') !== undefined) {
      const details = this.renderRoot.querySelector('details');
      if (details) details.open = false;
    }
  }

  override render() {
    const birth = this.birth;
    const phase = birth ? phaseAt(today(), birth) : null;
    return html`<section aria-labelledby="birth-heading" data-testid="birth-date">
      <h2 id="birth-heading">${msg('Geboortedatum', { id: 'birth.heading' })}</h2>
      ${
        birth
          ? html`<p data-testid="birth-state">
              ${
                birth.kind === 'expected'
                  ? msg(str`Verwacht op ${formatDay(birth.day)}.`, { id: 'birth.expectedOn' })
                  : msg(str`Geboren op ${formatDay(birth.day)}.`, { id: 'birth.bornOn' })
              }
              ${phase ? msg(str`Nu: ${phaseName(phase)}.`, { id: 'birth.phaseNow' }) : nothing}
            </p>`
          : nothing
      }
      <details>
        <summary>
          ${
            birth
              ? msg('Datum veranderen', { id: 'birth.change' })
              : msg('Datum invullen', { id: 'birth.fill' })
          }
        </summary>
        <p class="hint" id="birth-hint">
          ${msg(
            'Met de datum weet de kaart in welke fase je bent, en stellen we voor hoe lang kraamzorg en verloskundige meedoen. Alleen jij ziet dit, en een andere ouder die de kaart met je beheert.',
            { id: 'birth.hint' },
          )}
        </p>
        <form @submit=${this.onSubmit}>
          <fieldset>
            <legend>${msg('Is je kind al geboren?', { id: 'birth.bornQuestion' })}</legend>
            <label class="choice">
              <input
                type="radio"
                name="birth-kind"
                .checked=${this.kind === 'expected'}
                @change=${() => (this.kind = 'expected')}
              />
              ${msg('Nee, dit is de verwachte datum', { id: 'birth.kindExpected' })}
            </label>
            <label class="choice">
              <input
                type="radio"
                name="birth-kind"
                .checked=${this.kind === 'actual'}
                @change=${() => (this.kind = 'actual')}
              />
              ${msg('Ja, dit is de geboortedatum', { id: 'birth.kindActual' })}
            </label>
          </fieldset>
          <div class="field">
            <label for="birth-day">${msg('Datum', { id: 'birth.day' })}</label>
            <input
              id="birth-day"
              type="date"
              required
              aria-describedby="birth-hint"
              .value=${birth?.day ?? ''}
            />
          </div>
          <div class="buttons">
            <button type="submit" ?disabled=${this.busy}>
              ${msg('Datum bewaren', { id: 'birth.save' })}
            </button>
            ${
              birth
                ? html`<button
                    type="button"
                    class="secondary"
                    ?disabled=${this.busy}
                    @click=${() => emit(this, 'nk-birth-save', { birth: null })}
                  >
                    ${msg('Datum weghalen', { id: 'birth.remove' })}
                  </button>`
                : nothing
            }
          </div>
        </form>
      </details>
    </section>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#birth-day');
    const day = input?.value ?? '';
    if (day === '') return;
    emit(this, 'nk-birth-save', { birth: { day, kind: this.kind } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-birth-date': NkBirthDate;
  }
}
