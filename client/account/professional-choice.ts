/** "Ik werk als hulpverlener": the one choice that shows what only professionals need. */
import { html } from 'lit';
import { msg } from '@lit/localize';

/** The checkbox with its hint, for sign-up and the settings screen. */
export function renderProfessionalChoice(checked: boolean, onChange: (on: boolean) => void) {
  return html`<div class="field">
    <label class="choice">
      <input
        id="professional"
        type="checkbox"
        .checked=${checked}
        aria-describedby="professional-hint"
        @change=${(event: Event) =>
          onChange(event.target instanceof HTMLInputElement && event.target.checked)}
      />
      <span>${msg('Ik werk als hulpverlener', { id: 'settings.professional' })}</span>
    </label>
    <p class="hint" id="professional-hint">
      ${msg(
        'Dan zie je ook wat alleen hulpverleners nodig hebben: samen met een ouder een kaart maken, vindbaar zijn voor ouders en je eigen kaartje op de kaart van een gezin. Je kunt dit later veranderen bij Instellingen.',
        { id: 'settings.professionalHint' },
      )}
    </p>
  </div>`;
}
