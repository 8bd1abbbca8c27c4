import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { ApiClient } from '../api/transport.js';
import { CryptoClient } from '../crypto/crypto-client.js';
import { storeContext } from './context.js';
import { Router, parsePath, paths, type Route } from './router.js';
import { AppStore } from './store.js';
import './nk-language-picker.js';
import '../account/nk-login.js';
import '../editor/nk-map-editor.js';
import '../membership/nk-members.js';
import '../membership/nk-join.js';
import '../maps/nk-map-list.js';
import './nk-not-found.js';
import '../print/nk-print-screen.js';
import '../account/nk-recovery-sheet.js';
import '../account/nk-register.js';
import '../account/nk-welcome.js';
import '../maps/nk-backup-import.js';
import '../directory/nk-professional-profile.js';
import '../together/nk-together.js';
import '../account/nk-recover.js';
import '../account/nk-account.js';
import '../account/nk-passphrase-change.js';
import '../account/nk-account-delete.js';
import '../trusted-recovery/nk-trusted-helpers.js';
import '../trusted-recovery/nk-trusted-helping.js';
import '../trusted-recovery/nk-trusted-handover.js';
import '../trusted-recovery/nk-trusted-banner.js';
import '../account/nk-account-settings.js';
import { forgetPlace } from '../directory/place.js';
import { resumeOnDevice } from '../device/stay-unlocked.js';

/** Pages a new tab on her own device may open again: her maps and what belongs to one. */
const PLACES: ReadonlySet<Route['name']> = new Set(['maps', 'map', 'members', 'print']);

/** How long a status message stays on screen, in ms. */
const ANNOUNCE_MS = 6000;

/**
 * The app shell: header with language picker and sign-out, the router outlet, and one
 * aria-live region for short status messages. Provides the AppStore to every screen.
 */
@customElement('nk-app')
@localized()
export class NkApp extends LitElement {
  // Light DOM: the skip link, landmarks and `#main` live in the document itself, so fragment links,
  // landmarks and assistive technology work without shadow-root tricks. Its CSS is in styles/global.css.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly router = new Router();
  private readonly store = new AppStore(new ApiClient(), new CryptoClient(), this.router);
  // Registers the context provider on this element; the field keeps it alive.
  private readonly provider = new ContextProvider(this, {
    context: storeContext,
    initialValue: this.store,
  });

  @state() private route: Route = this.router.route;
  @state() private announcement = '';
  /** Until her own device has tried to open her kept session, no screen decides who she is. */
  @state() private starting = true;

  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** True in the task that announced: a message sent just before a navigation belongs to the new screen. */
  private announcedNow = false;
  private navigated = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.router.addEventListener('change', this.onRouteChange);
    this.router.addEventListener('lock', this.onLock);
    this.store.addEventListener('change', this.onStoreChange);
    this.store.addEventListener('announce', this.onAnnounce);
    this.addEventListener('nk-locale-changed', this.onLocaleChanged);
    this.addEventListener('nk-screen-changed', this.onScreenChanged);
    this.router.start();
    void this.startUp();
  }

  /** Her own device opens where she was, without the passphrase (decision 0024); others show login. */
  private async startUp(): Promise<void> {
    const outcome = await resumeOnDevice(this.store).catch(() => ({ kind: 'none' }) as const);
    this.starting = false;
    const route = this.router.route.name;
    if (outcome.kind === 'resumed' && (route === 'welcome' || route === 'login')) {
      const place = outcome.place !== null ? parsePath(outcome.place) : null;
      const back = place !== null && PLACES.has(place.name) ? outcome.place : null;
      this.router.navigate(back ?? paths.maps, { replace: true });
      return;
    }
    this.applyGuards();
    if (outcome.kind === 'refused') {
      if (this.router.route.name !== 'login') this.router.navigate(paths.login);
      // the login screen says so in a status line of its own
      this.store.sessionEnded = true;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.router.removeEventListener('change', this.onRouteChange);
    this.router.removeEventListener('lock', this.onLock);
    this.store.removeEventListener('change', this.onStoreChange);
    this.store.removeEventListener('announce', this.onAnnounce);
    this.removeEventListener('nk-locale-changed', this.onLocaleChanged);
    this.removeEventListener('nk-screen-changed', this.onScreenChanged);
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    if (!changed.has('route') && !changed.has('starting')) return;
    const heading = await this.syncTitle();
    // On the first page the browser's own focus is right; after a navigation, start at the heading.
    if (this.navigated && heading !== null) heading.focus();
  }

  /** Sets the document title from the screen's heading, once the screen has rendered. */
  private async syncTitle(): Promise<HTMLElement | null> {
    const screen = this.renderRoot.querySelector('main > *');
    if (screen instanceof LitElement) await screen.updateComplete;
    const heading = screen?.shadowRoot?.querySelector('h1') ?? null;
    const text = heading?.textContent?.trim() ?? '';
    document.title = text ? `${text} · Netwerkkaart` : 'Netwerkkaart';
    return heading;
  }

  override render() {
    const signedIn = this.store.signedIn;
    // Samen aan tafel: while the parent holds the device, nothing here leads to the professional's account.
    const closed = this.router.locked !== null;
    return html`
      <header>
        <a class="skip" href="#main">${msg('Naar de inhoud', { id: 'app.skip' })}</a>
        <div class="bar">
          ${
            closed
              ? html`<span class="brand">${this.renderLogo()}<span>Netwerkkaart</span></span>`
              : html`<a class="brand" href=${signedIn ? paths.maps : paths.welcome}>
                  ${this.renderLogo()}
                  <span>Netwerkkaart</span>
                </a>`
          }
          ${
            signedIn && !closed
              ? html`<nav aria-label=${msg('Menu', { id: 'app.menu' })}>
                  <a
                    href=${paths.maps}
                    aria-current=${this.route.name === 'maps' ? 'page' : nothing}
                  >
                    ${msg('Mijn kaarten', { id: 'app.maps' })}
                  </a>
                  <a
                    href=${paths.account}
                    aria-current=${this.route.name === 'account' ? 'page' : nothing}
                  >
                    ${msg('Account', { id: 'app.account' })}
                  </a>
                  <button type="button" @click=${this.onLogout}>
                    ${msg('Uitloggen', { id: 'app.logout' })}
                  </button>
                </nav>`
              : nothing
          }
          <nk-language-picker></nk-language-picker>
        </div>
      </header>
      <main id="main" tabindex="-1" class=${this.wide() ? 'wide' : ''}>
        ${
          this.store.signedIn && this.router.locked === null
            ? html`<nk-trusted-banner></nk-trusted-banner>`
            : nothing
        }${this.renderScreen()}
      </main>
      <footer>
        <p>
          ${msg(
            'Wat op een kaart staat, is op slot. Alleen wie meedoet op die kaart kan het lezen. De server en wij kunnen dat niet.',
            { id: 'app.footerWho' },
          )}
        </p>
        <p class="announce" role="status" aria-live="polite">
          ${this.announcement ? html`<span>${this.announcement}</span>` : nothing}
        </p>
      </footer>
    `;
  }

  private renderScreen() {
    if (this.starting) {
      return html`<p role="status">${msg('Even geduld.', { id: 'device.starting' })}</p>`;
    }
    switch (this.route.name) {
      case 'welcome':
        return html`<nk-welcome></nk-welcome>`;
      case 'register':
        return html`<nk-register></nk-register>`;
      case 'recovery':
        return html`<nk-recovery-sheet></nk-recovery-sheet>`;
      case 'login':
        return html`<nk-login></nk-login>`;
      case 'maps':
        return html`<nk-map-list></nk-map-list>`;
      case 'map':
        return html`<nk-map-editor .mapId=${this.route.mapId}></nk-map-editor>`;
      case 'members':
        return html`<nk-members .mapId=${this.route.mapId}></nk-members>`;
      case 'join':
        return html`<nk-join></nk-join>`;
      case 'print':
        return html`<nk-print-screen
          sheet=${this.route.sheet}
          .mapId=${this.route.mapId}
          .moment=${this.route.moment}
        ></nk-print-screen>`;
      case 'print-blank':
        return html`<nk-print-screen sheet="blank"></nk-print-screen>`;
      case 'restore':
        return html`<nk-backup-import></nk-backup-import>`;
      case 'profile':
        return html`<nk-professional-profile></nk-professional-profile>`;
      case 'together':
        return html`<nk-together></nk-together>`;
      case 'recover':
        return html`<nk-recover></nk-recover>`;
      case 'account':
        return html`<nk-account></nk-account>`;
      case 'account-passphrase':
        return html`<nk-passphrase-change></nk-passphrase-change>`;
      case 'account-delete':
        return html`<nk-account-delete></nk-account-delete>`;
      case 'settings':
        return html`<nk-account-settings></nk-account-settings>`;
      case 'account-helpers':
        return html`<nk-trusted-helpers></nk-trusted-helpers>`;
      case 'helping':
        return html`<nk-trusted-helping></nk-trusted-helping>`;
      case 'trusted-handover':
        return html`<nk-trusted-handover></nk-trusted-handover>`;
      case 'not-found':
        return html`<nk-not-found></nk-not-found>`;
    }
  }

  /** The map and its print previews use the width of a tablet or desktop screen. */
  private wide(): boolean {
    const name = this.route.name;
    return name === 'map' || name === 'print' || name === 'print-blank';
  }

  private renderLogo() {
    return html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14" fill="none" stroke="#1d6b64" stroke-width="2" />
      <circle cx="16" cy="16" r="8.5" fill="none" stroke="#1d6b64" stroke-width="2" />
      <circle cx="16" cy="16" r="3.5" fill="#d9825b" />
    </svg>`;
  }

  /** Sends people to the right screen for their state (signed in or not). */
  private applyGuards(): void {
    if (this.starting) return;
    const route = this.router.route;
    const signedIn = this.store.signedIn;
    if (
      (route.name === 'maps' ||
        route.name === 'map' ||
        route.name === 'members' ||
        route.name === 'print' ||
        route.name === 'restore' ||
        route.name === 'profile' ||
        route.name === 'together' ||
        route.name === 'account' ||
        route.name === 'account-passphrase' ||
        route.name === 'account-delete' ||
        route.name === 'settings' ||
        route.name === 'account-helpers' ||
        route.name === 'helping') &&
      !signedIn
    ) {
      this.store.returnTo =
        route.name === 'map'
          ? paths.map(route.mapId)
          : route.name === 'members'
            ? paths.members(route.mapId)
            : route.name === 'print'
              ? paths.print(route.mapId, route.sheet)
              : null;
      this.router.navigate(paths.login, { replace: true });
    } else if (
      (route.name === 'profile' || route.name === 'together') &&
      !this.store.state.professional &&
      this.router.locked === null
    ) {
      // features for professionals only, also when typed: Instellingen is where she can choose them
      this.router.navigate(paths.settings, { replace: true });
    } else if (route.name === 'recovery' && this.store.state.recovery === null) {
      this.router.navigate(signedIn ? paths.maps : paths.welcome, { replace: true });
    } else if (
      (route.name === 'login' || route.name === 'register' || route.name === 'welcome') &&
      signedIn
    ) {
      this.router.navigate(paths.maps, { replace: true });
    } else {
      this.route = route;
      if (signedIn && PLACES.has(route.name)) this.store.device.place(location.pathname);
    }
  }

  private readonly onRouteChange = (): void => {
    this.navigated = true;
    this.onScreenChanged();
    this.applyGuards();
  };

  /** A message belongs to the screen it was said on: another screen clears it. */
  private readonly onScreenChanged = (): void => {
    if (this.announcedNow) return;
    clearTimeout(this.announceTimer);
    this.announcement = '';
  };

  private readonly onLocaleChanged = (): void => {
    void this.syncTitle();
  };

  private readonly onStoreChange = (): void => {
    // Signed out while the room is closed (her session ended): open it, and ask for her passphrase.
    if (this.router.locked !== null && !this.store.signedIn) {
      this.router.unlock();
      this.router.navigate(paths.login);
    }
    this.requestUpdate();
  };

  private readonly onLock = (): void => {
    if (this.store.signedIn) this.store.device.hold(this.router.locked !== null);
    this.requestUpdate();
  };

  private readonly onAnnounce = (event: Event): void => {
    if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
    clearTimeout(this.announceTimer);
    this.announcement = event.detail;
    this.announceTimer = setTimeout(() => (this.announcement = ''), ANNOUNCE_MS);
    this.announcedNow = true;
    setTimeout(() => (this.announcedNow = false), 0);
  };

  private async onLogout(): Promise<void> {
    await this.store.logout();
    forgetPlace();
    this.router.navigate(paths.welcome);
    this.store.announce(msg('Je bent uitgelogd.', { id: 'app.loggedOut' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-app': NkApp;
  }
}
