import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/transport.js';
import { askToJoin, collectAnswer, openInvite } from './flows/join.js';
import { describeJoinFailure, isDamagedSecret } from './flows/join-failure.js';
import { loadPending, savePending, type PendingJoin } from './flows/pending-join.js';
import { PROFESSION_WORDS } from '../../shared/map/taxonomy.js';
import type { JoinProfileView } from './types.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { keepProfile, savedProfile } from '../day/profile.js';
import { renderJoinIntro } from '../day/join-intro.js';
import { joinStyles } from './join-styles.js';

/**
 * The waiting screen asks for the answer and the server holds the question up to LIVE_WAIT_S
 * (it answers within a second of the parent's approval); then it asks again. Two rate-limited
 * requests a round (challenge and answer). After a network failure it waits POLL_MS first.
 */
const LIVE_WAIT_S = 25;
const POLL_MS = 6000;

type Step = 'code' | 'account' | 'loading' | 'profile' | 'waiting' | 'declined' | 'done' | 'failed';

/**
 * "Doe mee": someone invited by the parent opens the link (secret in the #fragment) or types the
 * short code, signs in or makes an account, fills in who they are, and waits for the parent's
 * approval. Both screens show the same safety code.
 */
@customElement('nk-join')
@localized()
export class NkJoin extends LitElement {
  static override styles = [sharedStyles, joinStyles];

  private readonly store = new StoreController(this);
  private readonly actions = new BusyController(this);

  @state() private step: Step = 'loading';
  @state() private pending: PendingJoin | null = null;
  /** Why the join cannot go on (the 'failed' step). */
  @state() private failure = '';
  /** The link itself is damaged: typing the code is the way on. */
  @state() private broken = false;
  @state() private nameError = '';
  @state() private greeting = '';
  /** Whose map it is (the parent's centre name in the invite), '' when the invite has none. */
  @state() private centreName = '';
  /** The form holds her saved profile: she checks it instead of typing it again. */
  @state() private reused = false;
  @state() private code = '';
  @state() private profile: JoinProfileView = {
    name: '',
    profession: '',
    organisation: '',
    contact: '',
    availability: '',
  };

  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.onHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    clearTimeout(this.pollTimer);
  }

  /** Takes the secret from the #fragment (on load, or a link opened while this page is open). */
  private readonly onHash = (): void => {
    const fragment = location.hash.slice(1);
    if (fragment !== '') {
      // Take the secret out of the address bar at once (history, screenshots, shoulder surfing).
      history.replaceState(null, '', paths.join);
      const old = loadPending();
      savePending(old?.secret === fragment ? old : { secret: fragment });
    } else if (this.pending !== null) {
      return;
    }
    this.failure = '';
    this.actions.clear();
    this.pending = loadPending();
    void this.start();
  };

  private async start(): Promise<void> {
    const store = this.store.value;
    if (this.pending === null) {
      this.step = 'code';
      return;
    }
    // A damaged link is told at once, before anyone makes an account for nothing.
    if (this.pending.inviteId === undefined && (await this.damaged(this.pending.secret))) return;
    if (!store.signedIn) {
      store.returnTo = paths.join;
      this.step = 'account';
      return;
    }
    if (this.pending.requestId !== undefined) {
      this.step = 'waiting';
      this.poll();
      return;
    }
    this.step = 'loading';
    try {
      const opened = await openInvite(store, this.pending.secret);
      if (opened.expiresAt < Date.now()) throw new ApiError(410, 'invite_expired', 'expired');
      const { secret, inviteId, sealedInfo } = opened;
      this.pending = { secret, inviteId, sealedInfo };
      savePending(this.pending);
      this.greeting = opened.greeting;
      this.centreName = opened.centreName;
      const saved = await savedProfile(store);
      if (saved !== null) [this.profile, this.reused] = [saved, true];
      this.step = 'profile';
    } catch (error) {
      this.fail(error);
    }
  }

  /** True (and the screen says what to do) when `secret` is neither a link's secret nor a code. */
  private async damaged(secret: string): Promise<boolean> {
    try {
      await this.store.value.crypto.call('inviteIdOf', { secret });
      return false;
    } catch (error) {
      if (!isDamagedSecret(error)) return false;
      this.fail(error);
      return true;
    }
  }

  private readonly onTypeCode = (): void => {
    this.broken = false;
    this.failure = '';
    this.pending = null;
    this.step = 'code';
  };

  private fail(error: unknown): void {
    this.step = 'failed';
    this.failure = describeJoinFailure(error);
    this.broken = isDamagedSecret(error);
    savePending(null);
  }

  override render() {
    return html`<h1 tabindex="-1">${msg('Meedoen op een kaart', { id: 'join.heading' })}</h1>
      ${this.renderStep()}`;
  }

  private renderStep() {
    switch (this.step) {
      case 'loading':
        return html`<p role="status">${msg('Even geduld…', { id: 'join.loading' })}</p>`;
      case 'code':
        return this.renderCode();
      case 'account':
        return html`<p class="lead">
            ${msg(
              'Je bent uitgenodigd om mee te doen op de netwerkkaart van een ouder. Log eerst in, of maak een account.',
              { id: 'join.accountLead' },
            )}
          </p>
          <div class="buttons">
            <a class="button" href=${paths.register}
              >${msg('Account maken', { id: 'join.register' })}</a
            >
            <a class="button secondary" href=${paths.login}
              >${msg('Inloggen', { id: 'join.login' })}</a
            >
          </div>`;
      case 'profile':
        return this.renderProfile();
      case 'waiting':
        return html`<p>${msg('Je vraag is verstuurd.', { id: 'join.sent' })}</p>
          <h2>${msg('Veiligheidscode', { id: 'join.codeHeading' })}</h2>
          <p class="code" data-testid="safety-code">${this.pending?.safetyCode ?? ''}</p>
          <p>
            ${msg(
              'De ouder ziet dezelfde code. Vergelijk de code samen, aan tafel of door de telefoon.',
              { id: 'join.compare' },
            )}
          </p>
          <p role="status">${msg('Wacht tot de ouder je toelaat.', { id: 'join.wait' })}</p>`;
      case 'declined':
        return html`<p role="alert">
          ${msg('De ouder heeft je vraag niet goedgekeurd.', { id: 'join.declined' })}
        </p>`;
      case 'done':
        return html`<p role="status">${msg('Je doet mee.', { id: 'join.done' })}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${this.failure}</p>
          ${
            this.broken
              ? html`<div class="buttons">
                  <button type="button" @click=${this.onTypeCode}>
                    ${msg('Code typen', { id: 'join.typeCode' })}
                  </button>
                </div>`
              : nothing
          }
          <p><a href=${paths.maps}>${msg('Naar mijn kaarten', { id: 'join.toMaps' })}</a></p>`;
    }
  }

  private renderCode() {
    return html`<p class="lead">
        ${msg('Typ de code die je van de ouder kreeg.', { id: 'join.codeLead' })}
      </p>
      <form novalidate @submit=${this.onCode}>
        <div class="field">
          <label for="invite-code">${msg('Code', { id: 'join.codeLabel' })}</label>
          <input
            type="text"
            id="invite-code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            .value=${this.code}
            @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
          />
        </div>
        ${this.actions.error ? html`<p class="error" role="alert">${this.actions.error}</p>` : nothing}
        <div class="buttons">
          <button type="submit">${msg('Verder', { id: 'join.next' })}</button>
        </div>
      </form>`;
  }

  private renderProfile() {
    const field = (
      id: keyof JoinProfileView,
      label: string,
      options: { list?: string; hint?: string; multiline?: boolean } = {},
    ) =>
      html`<div class="field">
        <label for=${`join-${id}`}>${label}</label>
        ${options.hint ? html`<p class="hint" id=${`join-${id}-hint`}>${options.hint}</p>` : nothing}
        <input
          type="text"
          id=${`join-${id}`}
          list=${options.list ?? nothing}
          aria-describedby=${
            id === 'name' ? 'join-name-error' : options.hint ? `join-${id}-hint` : nothing
          }
          aria-invalid=${id === 'name' && this.nameError ? 'true' : 'false'}
          .value=${this.profile[id]}
          @input=${(e: Event) =>
            (this.profile = { ...this.profile, [id]: (e.target as HTMLInputElement).value })}
        />
        ${
          id === 'name'
            ? html`<p class="field-error" id="join-name-error" aria-live="assertive">
                ${this.nameError}
              </p>`
            : nothing
        }
      </div>`;
    return html`${
        this.greeting
          ? html`<p class="greeting">
              ${msg(str`De ouder schrijft: ${this.greeting}`, { id: 'join.greeting' })}
            </p>`
          : nothing
      }
      ${renderJoinIntro(this.centreName, this.reused)}
      <p class="lead">
        ${msg(
          'Vertel de ouder wie je bent. Alleen de ouder en de leden van de kaart kunnen dit lezen.',
          { id: 'join.profileLead' },
        )}
      </p>
      <form novalidate @submit=${this.onSend}>
        ${field('name', msg('Je naam', { id: 'join.name' }))}
        ${field('profession', msg('Je beroep of rol', { id: 'join.profession' }), {
          list: 'professions',
          hint: msg('Kies uit de lijst of typ zelf.', { id: 'join.professionHint' }),
        })}
        <datalist id="professions">
          ${PROFESSION_WORDS.map((p) => html`<option value=${p}></option>`)}
        </datalist>
        ${field('organisation', msg('Organisatie', { id: 'join.organisation' }))}
        ${field('contact', msg('Hoe kan de ouder je bereiken?', { id: 'join.contact' }))}
        ${field('availability', msg('Wanneer ben je bereikbaar?', { id: 'join.availability' }))}
        ${this.actions.error ? html`<p class="error" role="alert">${this.actions.error}</p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${this.actions.busy}>
            ${msg('Vraag om mee te doen', { id: 'join.send' })}
          </button>
        </div>
      </form>`;
  }

  private onCode(event: SubmitEvent): void {
    event.preventDefault();
    const code = this.code.trim();
    if (code === '') {
      this.actions.fail(msg('Typ de code.', { id: 'join.needCode' }));
      return;
    }
    this.actions.clear();
    this.pending = { secret: code };
    savePending(this.pending);
    void this.start();
  }

  private async onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const pending = this.pending;
    if (this.actions.busy || pending?.sealedInfo === undefined || pending.inviteId === undefined)
      return;
    const profile: JoinProfileView = {
      name: this.profile.name.trim(),
      profession: this.profile.profession.trim(),
      organisation: this.profile.organisation.trim(),
      contact: this.profile.contact.trim(),
      availability: this.profile.availability.trim(),
    };
    this.nameError = '';
    if (profile.name === '') {
      // Said at once (live region) and again when the field gets focus (described by it).
      this.nameError = msg('Vul je naam in.', { id: 'join.needName' });
      this.renderRoot.querySelector<HTMLInputElement>('#join-name')?.focus();
      return;
    }
    const invite = { secret: pending.secret, sealedInfo: pending.sealedInfo };
    await this.actions.run(
      async () => {
        // kept for the next family; stored with the keyring once the answer comes, not now
        await keepProfile(this.store.value, profile, { commit: false });
        const sent = await askToJoin(this.store.value, invite, profile);
        this.pending = { ...pending, requestId: sent.requestId, safetyCode: sent.safetyCode };
        savePending(this.pending);
        this.step = 'waiting';
        this.poll(0);
      },
      (error) => this.fail(error),
    );
  }

  private poll(delay = POLL_MS): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.collect(), delay);
  }

  /** Asks for the parent's answer with a fresh proof of the invite secret. */
  private async collect(): Promise<void> {
    const pending = this.pending;
    if (!this.isConnected || pending?.inviteId === undefined || pending.sealedInfo === undefined)
      return;
    const store = this.store.value;
    try {
      const request = {
        secret: pending.secret,
        inviteId: pending.inviteId,
        sealedInfo: pending.sealedInfo,
      };
      const mapId = await collectAnswer(store, request, LIVE_WAIT_S);
      if (mapId === null) {
        this.poll(250);
        return;
      }
      savePending(null);
      this.step = 'done';
      store.announce(msg('De ouder heeft je toegelaten.', { id: 'join.approved' }));
      store.router.navigate(paths.map(mapId));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'request_declined') {
        savePending(null);
        this.step = 'declined';
      } else if (error instanceof ApiError && error.status === 429) {
        this.poll(POLL_MS * 5);
      } else if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) {
        this.poll();
      } else {
        this.fail(error);
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-join': NkJoin;
  }
}
