import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { TrustedOverview } from '../../shared/api/trusted-recovery.js';
import * as trusted from '../api/trusted-recovery.js';
import { BusyController } from '../ui/busy.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

// rarely on its own: screen changes and coming back to the app ask too
const POLL_MS = 5 * 60_000;

/**
 * On every screen of every device where she is signed in: a helper started to help her back in,
 * and she can stop it (decision 0026). Asked at sign-in, on every screen change, when the app comes
 * back into view, and every five minutes.
 */
@customElement('nk-trusted-banner')
@localized()
export class NkTrustedBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .banner {
        border: 2px solid var(--nk-danger, #a4262c);
        border-radius: 0.5rem;
        padding: 0.75rem 1rem;
        margin: 0 0 1rem;
        background: var(--nk-surface, #fff);
      }
      .banner p {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);
  private readonly action = new BusyController(this);
  @state() private started: TrustedOverview['helpers'] = [];
  @state() private stopped = '';
  private timer: ReturnType<typeof setInterval> | undefined;
  private signedInAs: string | null = null;

  // every move to another screen asks too, so the notice is there as soon as she looks
  private readonly onRoute = (): void => void this.load();
  private readonly onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => void this.load(), POLL_MS);
    this.store.value.router.addEventListener('change', this.onRoute);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.store.value.router.removeEventListener('change', this.onRoute);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  override willUpdate(): void {
    const username = this.store.value.state.username;
    if (username !== this.signedInAs) {
      this.signedInAs = username;
      this.started = [];
      this.stopped = '';
      if (username !== null) void this.load();
    }
  }

  private async load(): Promise<void> {
    if (this.store.value.state.username === null) return;
    try {
      const { helpers } = await trusted.overview(this.store.value.api);
      this.started = helpers.filter((helper) => helper.startedAt !== null);
    } catch {
      // the next round asks again
    }
  }

  override render() {
    if (this.started.length === 0 && this.stopped === '') return nothing;
    return html`${this.started.map(
        (helper) =>
          html`<div class="banner" role="alert">
            <p>
              ${msg(
                str`${helper.helperUsername} is gestart met jou helpen weer binnen te komen. Was jij dat niet? Stop het.`,
                { id: 'trustedBanner.started' },
              )}
            </p>
            <button
              class="danger"
              type="button"
              ?disabled=${this.action.busy}
              @click=${() => this.stop(helper.helperId, helper.helperUsername)}
            >
              ${msg('Stop het', { id: 'trustedBanner.stop' })}
            </button>
          </div>`,
      )}
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
      <p class="status" role="status">${this.stopped}</p>`;
  }

  private async stop(helperId: string, name: string): Promise<void> {
    const ok = await this.action.run(() => trusted.stopRecovery(this.store.value.api, helperId));
    if (!ok) return;
    this.started = this.started.filter((helper) => helper.helperId !== helperId);
    this.stopped = msg(str`Gestopt. ${name} kan je nu niet binnenlaten.`, {
      id: 'trustedBanner.stopped',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-trusted-banner': NkTrustedBanner;
  }
}
