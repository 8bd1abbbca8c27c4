import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { approve, decline, withdraw } from './actions/approve.js';
import { answerBorger } from './actions/borger-answer.js';
import { setDetail } from './actions/grant.js';
import { leave } from './actions/leave.js';
import { removeMember } from './actions/remove.js';
import { setBorger } from './actions/role.js';
import { makeTrusted } from './actions/trusted.js';
import type { JoinRequestView } from './flows/invite.js';
import { renderMember } from './members/render-member.js';
import { renderRequests } from './members/render-requests.js';
import { renderHistory, renderInvite, renderLeave } from './members/render-sections.js';
import type { MembersScreen, RequestChoice } from './members/screen.js';
import { membersStyles } from './members/styles.js';
import { MembershipSession } from './session/membership-session.js';
import type { MemberView } from './types.js';
import './nk-member-card-form.js';
import { paths } from '../shell/router.js';
import { StoreController } from '../shell/store-controller.js';
import { BusyController } from '../ui/busy.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { suggestedUntil } from '../../shared/time/phases.js';
import { formatDay, today } from './access/days.js';
import { renderReminders } from './access/render-until.js';
import { accessEndedMessage } from './access/sentences.js';
import { dateFieldStyles } from './access/styles.js';
import { setUntil } from './access/set-until.js';

/**
 * "Wie doet mee?": who is on the map, what each person sees, their own cards, the borger and the
 * trusted person; for owners also invites, join requests with the safety code, grant changes,
 * removal and the history of who joined and who looked. What it shows is held by a
 * MembershipSession (session/), which updates live from the map's events; each button runs one
 * of actions/; the sections are drawn by members/.
 */
@customElement('nk-members')
@localized()
export class NkMembers extends LitElement implements MembersScreen {
  static override styles = [sharedStyles, membersStyles, dateFieldStyles];

  @property() mapId = '';

  private readonly store = new StoreController(this);
  private readonly actions = new BusyController(this);

  @state() private current: MembershipSession | null = null;
  /** Choices on a pending request, by request id. */
  @state() private choices: Record<string, RequestChoice> = {};
  @state() confirmRemove = '';
  @state() inviteFor = '';

  /** Drawn only once it is there (the members/ render files run after loading). */
  get session(): MembershipSession {
    if (this.current === null) throw new Error('No map open yet.');
    return this.current;
  }

  get busy(): boolean {
    return this.actions.busy;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('nk-invites-changed', this.onInvitesChanged);
    this.addEventListener('nk-card-saved', this.onCardSaved);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.current?.close();
    this.removeEventListener('nk-invites-changed', this.onInvitesChanged);
    this.removeEventListener('nk-card-saved', this.onCardSaved);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapId') && this.mapId !== '') {
      this.current?.close();
      const session = new MembershipSession(this.store.value, this.mapId);
      session.addEventListener('change', () => this.requestUpdate());
      this.current = session;
      void session.start();
    }
  }

  override render() {
    const session = this.current;
    return html`
      <a class="back" href=${paths.map(this.mapId)}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Terug naar de kaart', { id: 'members.back' })}</a
      >
      <h1 tabindex="-1">${msg('Wie doet mee?', { id: 'members.heading' })}</h1>
      ${
        session?.noAccess
          ? html`<p class="error" role="alert" data-testid="no-access">
              ${
                session.endedOn === undefined
                  ? msg(
                      'Je hebt geen toegang meer tot deze kaart. Daarom staat ze niet meer bij je kaarten.',
                      { id: 'members.noAccess' },
                    )
                  : accessEndedMessage(session.endedOn)
              }
            </p>`
          : session?.fatal
            ? html`<p class="error" role="alert">${session.fatal}</p>`
            : !session?.loaded
              ? html`<p role="status">${msg('Even geduld…', { id: 'join.loading' })}</p>`
              : this.renderLoaded()
      }
    `;
  }

  private renderLoaded() {
    const { membership, cards, isOwner } = this.session;
    if (membership === null) {
      return html`<p>
        ${msg(
          'Deze kaart is gemaakt voor er leden konden zijn. Maak een nieuwe kaart om mensen uit te nodigen.',
          {
            id: 'members.noLog',
          },
        )}
      </p>`;
    }
    const error = this.actions.error || this.session.error;
    return html`
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${renderReminders(this, membership)} ${isOwner ? renderRequests(this) : nothing}
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">${msg('Op deze kaart', { id: 'members.people' })}</h2>
        <ul class="people">
          ${membership.members.map((member) => renderMember(this, member, membership))}
        </ul>
      </section>
      ${
        !isOwner && this.store.value.state.professional
          ? html`<section aria-labelledby="mycard-heading">
              <h2 id="mycard-heading">${msg('Jouw kaartje', { id: 'members.myCard' })}</h2>
              <p class="hint">
                ${msg('Iedereen op de kaart ziet je kaartje. Alleen jij kunt het veranderen.', {
                  id: 'members.myCardHint',
                })}
              </p>
              <nk-member-card-form
                .mapId=${this.mapId}
                .member=${membership.members.find((m) => m.slotId === membership.mySlotId) ?? null}
                .card=${cards.find((c) => c.slotId === membership.mySlotId) ?? null}
              ></nk-member-card-form>
            </section>`
          : nothing
      }
      ${isOwner ? renderInvite(this) : renderLeave(this, membership)}
      ${isOwner ? renderHistory(this, membership) : nothing}
    `;
  }

  choiceFor(requestId: string): RequestChoice {
    const chosen = this.choices[requestId];
    if (chosen) return chosen;
    // the suggestion follows her profession and the birth date in the parent's own section
    const request = this.session.requests.find((r) => r.requestId === requestId);
    const birth = this.session.document?.private?.birth;
    const until = request ? suggestedUntil(request.profile.profession, birth, today()) : null;
    return { role: 'professional', detail: false, until };
  }

  setChoice(requestId: string, choice: RequestChoice): void {
    this.choices = { ...this.choices, [requestId]: choice };
  }

  askRemove(slotId: string): void {
    this.confirmRemove = slotId;
  }

  async onInviteSuggested(name: string): Promise<void> {
    this.inviteFor = name;
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#invite-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  /**
   * Runs one action, then loads again (also after a failure) unless the action already put the
   * server's answer on the screen (it resolves true); `done` is said aloud.
   */
  private async act(
    action: (session: MembershipSession) => Promise<unknown>,
    done?: string,
  ): Promise<void> {
    if (this.busy) return;
    const session = this.session;
    session.clearError();
    const ok = await this.actions.run(async () => {
      let shown = false;
      try {
        shown = (await action(session)) === true;
      } finally {
        if (!shown) await session.reload();
      }
    });
    if (ok && done) this.store.value.announce(done);
  }

  onApprove(request: JoinRequestView, choice: RequestChoice): void {
    const name = request.profile.name;
    void this.act(
      (session) => approve(session, request, choice),
      msg(str`${name} doet nu mee.`, { id: 'members.approved' }),
    );
  }

  onDecline(request: Pick<JoinRequestView, 'inviteId' | 'requestId'>): void {
    void this.act((session) => decline(session, request));
  }

  onWithdraw(inviteId: string): void {
    void this.act((session) => withdraw(session, inviteId));
  }

  onDetail(member: MemberView, on: boolean): void {
    void this.act((session) => setDetail(session, member, on));
  }

  onRole(member: MemberView, borger: boolean): void {
    void this.act((session) => setBorger(session, member, borger));
  }

  onRemove(member: MemberView): void {
    this.confirmRemove = '';
    const name = member.name;
    void this.act(
      (session) => removeMember(session, member),
      msg(str`${name} staat niet meer op je kaart.`, { id: 'members.removed' }),
    );
  }

  onTrusted(member: MemberView): void {
    void this.act(
      (session) => makeTrusted(session, member),
      msg(str`${member.name} is je vertrouwde persoon.`, { id: 'members.trustedDone' }),
    );
  }

  onBorgerAnswer(yes: boolean): void {
    void this.act((session) => answerBorger(session, yes));
  }

  onUntil(member: MemberView, until: string | null): void {
    const name = member.name;
    const date = until === null ? '' : formatDay(until);
    void this.act(
      (session) => setUntil(session, member, until),
      until === null
        ? msg(str`${name} doet nu mee zonder einddatum.`, { id: 'access.clearedDone' })
        : msg(str`${name} doet nu mee tot ${date}.`, { id: 'access.untilDone' }),
    );
  }

  onLeave(): void {
    void this.act((session) => leave(session));
  }

  private readonly onInvitesChanged = (): void => {
    void this.current?.reloadInvites();
  };

  private readonly onCardSaved = (): void => {
    void this.current?.reload();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-members': NkMembers;
  }
}
