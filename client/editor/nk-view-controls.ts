import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { PHASES } from '../../shared/map/types.js';
import { isPhaseFilter, type PhaseFilter } from './session/view.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { phaseName } from '../taxonomy/vocabulary.js';
import { emit } from '../ui/events.js';

/** The two ways to see the map: the ring picture, or the list (its fully accessible equivalent). */
export type MapView = 'picture' | 'list';

export interface ViewChange {
  readonly view: MapView;
  readonly phase: PhaseFilter;
  readonly showEnded: boolean;
}

/**
 * How to look at the map: picture or list, which phase, and whether to show who no longer helps.
 *
 * @fires nk-view-change - a choice changed; `detail` is the whole ViewChange
 */
@customElement('nk-view-controls')
@localized()
export class NkViewControls extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.75rem 1.5rem;
      }

      .switch {
        display: inline-flex;
        border: 2px solid var(--nk-primary);
        border-radius: 999px;
        overflow: hidden;
      }

      .switch button {
        border: 0;
        border-radius: 0;
        min-width: 5.5rem;
        background: var(--nk-surface);
        color: var(--nk-primary-dark);
      }

      .switch button[aria-pressed='true'] {
        background: var(--nk-primary);
        color: #fff;
      }

      .switch svg {
        width: 1.2rem;
        height: 1.2rem;
      }

      .phase {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
      }

      .phase select {
        width: auto;
        min-width: 10rem;
      }

      .choice {
        padding: 0.6rem 0;
      }
    `,
  ];

  @property() view: MapView = 'picture';
  @property() phase: PhaseFilter = 'all';
  @property({ type: Boolean }) showEnded = false;
  /** How many entries no longer help; the toggle shows only when there are some. */
  @property({ type: Number }) endedCount = 0;

  override render() {
    return html`<div class="controls">
      <div class="switch" role="group" aria-label=${msg('Weergave', { id: 'view.label' })}>
        <button
          type="button"
          aria-pressed=${this.view === 'picture' ? 'true' : 'false'}
          @click=${() => this.change({ view: 'picture' })}
        >
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
          >
            <circle cx="12" cy="12" r="9.5" />
            <circle cx="12" cy="12" r="5" />
            <circle cx="12" cy="12" r="1.5" fill="currentColor" />
          </svg>
          ${msg('Kaart', { id: 'view.picture' })}
        </button>
        <button
          type="button"
          aria-pressed=${this.view === 'list' ? 'true' : 'false'}
          @click=${() => this.change({ view: 'list' })}
        >
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
          >
            <path d="M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01" />
          </svg>
          ${msg('Lijst', { id: 'view.list' })}
        </button>
      </div>
      <div class="phase">
        <label for="phase">${msg('Fase', { id: 'view.phase' })}</label>
        <select id="phase" @change=${this.onPhase}>
          <option value="all" ?selected=${this.phase === 'all'}>
            ${msg('Alle fasen', { id: 'view.allPhases' })}
          </option>
          ${PHASES.map(
            (phase) =>
              html`<option value=${phase} ?selected=${this.phase === phase}>
                ${phaseName(phase)}
              </option>`,
          )}
        </select>
      </div>
      ${
        this.endedCount > 0
          ? html`<label class="choice">
              <input
                type="checkbox"
                .checked=${this.showEnded}
                @change=${(event: Event) =>
                  this.change({
                    showEnded: event.target instanceof HTMLInputElement && event.target.checked,
                  })}
              />
              <span>
                ${msg(str`Laat ook zien wie nu niet meer helpt (${this.endedCount})`, {
                  id: 'view.showEnded',
                })}
              </span>
            </label>`
          : nothing
      }
    </div>`;
  }

  private onPhase(event: Event): void {
    const value = event.target instanceof HTMLSelectElement ? event.target.value : '';
    if (isPhaseFilter(value)) this.change({ phase: value });
  }

  private change(part: Partial<ViewChange>): void {
    const detail: ViewChange = {
      view: this.view,
      phase: this.phase,
      showEnded: this.showEnded,
      ...part,
    };
    emit(this, 'nk-view-change', detail);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-view-controls': NkViewControls;
  }
}
