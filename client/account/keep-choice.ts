/** "Dit is mijn eigen telefoon of computer": the one choice that keeps her unlocked here (decision 0024). */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { canKeep } from '../device/kept-store.js';

/**
 * The checkbox with its hint, for login, sign-up and recovery. `available` is false in Samen aan
 * tafel (a temporary session keeps nothing), and in a browser without IndexedDB.
 */
export function renderKeepChoice(
  available: boolean,
  checked: boolean,
  onChange: (on: boolean) => void,
) {
  if (!available || !canKeep()) return nothing;
  return html`<div class="field">
    <label class="choice">
      <input
        id="keep"
        type="checkbox"
        .checked=${checked}
        aria-describedby="keep-hint"
        @change=${(event: Event) =>
          onChange(event.target instanceof HTMLInputElement && event.target.checked)}
      />
      <span
        >${msg('Dit is mijn eigen telefoon of computer. Ingelogd blijven.', {
          id: 'device.keep',
        })}</span
      >
    </label>
    <p class="hint" id="keep-hint">
      ${msg(
        'Dan opent de app hier meteen, zonder wachtwoordzin. Zet dit niet aan op een telefoon of computer die je deelt met anderen. Met Uitloggen haal je alles van jou weer van dit apparaat.',
        { id: 'device.keepHint' },
      )}
    </p>
  </div>`;
}
