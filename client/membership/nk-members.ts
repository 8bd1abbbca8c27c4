import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/transport.js';
import type { Rights } from '../../shared/api/maps.js';
import type { AccessLogResponse } from '../../shared/api/maps.js';
import type { BaseEntry, Category, MapDocument } from '../../shared/map/types.js';
import { membershipApi } from '../api/membership.js';
import { invitesApi } from '../api/invites.js';
import { watchMap } from '../api/events.js';
import { accessLog } from '../api/maps.js';
import { saysBorger } from './borger.js';
import { inviteSecrets } from './flows/invite-secrets.js';
import { historyLines, roleLabel, sectionLabel } from './labels.js';
import { NoAccessError, openVerified } from './open.js';
import { PROFESSIONS } from '../taxonomy/professions.js';
import type {
  CardWire,
  JoinProfileView,
  MemberRoleView,
  MembershipView,
  MemberView,
  SuggestionView,
} from './types.js';
import { describeError } from '../ui/errors.js';
import './nk-invite-panel.js';
import './nk-member-card-form.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

interface PendingRequest {
  inviteId: string;
  requestId: string;
  profile: JoinProfileView;
  safetyCode: string;
  signPublicKey: string;
  boxPublicKey: string;
}

interface OpenInvite {
  inviteId: string;
  status: string;
  expiresAt: number;
}

/** How often an owner's screen looks for new join requests (they raise no event), in ms. */
const REQUEST_POLL_MS = 3000;

function categoryOf(member: MemberView): Category {
  const index = PROFESSIONS.indexOf(member.profession);
  if (member.role === 'professional' || (index >= 0 && index < 31)) {
    if (index >= 0 && index < 14) return 'pro-medical';
    if (index >= 14 && index < 20) return 'pro-public-health';
    return 'pro-social';
  }
  return 'friends';
}

/**
 * "Wie doet mee?": who is on the map, what each person sees, their own cards, the borger and the
 * trusted person; for owners also invites, join requests with the safety code, grant changes,
 * removal and the history of who joined and who looked. Updates live from the map's events.
 */
@customElement('nk-members')
@localized()
export class NkMembers extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.people {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .badge {
        display: inline-block;
        border-radius: 999px;
        padding: 0.05rem 0.6rem;
        font-size: 0.9rem;
        background: var(--nk-primary-soft, #e3f1ef);
        color: var(--nk-text, #1f2a2a);
        border: 1px solid var(--nk-primary, #1d6b64);
        margin-inline-end: 0.35rem;
      }
      .code {
        font-size: 2rem;
        font-weight: 700;
        letter-spacing: 0.15em;
        font-variant-numeric: tabular-nums;
        margin: 0.25rem 0;
      }
      .member-card {
        margin: 0.5rem 0;
        padding-inline-start: 0.75rem;
        border-inline-start: 3px solid var(--nk-border, #ccc);
      }
      .member-card p {
        margin: 0.2rem 0;
      }
      ol.history {
        padding-inline-start: 1.2rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property() mapId = '';

  private readonly store = new StoreController(this);

  @state() private loaded = false;
  @state() private fatal = '';
  @state() private noAccess = false;
  @state() private error = '';
  @state() private busy = false;
  @state() private membership: MembershipView | null = null;
  @state() private document: MapDocument | null = null;
  @state() private rights: Rights = 'read';
  @state() private cards: CardWire[] = [];
  @state() private requests: PendingRequest[] = [];
  @state() private invites: OpenInvite[] = [];
  @state() private access: AccessLogResponse | null = null;
  /** Choices on a pending request, by request id. */
  @state() private choices: Record<string, { role: MemberRoleView; detail: boolean }> = {};
  @state() private confirmRemove = '';
  @state() private inviteFor = '';

  private version = 0;
  private abort: AbortController | null = null;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('nk-invites-changed', this.onInvitesChanged);
    this.addEventListener('nk-card-saved', this.onCardSaved);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    clearInterval(this.pollTimer);
    this.removeEventListener('nk-invites-changed', this.onInvitesChanged);
    this.removeEventListener('nk-card-saved', this.onCardSaved);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapId') && this.mapId !== '') void this.start();
  }

  private get isOwner(): boolean {
    return this.rights === 'admin';
  }

  private get capability(): string {
    return this.store.value.mapSummary(this.mapId)?.capability ?? '';
  }

  private async start(): Promise<void> {
    this.abort?.abort();
    clearInterval(this.pollTimer);
    if (this.store.value.mapSummary(this.mapId) === undefined) {
      this.fatal = msg('Deze kaart staat niet bij jouw kaarten.', { id: 'editor.notInKeyring' });
      return;
    }
    await this.reload();
    if (this.noAccess || this.fatal) return;
    const abort = new AbortController();
    this.abort = abort;
    watchMap(
      this.mapId,
      this.capability,
      (name) => {
        if (name === 'removed') {
          this.noAccess = true;
          this.store.value.closeMap(this.mapId);
          return;
        }
        void this.reload();
      },
      abort.signal,
    );
    if (this.isOwner)
      this.pollTimer = setInterval(() => void this.reloadInvites(), REQUEST_POLL_MS);
  }

  /** Loads (again) the map, the verified log, the cards and, for owners, invites and history. */
  private reload(): Promise<void> {
    if (this.reloading !== null) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.load();
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async load(): Promise<void> {
    const store = this.store.value;
    const summary = store.mapSummary(this.mapId);
    if (summary === undefined) return;
    try {
      const opened = await openVerified(store.api, store.crypto, summary);
      // The editor's session re-opens with what was verified here.
      store.closeMap(this.mapId);
      this.membership = opened.membership;
      this.document = opened.document;
      this.version = opened.version;
      this.rights = opened.response.rights;
      const cards = await membershipApi.cards(this.mapId, summary.capability);
      this.cards = await store.crypto.call('openCards', { mapId: this.mapId, cards: cards.cards });
      if (this.isOwner) {
        await this.reloadInvites();
        this.access = await accessLog(this.mapId, summary.capability);
      }
      this.loaded = true;
    } catch (error) {
      if (error instanceof NoAccessError) this.noAccess = true;
      else if (!this.loaded) this.fatal = describeError(error);
      else this.error = describeError(error);
    }
  }

  private async reloadInvites(): Promise<void> {
    const store = this.store.value;
    const capability = this.capability;
    if (!this.isOwner || capability === '') return;
    try {
      const { invites } = await invitesApi.listInvites(this.mapId, capability);
      const requests: PendingRequest[] = [];
      for (const invite of invites) {
        const request = invite.request;
        if (request?.status !== 'pending' || request.sealedRequest === null) continue;
        const known = this.requests.find((r) => r.requestId === request.requestId);
        if (known !== undefined) {
          requests.push(known);
          continue;
        }
        const secret = inviteSecrets.get(this.mapId, invite.inviteId);
        if (secret === undefined) continue;
        const opened = await store.crypto.call('openJoinRequest', {
          mapId: this.mapId,
          secret,
          sealedRequest: request.sealedRequest,
        });
        requests.push({ inviteId: invite.inviteId, requestId: request.requestId, ...opened });
      }
      this.requests = requests;
      this.invites = invites
        .filter((i) => i.status === 'open')
        .map((i) => ({ inviteId: i.inviteId, status: i.status, expiresAt: i.expiresAt }));
    } catch {
      // The next round tries again.
    }
  }

  override render() {
    return html`
      <a class="back" href=${paths.map(this.mapId)}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Terug naar de kaart', { id: 'members.back' })}</a
      >
      <h1 tabindex="-1">${msg('Wie doet mee?', { id: 'members.heading' })}</h1>
      ${
        this.noAccess
          ? html`<p class="error" role="alert" data-testid="no-access">
              ${msg(
                'Je hebt geen toegang meer tot deze kaart. Wat je eerder zag, blijft op je apparaat zoals het was.',
                { id: 'members.noAccess' },
              )}
            </p>`
          : this.fatal
            ? html`<p class="error" role="alert">${this.fatal}</p>`
            : !this.loaded
              ? html`<p role="status">${msg('Even geduld…', { id: 'join.loading' })}</p>`
              : this.renderLoaded()
      }
    `;
  }

  private renderLoaded() {
    const membership = this.membership;
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
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.isOwner ? this.renderRequests() : nothing}
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">${msg('Op deze kaart', { id: 'members.people' })}</h2>
        <ul class="people">
          ${membership.members.map((member) => this.renderMember(member, membership))}
        </ul>
      </section>
      <section aria-labelledby="mycard-heading">
        <h2 id="mycard-heading">${msg('Jouw kaartje', { id: 'members.myCard' })}</h2>
        <p class="hint">
          ${msg('Iedereen op de kaart ziet je kaartje. Alleen jij kunt het veranderen.', {
            id: 'members.myCardHint',
          })}
        </p>
        <nk-member-card-form
          .mapId=${this.mapId}
          .member=${membership.members.find((m) => m.slotId === membership.mySlotId) ?? null}
          .card=${this.cards.find((c) => c.slotId === membership.mySlotId) ?? null}
        ></nk-member-card-form>
      </section>
      ${this.isOwner ? this.renderInvite() : this.renderLeave(membership)}
      ${this.isOwner ? this.renderHistory(membership) : nothing}
    `;
  }

  private renderRequests() {
    if (this.requests.length === 0) return nothing;
    return html`<section aria-labelledby="requests-heading">
      <h2 id="requests-heading">${msg('Wil meedoen', { id: 'members.requests' })}</h2>
      ${this.requests.map((request) => {
        const choice = this.choices[request.requestId] ?? { role: 'professional', detail: false };
        const set = (next: Partial<typeof choice>) =>
          (this.choices = { ...this.choices, [request.requestId]: { ...choice, ...next } });
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
                  ${
                    role === 'borger'
                      ? msg('borger (jij vraagt het, de ander zegt ja)', {
                          id: 'members.roleBorgerAsk',
                        })
                      : role === 'owner'
                        ? msg('tweede ouder (beheert de kaart met jou)', {
                            id: 'members.roleSecondOwner',
                          })
                        : roleLabel(role)
                  }
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
          <div class="actions">
            <button
              type="button"
              ?disabled=${this.busy}
              @click=${() => this.onApprove(request, choice)}
            >
              ${msg('Toelaten', { id: 'members.approve' })}
            </button>
            <button
              type="button"
              class="danger"
              ?disabled=${this.busy}
              @click=${() => this.onDecline(request)}
            >
              ${msg('Niet toelaten', { id: 'members.decline' })}
            </button>
          </div>
        </div>`;
      })}
    </section>`;
  }

  private trustedSlot(): string | null {
    const slots = new Set(this.membership?.members.map((m) => m.slotId) ?? []);
    return this.document?.base.entries.find((e) => e.trusted && slots.has(e.id))?.id ?? null;
  }

  private renderMember(member: MemberView, membership: MembershipView) {
    const card = this.cards.find((c) => c.slotId === member.slotId);
    const mine = member.slotId === membership.mySlotId;
    const trusted = this.trustedSlot() === member.slotId;
    const borgerAccepted = member.role === 'borger' && saysBorger(card);
    const borgerProposed = member.role === 'borger' && !saysBorger(card);
    const borgerAsked = member.role !== 'borger' && member.role !== 'owner' && saysBorger(card);
    const seesDetail = member.sections.includes('detail');
    return html`<li class="card" data-testid="member" data-slot=${member.slotId}>
      <h3>${member.name}${mine ? html` (${msg('jij', { id: 'members.you' })})` : nothing}</h3>
      <p>${[member.profession, member.organisation].filter(Boolean).join(' · ')}</p>
      <p>
        ${member.role === 'borger' ? nothing : html`<span class="badge">${roleLabel(member.role)}</span>`}
        ${
          trusted
            ? html`<span class="badge" data-testid="trusted-mark"
                >★ ${msg('vertrouwde persoon', { id: 'members.trusted' })}</span
              >`
            : nothing
        }
        ${
          borgerAccepted
            ? html`<span class="badge" data-testid="borger-mark"
                >${msg('borger', { id: 'members.roleBorger' })}</span
              >`
            : nothing
        }
        ${
          borgerProposed
            ? html`<span class="badge"
                >${msg('gevraagd als borger, wacht op ja', { id: 'members.borgerProposed' })}</span
              >`
            : nothing
        }
        ${
          borgerAsked
            ? html`<span class="badge"
                >${msg('wil graag borger zijn', { id: 'members.borgerAsked' })}</span
              >`
            : nothing
        }
      </p>
      <p>
        ${msg(str`Ziet: ${member.sections.map(sectionLabel).join(', ')}`, { id: 'members.sees' })}
      </p>
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
      ${card?.card.suggestions?.length ? this.renderSuggestions(member, card.card.suggestions) : nothing}
      ${
        mine && borgerProposed
          ? html`<p>
                ${msg('De ouder vraagt of jij haar borger wilt zijn.', { id: 'members.borgerQuestion' })}
              </p>
              <div class="actions">
                <button
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.onBorgerAnswer(true)}
                >
                  ${msg('Ja, ik word borger', { id: 'members.borgerYes' })}
                </button>
              </div>`
          : nothing
      }
      ${
        mine && borgerAccepted
          ? html`<div class="actions">
              <button
                type="button"
                class="secondary"
                ?disabled=${this.busy}
                @click=${() => this.onBorgerAnswer(false)}
              >
                ${msg('Stoppen als borger', { id: 'members.borgerStopSelf' })}
              </button>
            </div>`
          : nothing
      }
      ${
        mine && !this.isOwner && member.role !== 'borger' && !saysBorger(card)
          ? html`<div class="actions">
              <button
                type="button"
                class="secondary"
                ?disabled=${this.busy}
                @click=${() => this.onBorgerAnswer(true)}
              >
                ${msg('Vraag om borger te worden', { id: 'members.borgerAsk' })}
              </button>
            </div>`
          : nothing
      }
      ${this.isOwner && !mine ? this.renderOwnerActions(member, { trusted, seesDetail, borgerAsked }) : nothing}
    </li>`;
  }

  /** Warm handover: whom this member suggests; the parent can invite them (the name stays here). */
  private renderSuggestions(member: MemberView, suggestions: readonly SuggestionView[]) {
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
                this.isOwner
                  ? html`<div class="actions">
                      <button
                        type="button"
                        class="secondary"
                        @click=${() => this.onInviteSuggested(s.name)}
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

  private async onInviteSuggested(name: string): Promise<void> {
    this.inviteFor = name;
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#invite-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  private renderOwnerActions(
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
              ?disabled=${this.busy}
              @click=${() => this.onTrusted(member)}
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
                ?disabled=${this.busy}
                @click=${() => this.onDetail(member, !state.seesDetail)}
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
                      ?disabled=${this.busy}
                      @click=${() => this.onRole(member, false)}
                    >
                      ${msg('Stoppen als borger', { id: 'members.borgerEnd' })}
                    </button>`
                  : html`<button
                      type="button"
                      class="secondary"
                      ?disabled=${this.busy}
                      @click=${() => this.onRole(member, true)}
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
        this.confirmRemove === member.slotId
          ? html`<p>
                ${msg(str`${name} kan daarna niets nieuws meer zien. Wat ze al zag, houdt ze.`, { id: 'members.removeWarn' })}
              </p>
              <button
                type="button"
                class="danger"
                ?disabled=${this.busy}
                @click=${() => this.onRemove(member)}
              >
                ${msg(str`Ja, haal ${name} van de kaart`, { id: 'members.removeConfirm' })}
              </button>
              <button type="button" class="quiet" @click=${() => (this.confirmRemove = '')}>
                ${msg('Annuleren', { id: 'members.cancel' })}
              </button>`
          : html`<button
              type="button"
              class="danger"
              ?disabled=${this.busy}
              @click=${() => (this.confirmRemove = member.slotId)}
            >
              ${msg('Van de kaart halen', { id: 'members.remove' })}
            </button>`
      }
    </div>`;
  }

  private renderInvite() {
    return html`<section aria-labelledby="invite-heading">
      <h2 id="invite-heading" tabindex="-1">
        ${msg('Iemand uitnodigen', { id: 'members.invite' })}
      </h2>
      <p class="hint">
        ${msg('Niemand komt op je kaart zonder jouw ja.', { id: 'members.inviteHint' })}
      </p>
      <nk-invite-panel .mapId=${this.mapId} .forName=${this.inviteFor}></nk-invite-panel>
      ${
        this.invites.length > 0
          ? html`<h3>${msg('Open uitnodigingen', { id: 'members.openInvites' })}</h3>
              <ul>
                ${this.invites.map(
                  (invite) =>
                    html`<li>
                      ${msg(str`Geldig tot ${new Date(invite.expiresAt).toLocaleString()}`, { id: 'members.validUntil' })}
                      <button
                        type="button"
                        class="quiet"
                        @click=${() => this.onWithdraw(invite.inviteId)}
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

  private renderLeave(membership: MembershipView) {
    const me = membership.members.find((m) => m.slotId === membership.mySlotId);
    if (me === undefined) return nothing;
    return html`<section aria-labelledby="leave-heading">
      <h2 id="leave-heading">${msg('Stoppen', { id: 'members.leaveHeading' })}</h2>
      <p>
        ${msg('Wil je niet meer op deze kaart? Dan stop je. De ouder ziet dat.', { id: 'members.leaveHint' })}
      </p>
      <button type="button" class="danger" ?disabled=${this.busy} @click=${this.onLeave}>
        ${msg('Stoppen met deze kaart', { id: 'members.leave' })}
      </button>
    </section>`;
  }

  private renderHistory(membership: MembershipView) {
    const people = new Map<string, MemberView>();
    for (const m of [...membership.former, ...membership.members]) people.set(m.slotId, m);
    const lines = historyLines(membership.history, people, this.access, membership.mySlotId);
    return html`<section aria-labelledby="history-heading">
      <h2 id="history-heading">${msg('Wie kwam erbij, en wie keek', { id: 'members.history' })}</h2>
      <ol class="history" data-testid="history">
        ${lines.map((line) => html`<li>${line.text}</li>`)}
      </ol>
    </section>`;
  }

  // Actions

  private async act(action: () => Promise<void>, done?: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await action();
      await this.reload();
      if (done) this.store.value.announce(done);
    } catch (error) {
      this.error = describeError(error);
      await this.reload();
    } finally {
      this.busy = false;
    }
  }

  /** Retries once after a log or version conflict (someone else wrote first), with fresh state. */
  private async withRetry(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'log_conflict' || error.code === 'version_conflict')
      ) {
        await this.load();
        await run();
      } else {
        throw error;
      }
    }
  }

  private onApprove(request: PendingRequest, choice: { role: MemberRoleView; detail: boolean }) {
    const name = request.profile.name;
    return this.act(
      () =>
        this.withRetry(async () => {
          const store = this.store.value;
          const body = await store.crypto.call('approveJoin', {
            mapId: this.mapId,
            inviteId: request.inviteId,
            joiner: {
              signPublicKey: request.signPublicKey,
              boxPublicKey: request.boxPublicKey,
              profile: request.profile,
            },
            role: choice.role,
            detail: choice.detail,
          });
          await invitesApi.approve(this.mapId, this.capability, request.requestId, body);
          inviteSecrets.forget(this.mapId, request.inviteId);
          this.requests = this.requests.filter((r) => r.requestId !== request.requestId);
        }),
      msg(str`${name} doet nu mee.`, { id: 'members.approved' }),
    );
  }

  private onDecline(request: PendingRequest) {
    return this.act(async () => {
      await invitesApi.decline(this.mapId, this.capability, request.requestId);
      inviteSecrets.forget(this.mapId, request.inviteId);
      this.requests = this.requests.filter((r) => r.requestId !== request.requestId);
    });
  }

  private onWithdraw(inviteId: string) {
    return this.act(async () => {
      await invitesApi.withdrawInvite(this.mapId, this.capability, inviteId);
      inviteSecrets.forget(this.mapId, inviteId);
    });
  }

  private onDetail(member: MemberView, on: boolean) {
    return this.act(() =>
      this.withRetry(async () => {
        const store = this.store.value;
        if (on) {
          const update = await store.crypto.call('updateMember', {
            mapId: this.mapId,
            slotId: member.slotId,
            sections: ['base', 'detail'],
          });
          await membershipApi.updateSlot(this.mapId, this.capability, member.slotId, update);
        } else {
          // Taking a part away is a re-key: the old keys open nothing new.
          await this.rotate([], [{ slotId: member.slotId, sections: ['base'] }]);
        }
      }),
    );
  }

  private onRole(member: MemberView, borger: boolean) {
    const back: MemberRoleView =
      member.profession !== '' && PROFESSIONS.slice(0, 31).includes(member.profession)
        ? 'professional'
        : member.role === 'borger'
          ? 'informal'
          : member.role;
    return this.act(() =>
      this.withRetry(async () => {
        const update = await this.store.value.crypto.call('updateMember', {
          mapId: this.mapId,
          slotId: member.slotId,
          role: borger ? 'borger' : back,
        });
        await membershipApi.updateSlot(this.mapId, this.capability, member.slotId, update);
      }),
    );
  }

  private async rotate(
    removeSlotIds: string[],
    narrow: { slotId: string; sections: ('base' | 'detail' | 'private')[] }[],
  ): Promise<void> {
    const document = this.document;
    if (document === null) return;
    const store = this.store.value;
    const body = await store.crypto.call('rotate', {
      mapId: this.mapId,
      removeSlotIds,
      narrow,
      document,
      version: this.version,
    });
    await membershipApi.remove(this.mapId, this.capability, body);
  }

  private onRemove(member: MemberView) {
    this.confirmRemove = '';
    const name = member.name;
    return this.act(
      () => this.withRetry(() => this.rotate([member.slotId], [])),
      msg(str`${name} staat niet meer op je kaart.`, { id: 'members.removed' }),
    );
  }

  /** Marks one member as the trusted person: the entry with the member's slot id on the map. */
  private onTrusted(member: MemberView) {
    return this.act(
      async () => {
        const store = this.store.value;
        store.closeMap(this.mapId);
        const session = await store.openMap(this.mapId);
        await session.save((doc) => {
          const entries: BaseEntry[] = doc.base.entries.map((e) => ({ ...e, trusted: false }));
          const existing = entries.find((e) => e.id === member.slotId);
          if (existing !== undefined) existing.trusted = true;
          else
            entries.push({
              id: member.slotId,
              label: (member.profession
                ? `${member.name} — ${member.profession}`
                : member.name
              ).slice(0, 80),
              category: categoryOf(member),
              ring: 2,
              support: [],
              supportNote: '',
              phases: [],
              active: true,
              trusted: true,
            });
          return { ...doc, base: { ...doc.base, entries } };
        });
      },
      msg(str`${member.name} is je vertrouwde persoon.`, { id: 'members.trustedDone' }),
    );
  }

  /** The member's yes (or stop) to being the borger: said on their own card. */
  private onBorgerAnswer(yes: boolean) {
    return this.act(async () => {
      const membership = this.membership;
      if (membership === null) return;
      const me = membership.members.find((m) => m.slotId === membership.mySlotId);
      const card = this.cards.find((c) => c.slotId === membership.mySlotId);
      const base = card?.card ?? {
        whatIDo: '',
        howToReach: '',
        when: '',
        role: me?.profession ?? '',
        name: me?.name ?? '',
        organisation: me?.organisation ?? '',
      };
      const role = yes
        ? `borger${me?.profession ? ` (${me.profession})` : ''}`
        : (me?.profession ?? '');
      const store = this.store.value;
      const version = (card?.cardVersion ?? 0) + 1;
      const { body } = await store.crypto.call('sealCard', {
        mapId: this.mapId,
        card: { ...base, role: role.slice(0, 120) },
        cardVersion: version,
      });
      await membershipApi.putCard(this.mapId, this.capability, version - 1, body);
    });
  }

  private onLeave = (): Promise<void> =>
    this.act(async () => {
      const store = this.store.value;
      await membershipApi.leave(this.mapId, this.capability);
      this.abort?.abort();
      await store.commitKeyring(await store.crypto.call('forgetMap', { mapId: this.mapId }));
      store.closeMap(this.mapId);
      store.router.navigate(paths.maps);
    });

  private readonly onInvitesChanged = (): void => {
    void this.reloadInvites();
  };

  private readonly onCardSaved = (): void => {
    void this.reload();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-members': NkMembers;
  }
}
