/** Join requests that this device cannot check (their invite's secret does not open here). */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { MembersScreen } from './screen.js';

export function renderUnverifiable(screen: MembersScreen) {
  const requests = screen.session.unverifiable;
  if (requests.length === 0) return nothing;
  return html`<section aria-labelledby="unverifiable-heading">
    <h2 id="unverifiable-heading">
      ${msg('Wil meedoen, maar niet te controleren', { id: 'members.unverifiableHeading' })}
    </h2>
    ${requests.map(
      (request) =>
        html`<div class="card" data-testid="unverifiable-request">
          <p>
            ${msg(
              'Iemand vraagt om mee te doen. We kunnen niet controleren wie het is, want de uitnodiging is hier niet te openen. Laat deze persoon niet toe. Verwacht je iemand? Maak dan een nieuwe uitnodiging.',
              { id: 'members.unverifiable' },
            )}
          </p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              ?disabled=${screen.busy}
              @click=${() => screen.onDecline(request)}
            >
              ${msg('Niet toelaten', { id: 'members.decline' })}
            </button>
          </div>
        </div>`,
    )}
  </section>`;
}
