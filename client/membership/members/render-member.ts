/** One person on the members screen: role, marks, what she sees, her card, and the parent's buttons. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { trustedSlot } from '../actions/trusted.js';
import { borgerAnswerOf } from '../borger.js';
import { roleLabel } from '../labels.js';
import { seesSentence } from '../sees.js';
import type { MembershipView, MemberView, SuggestionView } from '../types.js';
import type { MembersScreen } from './screen.js';
import { renderMemberUntil } from '../access/render-until.js';

export function renderMember(
  screen: MembersScreen,
  member: MemberView,
  membership: MembershipView,
) {
  const card = screen.session.cards.find((c) => c.slotId === member.slotId);
  const mine = member.slotId === membership.mySlotId;
  const trusted = trustedSlot(screen.session) === member.slotId;
  const answer = borgerAnswerOf(card);
  const isBorger = member.role === 'borger';
  const borgerAccepted = isBorger && answer === 'yes';
  const borgerProposed = isBorger && answer === 'unanswered';
  const borgerDeclined = isBorger && answer === 'no';
  const borgerAsked = !isBorger && member.role !== 'owner' && answer === 'yes';
  const seesDetail = member.sections.includes('detail');
  return html`<li class="card" data-testid="member" data-slot=${member.slotId}>
    <h3>${member.name}${mine ? html` (${msg('jij', { id: 'members.you' })})` : nothing}</h3>
    <p>${[member.profession, member.organisation].filter(Boolean).join(' · ')}</p>
    <ul class="badges">
      ${member.role === 'borger' ? nothing : html`<li class="badge">${roleLabel(member.role)}</li>`}
      ${
        trusted
          ? html`<li class="badge" data-testid="trusted-mark">
              <span aria-hidden="true">★</span>
              ${msg('vertrouwde persoon', { id: 'members.trusted' })}
            </li>`
          : nothing
      }
      ${
        borgerAccepted
          ? html`<li class="badge" data-testid="borger-mark">
              ${msg('borger', { id: 'members.roleBorger' })}
            </li>`
          : nothing
      }
      ${
        borgerProposed
          ? html`<li class="badge">
              ${msg('gevraagd als borger, wacht op ja', { id: 'members.borgerProposed' })}
            </li>`
          : nothing
      }
      ${
        borgerDeclined
          ? html`<li class="badge" data-testid="borger-declined">
              ${msg('gevraagd als borger, zei nee', { id: 'members.borgerDeclined' })}
            </li>`
          : nothing
      }
      ${
        borgerAsked
          ? html`<li class="badge">
              ${msg('wil graag borger zijn', { id: 'members.borgerAsked' })}
            </li>`
          : nothing
      }
    </ul>
    <p>${seesSentence(member.sections)}</p>
    ${renderMemberUntil(screen, member, mine)}
    ${
      card
        ? html`<div class="member-card" data-testid="member-card">
            ${card.card.whatIDo ? html`<p>${card.card.whatIDo}</p>` : nothing}
            ${
              card.card.howToReach
                ? html`<p>
                    ${msg('Bereikbaar:', { id: 'members.reach' })} ${card.card.howToReach}
                  </p>`
                : nothing
            }
            ${card.card.when ? html`<p>${msg('Wanneer:', { id: 'members.whenReach' })} ${card.card.when}</p>` : nothing}
          </div>`
        : nothing
    }
    ${card?.card.suggestions?.length ? renderSuggestions(screen, member, card.card.suggestions) : nothing}
    ${mine && (borgerProposed || borgerDeclined) ? renderBorgerQuestion(screen, borgerDeclined) : nothing}
    ${
      mine && borgerAccepted
        ? html`<div class="actions">
            <button
              type="button"
              class="secondary"
              ?disabled=${screen.busy}
              @click=${() => screen.onBorgerAnswer(false)}
            >
              ${msg('Stoppen als borger', { id: 'members.borgerStopSelf' })}
            </button>
          </div>`
        : nothing
    }
    ${
      mine && !screen.session.isOwner && !isBorger && answer !== 'yes'
        ? html`<div class="actions">
            <button
              type="button"
              class="secondary"
              ?disabled=${screen.busy}
              @click=${() => screen.onBorgerAnswer(true)}
            >
              ${msg('Vraag om borger te worden', { id: 'members.borgerAsk' })}
            </button>
          </div>`
        : nothing
    }
    ${screen.session.isOwner && !mine ? renderOwnerActions(screen, member, { trusted, seesDetail, borgerAsked }) : nothing}
  </li>`;
}

/** The parent asked her to be the borger: a clear yes or no, kept as its own answer on her card. */
function renderBorgerQuestion(screen: MembersScreen, saidNo: boolean) {
  return html`<fieldset class="borger-question" data-testid="borger-question">
    <legend>
      ${msg('De ouder vraagt of jij haar borger wilt zijn.', { id: 'members.borgerQuestion' })}
    </legend>
    ${
      saidNo
        ? html`<p>
            ${msg('Je hebt nee gezegd. Je kunt nog van gedachten veranderen.', { id: 'members.borgerSaidNo' })}
          </p>`
        : nothing
    }
    <div class="actions">
      <button type="button" ?disabled=${screen.busy} @click=${() => screen.onBorgerAnswer(true)}>
        ${msg('Ja, ik word borger', { id: 'members.borgerYes' })}
      </button>
      ${
        saidNo
          ? nothing
          : html`<button
              type="button"
              class="secondary"
              ?disabled=${screen.busy}
              @click=${() => screen.onBorgerAnswer(false)}
            >
              ${msg('Nee, liever niet', { id: 'members.borgerNo' })}
            </button>`
      }
    </div>
  </fieldset>`;
}

/** Warm handover: whom this member suggests; the parent can invite them (the name stays here). */
function renderSuggestions(
  screen: MembersScreen,
  member: MemberView,
  suggestions: readonly SuggestionView[],
) {
  const name = member.name;
  return html`<div class="member-card" data-testid="suggestions">
    <p>
      ${msg(str`${name} denkt dat deze mensen ook kunnen helpen:`, { id: 'members.suggested' })}
    </p>
    <ul>
      ${suggestions.map(
        (s) =>
          html`<li data-testid="suggestion">
            <strong>${s.name}</strong> — ${[s.role, s.organisation].filter(Boolean).join(' · ')}
            ${s.note ? html`<br />${s.note}` : nothing}
            ${
              screen.session.isOwner
                ? html`<div class="actions">
                    <button
                      type="button"
                      class="secondary"
                      @click=${() => screen.onInviteSuggested(s.name)}
                    >
                      ${msg('Nodig deze persoon uit', { id: 'members.suggestInvite' })}
                    </button>
                  </div>`
                : nothing
            }
          </li>`,
      )}
    </ul>
  </div>`;
}

function renderOwnerActions(
  screen: MembersScreen,
  member: MemberView,
  state: { trusted: boolean; seesDetail: boolean; borgerAsked: boolean },
) {
  const name = member.name;
  return html`<div class="actions">
    ${
      state.trusted
        ? nothing
        : html`<button
            type="button"
            class="secondary"
            ?disabled=${screen.busy}
            @click=${() => screen.onTrusted(member)}
          >
            ${msg(str`Maak ${name} je vertrouwde persoon`, { id: 'members.makeTrusted' })}
          </button>`
    }
    ${
      member.role === 'owner'
        ? nothing
        : html`<button
              type="button"
              class="secondary"
              ?disabled=${screen.busy}
              @click=${() => screen.onDetail(member, !state.seesDetail)}
            >
              ${
                state.seesDetail
                  ? msg('Geen namen en contactgegevens meer', { id: 'members.detailOff' })
                  : msg('Laat namen en contactgegevens zien', { id: 'members.detailOn' })
              }
            </button>
            ${
              member.role === 'borger'
                ? html`<button
                    type="button"
                    class="secondary"
                    ?disabled=${screen.busy}
                    @click=${() => screen.onRole(member, false)}
                  >
                    ${msg('Stoppen als borger', { id: 'members.borgerEnd' })}
                  </button>`
                : html`<button
                    type="button"
                    class="secondary"
                    ?disabled=${screen.busy}
                    @click=${() => screen.onRole(member, true)}
                  >
                    ${
                      state.borgerAsked
                        ? msg(str`Ja, ${name} wordt borger`, { id: 'members.borgerGrant' })
                        : msg(str`Vraag ${name} als borger`, { id: 'members.borgerPropose' })
                    }
                  </button>`
            }`
    }
    ${
      screen.confirmRemove === member.slotId
        ? html`<p>
              ${msg(str`${name} kan daarna niets nieuws meer zien. Wat ze al zag, houdt ze.`, { id: 'members.removeWarn' })}
            </p>
            <button
              type="button"
              class="danger"
              ?disabled=${screen.busy}
              @click=${() => screen.onRemove(member)}
            >
              ${msg(str`Ja, haal ${name} van de kaart`, { id: 'members.removeConfirm' })}
            </button>
            <button type="button" class="quiet" @click=${() => screen.askRemove('')}>
              ${msg('Annuleren', { id: 'members.cancel' })}
            </button>`
        : html`<button
            type="button"
            class="danger"
            ?disabled=${screen.busy}
            @click=${() => screen.askRemove(member.slotId)}
          >
            ${msg('Van de kaart halen', { id: 'members.remove' })}
          </button>`
    }
  </div>`;
}
