/**
 * The numbered list below the picture: every person whose label the picture does not show in
 * full right now (numbered for lack of room, or cut off by the zoomed view), with the full text.
 * Each is a button that opens the person, as a tap on her node does.
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { BaseEntry } from '../../../shared/map/types.js';
import type { PlacedEntry } from './ring-layout.js';

export interface ListedEntry {
  readonly placed: PlacedEntry;
  readonly entry: BaseEntry;
  /** "M. — moeder, familie, heel dichtbij, vertrouwde persoon" */
  readonly name: string;
}

export function renderNumberList(listed: readonly ListedEntry[], open: (id: string) => void) {
  if (listed.length === 0) return nothing;
  return html`<div class="numbers">
    <p class="numbers-lead" id="numbers-lead">
      ${msg('Op de kaart met een nummer:', { id: 'picture.numbersLead' })}
    </p>
    <ol aria-labelledby="numbers-lead">
      ${listed.map(
        ({ placed, entry, name }) =>
          html`<li value=${placed.number}>
            <button
              type="button"
              class="number-item ${entry.active ? '' : 'ended'}"
              data-id=${entry.id}
              @click=${() => open(entry.id)}
            >
              <span class="num">${placed.number}</span>
              <span class="text">${name}</span>
            </button>
          </li>`,
      )}
    </ol>
  </div>`;
}
