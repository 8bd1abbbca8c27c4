import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { makeInvite } from './flows/invite.js';
import { qrPath } from './qr.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { emit } from '../ui/events.js';

const HOUR = 60 * 60 * 1000;

/** Expiry choices: at the table an hour is enough; a link may wait up to a week. */
const EXPIRIES = [
  { id: '1h', ms: HOUR },
  { id: '1d', ms: 24 * HOUR },
  { id: '7d', ms: 7 * 24 * HOUR - 60_000 },
] as const;

interface Created {
  kind: 'link' | 'code';
  secret: string;
  link: string;
  expiresAt: number;
  /** The reminder name shown when it was made (never sent). */
  forName: string;
}

/**
 * The parent makes an invite: a link (for WhatsApp or e-mail), a QR code to scan, or a short code
 * to type. The secret is only in the link's #fragment, the QR code and the code: never sent.
 */
@customElement('nk-invite-panel')
@localized()
export class NkInvitePanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .qr {
        width: 12rem;
        height: 12rem;
        background: #fff;
        display: block;
        margin: 0.5rem 0;
      }
      .code {
        font-size: 2rem;
        font-weight: 700;
        letter-spacing: 0.12em;
        font-variant-numeric: tabular-nums;
      }
      input[readonly] {
        width: 100%;
      }
    `,
  ];

  @property() mapId = '';
  /** Prefilled from a warm-handover suggestion: who the invite is for. */
  @property() forName = '';

  private readonly store = new StoreController(this);
  private readonly actions = new BusyController(this);

  @state() private kind: 'link' | 'code' = 'link';
  @state() private expiry: (typeof EXPIRIES)[number]['id'] = '7d';
  @state() private created: Created | null = null;
  @state() private copied = false;

  override render() {
    return html`
      ${
        this.forName
          ? html`<p class="hint" data-testid="invite-for">
              ${msg(
                str`Je nodigt ${this.forName} uit. De naam is alleen een geheugensteun voor jou: die staat niet in de uitnodiging.`,
                { id: 'invite.forHint' },
              )}
            </p>`
          : nothing
      }
      <form novalidate @submit=${this.onCreate}>
        <fieldset>
          <legend>${msg('Hoe wil je iemand uitnodigen?', { id: 'invite.kindLegend' })}</legend>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="link"
              .checked=${this.kind === 'link'}
              @change=${() => this.setKind('link')}
            />
            ${msg('Met een link (WhatsApp of e-mail)', { id: 'invite.kindLink' })}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="code"
              .checked=${this.kind === 'code'}
              @change=${() => this.setKind('code')}
            />
            ${msg('Aan tafel: QR-code of code om te typen', { id: 'invite.kindCode' })}
          </label>
        </fieldset>
        <div class="field">
          <label for="invite-expiry">${msg('Hoe lang geldig?', { id: 'invite.expiry' })}</label>
          <select
            id="invite-expiry"
            .value=${this.expiry}
            @change=${(e: Event) =>
              (this.expiry = (e.target as HTMLSelectElement).value as typeof this.expiry)}
          >
            <option value="1h" ?selected=${this.expiry === '1h'}>
              ${msg('1 uur', { id: 'invite.1h' })}
            </option>
            <option value="1d" ?selected=${this.expiry === '1d'}>
              ${msg('1 dag', { id: 'invite.1d' })}
            </option>
            <option value="7d" ?selected=${this.expiry === '7d'}>
              ${msg('7 dagen', { id: 'invite.7d' })}
            </option>
          </select>
        </div>
        ${this.actions.error ? html`<p class="error" role="alert">${this.actions.error}</p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${this.actions.busy}>
            ${msg('Uitnodiging maken', { id: 'invite.create' })}
          </button>
        </div>
      </form>
      ${this.created ? this.renderCreated(this.created) : nothing}
    `;
  }

  private renderCreated(created: Created) {
    const qr = qrPath(created.link);
    return html`<div class="card" data-testid="invite-created">
      ${
        created.forName
          ? html`<p>${msg(str`Uitnodiging voor ${created.forName}`, { id: 'invite.for' })}</p>`
          : nothing
      }
      ${
        created.kind === 'link'
          ? html`<div class="field">
                <label for="invite-link"
                  >${msg('Link om te versturen', { id: 'invite.link' })}</label
                >
                <input
                  type="text"
                  id="invite-link"
                  readonly
                  .value=${created.link}
                  data-testid="invite-link"
                />
              </div>
              <div class="buttons">
                <button type="button" @click=${this.onCopy}>
                  ${msg('Kopieer de link', { id: 'invite.copy' })}
                </button>
                ${
                  'share' in navigator
                    ? html`<button type="button" class="secondary" @click=${this.onShare}>
                        ${msg('Delen', { id: 'invite.share' })}
                      </button>`
                    : nothing
                }
              </div>
              <p role="status">
                ${this.copied ? msg('Gekopieerd.', { id: 'invite.copied' }) : ''}
              </p>`
          : html`<p>
                ${msg('Code om te typen op', { id: 'invite.codeAt' })}
                <strong>${location.host}${paths.join}</strong>:
              </p>
              <p class="code" data-testid="invite-code">${created.secret}</p>`
      }
      <p>${msg('Of laat deze QR-code scannen:', { id: 'invite.qr' })}</p>
      <svg
        class="qr"
        viewBox="0 0 ${qr.size} ${qr.size}"
        role="img"
        aria-label=${msg('QR-code van de uitnodiging', { id: 'invite.qrLabel' })}
      >
        ${svg`<rect width=${qr.size} height=${qr.size} fill="#fff"></rect><path d=${qr.d} fill="#000"></path>`}
      </svg>
      <p class="hint">
        ${msg('De uitnodiging werkt één keer. Jij ziet daarna wie wil meedoen, en jij beslist.', {
          id: 'invite.once',
        })}
      </p>
    </div>`;
  }

  private setKind(kind: 'link' | 'code'): void {
    this.kind = kind;
    this.expiry = kind === 'link' ? '7d' : '1h';
  }

  private async onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.actions.busy) return;
    this.copied = false;
    await this.actions.run(async () => {
      const ms = EXPIRIES.find((e) => e.id === this.expiry)?.ms ?? HOUR;
      const made = await makeInvite(this.store.value, this.mapId, this.kind, Date.now() + ms);
      this.created = {
        kind: this.kind,
        secret: made.secret,
        link: `${location.origin}${paths.join}#${made.secret}`,
        expiresAt: made.expiresAt,
        forName: this.forName,
      };
      emit(this, 'nk-invites-changed');
    });
  }

  private async onCopy(): Promise<void> {
    if (this.created === null) return;
    try {
      await navigator.clipboard.writeText(this.created.link);
      this.copied = true;
    } catch {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#invite-link');
      input?.select();
    }
  }

  private async onShare(): Promise<void> {
    if (this.created === null) return;
    try {
      await navigator.share({
        title: 'Netwerkkaart',
        text: msg('Doe mee op mijn netwerkkaart:', { id: 'invite.shareText' }),
        url: this.created.link,
      });
    } catch {
      // Cancelled: nothing to do.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-invite-panel': NkInvitePanel;
  }
}
