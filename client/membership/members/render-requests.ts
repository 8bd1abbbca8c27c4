/**
 * Join requests on the members screen: who asks, the safety code to compare, role and detail; and in
 * place of a request her device refused, a plain sentence saying so (nothing of that request is shown).
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { roleChoiceLabel } from '../labels.js';
import { approvalSentence } from '../sees.js';
import type { MembersScreen, RequestChoice } from './screen.js';
import { renderUntilChoice } from '../access/render-until.js';

export function renderRequests(screen: MembersScreen) {
  const { requests, refused } = screen.session;
  if (requests.length === 0 && refused.length === 0) return nothing;
  return html`<section aria-labelledby="requests-heading">
    <h2 id="requests-heading">${msg('Wil meedoen', { id: 'members.requests' })}</h2>
    ${refused.map(
      (request) =>
        html`<div class="card" data-testid="refused-request" role="alert">
          <h3>${msg('Verzoek niet getoond', { id: 'members.refusedHeading' })}</h3>
          <p>${request.reason}</p>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              ?disabled=${screen.busy}
              @click=${() => screen.onDecline(request)}
            >
              ${msg('Weghalen', { id: 'members.refusedClear' })}
            </button>
          </div>
        </div>`,
    )}
    ${requests.map((request) => {
      const choice = screen.choiceFor(request.requestId);
      const set = (next: Partial<RequestChoice>) =>
        screen.setChoice(request.requestId, { ...choice, ...next });
      const id = request.requestId;
      return html`<div class="card" data-testid="join-request">
        <h3>${request.profile.name}</h3>
        <p>
          ${[request.profile.profession, request.profile.organisation].filter(Boolean).join(' · ')}
        </p>
        ${request.profile.contact ? html`<p>${request.profile.contact}</p>` : nothing}
        ${request.profile.availability ? html`<p>${request.profile.availability}</p>` : nothing}
        <p>${msg('Veiligheidscode', { id: 'join.codeHeading' })}:</p>
        <p class="code" data-testid="safety-code">${request.safetyCode}</p>
        <p class="hint">
          ${msg(
            'Ziet deze persoon dezelfde code? Vergelijk samen, aan tafel of door de telefoon. Is de code anders? Laat haar dan niet toe.',
            { id: 'members.compare' },
          )}
        </p>
        <fieldset>
          <legend>${msg('Als wat doet deze persoon mee?', { id: 'members.chooseRole' })}</legend>
          ${(['professional', 'informal', 'borger', 'owner'] as const).map(
            (role) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name=${`role-${id}`}
                  value=${role}
                  .checked=${choice.role === role}
                  @change=${() => set({ role })}
                />
                ${roleChoiceLabel(role)}
              </label>`,
          )}
        </fieldset>
        ${
          choice.role === 'owner'
            ? nothing
            : html`<label class="choice">
                <input
                  type="checkbox"
                  .checked=${choice.detail}
                  @change=${(e: Event) => set({ detail: (e.target as HTMLInputElement).checked })}
                />
                ${msg('Mag ook namen en contactgegevens zien', { id: 'members.grantDetail' })}
              </label>`
        }
        ${renderUntilChoice(screen, request, choice, set)}
        <p data-testid="approval-sees">
          ${approvalSentence(request.profile.name, choice.role, choice.detail)}
        </p>
        <div class="actions">
          <button
            type="button"
            ?disabled=${screen.busy}
            @click=${() => screen.onApprove(request, choice)}
          >
            ${msg('Toelaten', { id: 'members.approve' })}
          </button>
          <button
            type="button"
            class="danger"
            ?disabled=${screen.busy}
            @click=${() => screen.onDecline(request)}
          >
            ${msg('Niet toelaten', { id: 'members.decline' })}
          </button>
        </div>
      </div>`;
    })}
  </section>`;
}
