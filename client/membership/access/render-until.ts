/**
 * Access for a time on the members screen (decision 0030): the end date when approving, each
 * member's end date with a way to change it, the parent's reminder with one-tap extension, and
 * the member's own line.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { careRhythmOf, endsSoon, extendedUntil } from '../../../shared/time/phases.js';
import type { JoinRequestView } from '../flows/invite.js';
import type { MembersScreen, RequestChoice } from '../members/screen.js';
import type { MembershipView, MemberView } from '../types.js';
import { formatDay, today } from './days.js';
import { youUntil } from './sentences.js';

/** When approving: open-ended, or until a day (suggested by her profession and the birth date). */
export function renderUntilChoice(
  screen: MembersScreen,
  request: JoinRequestView,
  choice: RequestChoice,
  set: (next: Partial<RequestChoice>) => void,
) {
  if (choice.role === 'owner') return nothing;
  const id = request.requestId;
  const rhythm = careRhythmOf(request.profile.profession);
  const hasBirth = screen.session.document?.private?.birth !== undefined;
  const dated = choice.until !== null;
  return html`<fieldset data-testid="approve-until">
    <legend>${msg('Hoe lang doet deze persoon mee?', { id: 'access.howLong' })}</legend>
    <label class="choice">
      <input
        type="radio"
        name=${`until-${id}`}
        .checked=${!dated}
        @change=${() => set({ until: null })}
      />
      ${msg('Zonder einddatum', { id: 'access.open' })}
    </label>
    <label class="choice">
      <input
        type="radio"
        name=${`until-${id}`}
        .checked=${dated}
        @change=${() => set({ until: choice.until ?? extendedUntil(today(), today()) })}
      />
      ${msg('Tot een datum', { id: 'access.dated' })}
    </label>
    ${
      dated
        ? html`<div class="field">
            <label for=${`until-day-${id}`}>${msg('Laatste dag', { id: 'access.lastDay' })}</label>
            <input
              id=${`until-day-${id}`}
              type="date"
              min=${today()}
              .value=${choice.until ?? ''}
              @change=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value;
                if (value) set({ until: value });
              }}
            />
          </div>`
        : nothing
    }
    ${suggestionHint(rhythm, hasBirth)}
  </fieldset>`;
}

function suggestionHint(rhythm: ReturnType<typeof careRhythmOf>, hasBirth: boolean) {
  if (rhythm === 'open') return nothing;
  if (!hasBirth) {
    return html`<p class="hint">
      ${msg('Vul bij je kaart de (verwachte) geboortedatum in. Dan stellen we een datum voor.', {
        id: 'access.noBirthHint',
      })}
    </p>`;
  }
  return html`<p class="hint">
    ${
      rhythm === 'kraamzorg'
        ? msg('Voorstel voor kraamzorg: tot twee weken na de geboorte.', {
            id: 'access.hintKraamzorg',
          })
        : msg('Voorstel voor een verloskundige: tot zes weken na de geboorte.', {
            id: 'access.hintVerloskundige',
          })
    }
  </p>`;
}

/** Reminders above the list: whose access stops within a week, each with one tap to extend. */
export function renderReminders(screen: MembersScreen, membership: MembershipView) {
  if (!screen.session.isOwner) return nothing;
  const now = today();
  const soon = membership.members.filter(
    (m) => m.role !== 'owner' && m.until !== undefined && endsSoon(m.until, now),
  );
  if (soon.length === 0) return nothing;
  return html`<section aria-labelledby="reminders-heading" data-testid="access-reminders">
    <h2 id="reminders-heading">${msg('Toegang stopt bijna', { id: 'access.remindersHeading' })}</h2>
    ${soon.map((member) => {
      const name = member.name;
      const date = formatDay(member.until!);
      return html`<div class="card" data-testid="access-reminder">
        <p>
          ${msg(str`De toegang van ${name} stopt na ${date}. Wil je de toegang verlengen?`, {
            id: 'access.reminder',
          })}
        </p>
        <div class="actions">${extendButton(screen, member)}</div>
      </div>`;
    })}
  </section>`;
}

function extendButton(screen: MembersScreen, member: MemberView) {
  const name = member.name;
  return html`<button
    type="button"
    data-testid="extend"
    ?disabled=${screen.busy}
    aria-label=${msg(str`Toegang van ${name} twee weken verlengen`, { id: 'access.extendFor' })}
    @click=${() => screen.onUntil(member, extendedUntil(member.until!, today()))}
  >
    ${msg('2 weken verlengen', { id: 'access.extend' })}
  </button>`;
}

/** In a member's row: until when (the member's own line, or the parent's way to change it). */
export function renderMemberUntil(screen: MembersScreen, member: MemberView, mine: boolean) {
  if (member.role === 'owner') return nothing;
  if (mine) {
    return member.until === undefined
      ? nothing
      : html`<p data-testid="you-until">${youUntil(member.until)}</p>`;
  }
  if (!screen.session.isOwner) return nothing;
  const name = member.name;
  const inputId = `until-${member.slotId}`;
  const soon = member.until !== undefined && endsSoon(member.until, today());
  return html`<div data-testid="member-until">
    <p>
      ${
        member.until === undefined
          ? msg('Doet mee zonder einddatum.', { id: 'access.memberOpen' })
          : msg(str`Doet mee tot ${formatDay(member.until)}.`, { id: 'access.memberUntil' })
      }
    </p>
    ${soon ? html`<div class="actions">${extendButton(screen, member)}</div>` : nothing}
    <details class="until">
      <summary>${msg(str`Einddatum van ${name} veranderen`, { id: 'access.change' })}</summary>
      <form
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const input = (e.target as HTMLFormElement).querySelector('input');
          if (input?.value) screen.onUntil(member, input.value);
        }}
      >
        <label for=${inputId}>${msg('Laatste dag', { id: 'access.lastDay' })}</label>
        <input id=${inputId} type="date" min=${today()} .value=${member.until ?? ''} required />
        <div class="actions">
          <button type="submit" class="secondary" ?disabled=${screen.busy}>
            ${msg('Einddatum bewaren', { id: 'access.save' })}
          </button>
          ${
            member.until === undefined
              ? nothing
              : html`<button
                  type="button"
                  class="secondary"
                  ?disabled=${screen.busy}
                  @click=${() => screen.onUntil(member, null)}
                >
                  ${msg('Zonder einddatum', { id: 'access.open' })}
                </button>`
          }
        </div>
      </form>
    </details>
  </div>`;
}
