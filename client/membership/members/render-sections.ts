/** The parent's invite section and history, and a member's way to stop. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { historyLines } from '../labels.js';
import { formatDateTime } from '../../ui/format.js';
import type { MembershipView, MemberView } from '../types.js';
import type { MembersScreen } from './screen.js';
import '../nk-invite-panel.js';

export function renderInvite(screen: MembersScreen) {
  return html`<section aria-labelledby="invite-heading">
    <h2 id="invite-heading" tabindex="-1">${msg('Iemand uitnodigen', { id: 'members.invite' })}</h2>
    <p class="hint">
      ${msg('Niemand komt op je kaart zonder jouw ja.', { id: 'members.inviteHint' })}
    </p>
    <nk-invite-panel .mapId=${screen.session.mapId} .forName=${screen.inviteFor}></nk-invite-panel>
    ${
      screen.session.invites.length > 0
        ? html`<h3>${msg('Open uitnodigingen', { id: 'members.openInvites' })}</h3>
            <ul>
              ${screen.session.invites.map(
                (invite) =>
                  html`<li>
                    ${msg(str`Geldig tot ${formatDateTime(invite.expiresAt)}`, { id: 'members.validUntil' })}
                    <button
                      type="button"
                      class="quiet"
                      @click=${() => screen.onWithdraw(invite.inviteId)}
                    >
                      ${msg('Intrekken', { id: 'members.withdraw' })}
                    </button>
                  </li>`,
              )}
            </ul>`
        : nothing
    }
  </section>`;
}

export function renderLeave(screen: MembersScreen, membership: MembershipView) {
  const me = membership.members.find((m) => m.slotId === membership.mySlotId);
  if (me === undefined) return nothing;
  return html`<section aria-labelledby="leave-heading">
    <h2 id="leave-heading">${msg('Stoppen', { id: 'members.leaveHeading' })}</h2>
    <p>
      ${msg('Wil je niet meer op deze kaart? Dan stop je. De ouder ziet dat.', { id: 'members.leaveHint' })}
    </p>
    <button type="button" class="danger" ?disabled=${screen.busy} @click=${() => screen.onLeave()}>
      ${msg('Stoppen met deze kaart', { id: 'members.leave' })}
    </button>
  </section>`;
}

export function renderHistory(screen: MembersScreen, membership: MembershipView) {
  const people = new Map<string, MemberView>();
  for (const m of [...membership.former, ...membership.members]) people.set(m.slotId, m);
  const lines = historyLines(
    membership.history,
    people,
    screen.session.access,
    membership.mySlotId,
    new Set(membership.former.map((m) => m.slotId)),
  );
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">${msg('Wie kwam erbij, en wie keek', { id: 'members.history' })}</h2>
    <ol class="history" data-testid="history">
      ${lines.map((line) => html`<li>${line.text}</li>`)}
    </ol>
  </section>`;
}
