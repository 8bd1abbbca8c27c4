import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { JoinProfileView } from '../membership/types.js';
import { approveRequest, makeInvite, waitForRequest } from '../membership/flows/invite.js';
import type { JoinRequestView, MadeInvite } from '../membership/flows/invite.js';
import { askToJoin, openInvite, waitForAnswer } from '../membership/flows/join.js';
import type { SentRequest } from '../membership/flows/join.js';
import {
  renderApprove,
  renderDeclined,
  renderDone,
  renderIntro,
  renderName,
  renderProfessional,
  togetherStyles,
  who,
  type ApproveScreen,
} from './screens.js';
import { startTemporarySession, type TemporarySession } from './temporary-session.js';
import { storeContext } from '../shell/context.js';
import { BusyController } from '../ui/busy.js';
import { emit } from '../ui/events.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import '../account/nk-login.js';
import '../editor/nk-map-editor.js';
import '../account/nk-recovery-sheet.js';
import '../account/nk-register.js';
import './nk-hand-back.js';

/** An invite at the table lives as long as a conversation. */
const INVITE_MS = 60 * 60 * 1000;
/** Both sessions are on this device: request and answer are there at once (a few tries for safety). */
const AT_ONCE = { tries: 30, ms: 1000 };

type Step =
  | 'intro'
  | 'register'
  | 'login'
  | 'recovery'
  | 'name'
  | 'fill'
  | 'professional'
  | 'approve'
  | 'handback'
  | 'done'
  | 'declined';

/** Where the room leads once the professional's passphrase is right. */
type After = 'done' | 'declined' | 'maps';

/**
 * "Samen aan tafel": a professional and a parent make the parent's map together on the
 * professional's device. The parent works in a temporary session of her own (own worker, own API
 * client, no refresh cookie); the professional's session asks to join with the invite secret held
 * in memory; the parent approves after the safety code; then her session ends on this device.
 *
 * This element consumes the professional's store (StoreController) and provides the parent's store
 * to the screens it reuses (register, recovery sheet, login, map editor) through the same context.
 */
@customElement('nk-together')
@localized()
export class NkTogether extends LitElement {
  static override styles = [sharedStyles, togetherStyles];

  /** The professional's store (from <nk-app>). */
  private readonly store = new StoreController(this);
  /** The parent's store, for the screens rendered inside this element. */
  private readonly seat = new ContextProvider(this, { context: storeContext });
  private readonly actions = new BusyController(this);

  @state() private step: Step = 'intro';
  @state() private mapTitle = '';
  @state() private profile: JoinProfileView = {
    name: '',
    profession: '',
    organisation: '',
    contact: '',
    availability: '',
  };
  @state() private detail = false;
  @state() private nameError = '';
  @state() private view: JoinRequestView | null = null;
  @state() private mapId = '';
  /** What follows the hand-back. */
  private afterHandBack: After = 'maps';

  private session: TemporarySession | null = null;
  /** The invite's secret is held in memory only, and dropped when the flow ends. */
  private invite: MadeInvite | null = null;
  private request: (SentRequest & { safetyCode: string }) | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the screen halfway: the parent is signed out all the same.
    void this.endParent();
  }

  /** The professional's router: held on this screen from the hand-over until her passphrase. */
  private get router() {
    return this.store.value.router;
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    if (!changed.has('step') || changed.get('step') === undefined) return;
    emit(this, 'nk-screen-changed');
    await this.updateComplete;
    const own = this.renderRoot.querySelector<HTMLElement>('h1');
    if (own !== null) {
      own.focus();
      return;
    }
    const inner = this.renderRoot.querySelector('.seat > *');
    if (inner instanceof LitElement) await inner.updateComplete;
    inner?.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    return html`${this.renderStep()}
    ${this.actions.error ? html`<p class="error" role="alert">${this.actions.error}</p>` : nothing}
    ${
      this.step !== 'done' &&
      this.step !== 'declined' &&
      this.step !== 'intro' &&
      this.step !== 'handback'
        ? html`<div class="stop">
            <button
              type="button"
              class="secondary"
              ?disabled=${this.actions.busy}
              @click=${this.onStop}
            >
              ${msg('Stoppen en de ouder uitloggen', { id: 'together.stop' })}
            </button>
          </div>`
        : nothing
    }`;
  }

  private renderStep() {
    switch (this.step) {
      case 'intro':
        return renderIntro(this.onBegin);
      case 'register':
        return this.parentSeat(html`<nk-register></nk-register>`);
      case 'login':
        return this.parentSeat(html`<nk-login></nk-login>`);
      case 'recovery':
        return this.parentSeat(html`<nk-recovery-sheet shared></nk-recovery-sheet>`);
      case 'name':
        return renderName({
          title: this.mapTitle,
          busy: this.actions.busy,
          setTitle: (title) => (this.mapTitle = title),
          onSubmit: (event) => void this.onCreateMap(event),
        });
      case 'fill':
        return this.renderFill();
      case 'professional':
        return this.renderProfessional();
      case 'approve':
        return renderApprove(this.approveScreen());
      case 'handback':
        return html`<nk-hand-back
          .store=${this.store.value}
          .opened=${this.onHandedBack}
        ></nk-hand-back>`;
      case 'done':
        return renderDone(this.mapId);
      case 'declined':
        return renderDeclined();
    }
  }

  /** A screen of the parent's session: her store is what the screens inside see. */
  private parentSeat(content: unknown) {
    return html`${who(true)}
      <div class="seat" @click=${this.onSeatClick}>${content}</div>`;
  }

  private renderFill() {
    return html`${who(true)}
      <p class="lead narrow">
        ${msg(
          'Vul samen de kaart in: wie staat er om je heen? Dat kan nu, of later op je eigen telefoon.',
          { id: 'together.fillLead' },
        )}
      </p>
      <div class="buttons">
        <button type="button" @click=${this.onFilled}>
          ${msg('Klaar met invullen', { id: 'together.filled' })}
        </button>
      </div>
      <div class="seat" @click=${this.onSeatClick}>
        <nk-map-editor .mapId=${this.mapId}></nk-map-editor>
      </div>`;
  }

  private renderProfessional() {
    return renderProfessional({
      profile: this.profile,
      nameError: this.nameError,
      busy: this.actions.busy,
      setProfile: (profile) => (this.profile = profile),
      onSubmit: (event) => void this.onAsk(event),
    });
  }

  private approveScreen(): ApproveScreen {
    return {
      view: this.view,
      request: this.request,
      busy: this.actions.busy,
      detail: this.detail,
      setDetail: (detail) => (this.detail = detail),
      onApprove: () => void this.onApprove(),
      onDecline: () => void this.onDecline(),
    };
  }

  // The parent's session

  private readonly onBegin = (): void => {
    this.actions.clear();
    const session = startTemporarySession();
    session.router.addEventListener('go', this.onParentGo);
    session.store.addEventListener('announce', this.onParentAnnounce);
    this.session = session;
    this.seat.setValue(session.store);
    // The room closes: no header, link, back button or typed path leads to her account now.
    this.router.lock(paths.together);
    this.step = 'register';
  };

  /** Her passphrase was right: the room opens again. */
  private readonly onHandedBack = (): void => {
    this.router.unlock();
    if (this.afterHandBack === 'maps') this.router.navigate(paths.maps);
    else this.step = this.afterHandBack;
  };

  /** The parent's part is over: she is signed out, and the professional proves it is her. */
  private async handBack(after: After): Promise<void> {
    await this.endParent();
    this.afterHandBack = after;
    this.step = 'handback';
  }

  /** Where the reused screens of the parent's session want to go next. */
  private readonly onParentGo = (event: Event): void => {
    const path =
      event instanceof CustomEvent && typeof event.detail === 'string' ? event.detail : '';
    const parent = this.session?.store;
    if (parent === undefined) return;
    if (path === paths.recovery && parent.state.recovery !== null) this.step = 'recovery';
    else if (path === paths.login) this.step = 'login';
    else if (parent.signedIn && this.mapId === '') this.step = 'name';
    else if (parent.signedIn && this.step === 'fill') this.onFilled();
  };

  private readonly onParentAnnounce = (event: Event): void => {
    if (event instanceof CustomEvent && typeof event.detail === 'string')
      this.store.value.announce(event.detail);
  };

  /** Links inside the parent's screens must not move the professional's app: handled here. */
  private readonly onSeatClick = (event: MouseEvent): void => {
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (anchor === undefined || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || (url.hash !== '' && url.pathname === location.pathname))
      return;
    event.preventDefault();
    if (url.pathname === paths.login && this.step === 'register') this.step = 'login';
    else if (url.pathname === paths.register && this.step === 'login') this.step = 'register';
    else
      this.store.value.announce(
        msg('Dat kan nu niet. Op je eigen telefoon kan het wel.', { id: 'together.notHere' }),
      );
  };

  private async onCreateMap(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const parent = this.session?.store;
    if (this.actions.busy || parent === undefined) return;
    const title = this.mapTitle.trim() || msg('Mijn netwerk', { id: 'maps.defaultTitle' });
    await this.actions.run(async () => {
      const map = await parent.createMap(title);
      this.mapId = map.mapId;
      this.step = 'fill';
    });
  }

  private onFilled(): void {
    this.step = 'professional';
  }

  // The professional's request and the parent's answer

  private async onAsk(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const parent = this.session?.store;
    if (this.actions.busy || parent === undefined) return;
    const profile: JoinProfileView = {
      name: this.profile.name.trim(),
      profession: this.profile.profession.trim(),
      organisation: this.profile.organisation.trim(),
      contact: '',
      availability: '',
    };
    this.nameError = '';
    if (profile.name === '') {
      this.nameError = msg('Vul je naam in.', { id: 'join.needName' });
      this.renderRoot.querySelector<HTMLInputElement>('#p-name')?.focus();
      return;
    }
    await this.actions.run(async () => {
      this.invite ??= await makeInvite(parent, this.mapId, 'link', Date.now() + INVITE_MS);
      const professional = this.store.value;
      const opened = await openInvite(professional, this.invite.secret);
      const sent = await askToJoin(professional, opened, profile);
      this.request = { ...opened, inviteId: sent.inviteId, safetyCode: sent.safetyCode };
      this.view = await waitForRequest(parent, this.invite, AT_ONCE);
      this.step = 'approve';
    });
  }

  private async onApprove(): Promise<void> {
    const parent = this.session?.store;
    const invite = this.invite;
    const view = this.view;
    const request = this.request;
    if (
      this.actions.busy ||
      parent === undefined ||
      invite === null ||
      view === null ||
      request === null
    )
      return;
    await this.actions.run(async () => {
      await approveRequest(parent, invite.mapId, view, {
        role: 'professional',
        detail: this.detail,
      });
      await waitForAnswer(this.store.value, request, AT_ONCE);
      await this.handBack('done');
    });
  }

  private async onDecline(): Promise<void> {
    await this.actions.run(() => this.handBack('declined'));
  }

  private readonly onStop = async (): Promise<void> => {
    await this.actions.run(() => this.handBack('maps'));
  };

  /** Signs the parent out, stops her worker and forgets everything of hers held here. */
  private async endParent(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.invite = null;
    this.view = null;
    this.mapTitle = '';
    if (session === null) return;
    // The screens inside no longer see her store.
    this.seat.setValue(this.store.value);
    session.router.removeEventListener('go', this.onParentGo);
    session.store.removeEventListener('announce', this.onParentAnnounce);
    await session.end();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-together': NkTogether;
  }
}
