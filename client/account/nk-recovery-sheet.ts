import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { formatDate } from '../ui/format.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

/**
 * The recovery sheet, shown once after registering: the recovery code with Print and
 * "save as file", and a checkbox the person ticks before going on.
 */
@customElement('nk-recovery-sheet')
@localized()
export class NkRecoverySheet extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .sheet {
        margin: 1.5rem 0;
        border: 2px dashed var(--nk-primary);
      }

      .sheet h2 {
        margin-bottom: 0.25rem;
      }

      .code {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
        font-size: 1.2rem;
        letter-spacing: 0.05em;
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.9rem;
        margin: 1rem 0;
        padding: 0.9rem;
        background: var(--nk-surface-soft);
        border-radius: var(--nk-radius-small);
        word-break: break-all;
      }

      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 1rem;
        margin: 0 0 1rem;
      }

      dt {
        font-weight: 600;
      }

      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }

      .confirm {
        margin-top: 1.5rem;
        padding: 1rem;
        background: var(--nk-accent-soft);
        border-radius: var(--nk-radius);
      }

      .replaced {
        margin: 1rem 0;
        padding: 1rem;
        border-inline-start: 4px solid var(--nk-primary);
        background: var(--nk-surface-soft);
        border-radius: var(--nk-radius-small);
      }

      .replaced p {
        margin: 0.25rem 0;
      }

      @media print {
        :host {
          color: #000;
        }

        .sheet {
          margin: 0;
          box-shadow: none;
          border: 2px dashed #000;
        }

        .code {
          background: #fff;
          border: 1px solid #000;
          font-size: 14pt;
        }
      }
    `,
  ];

  private readonly store = new StoreController(this);

  /** On someone else's device (Samen aan tafel): print or write it down, never a file left behind. */
  @property({ type: Boolean }) shared = false;

  @query('#saved') private savedCheckbox!: HTMLInputElement;

  @state() private saved = false;
  @state() private showNeedsTick = false;

  /** When the sheet was made, for the printed date. */
  private readonly createdAt = new Date();

  override render() {
    const recovery = this.store.value.state.recovery;
    if (recovery === null) {
      return html`
        <h1 tabindex="-1">${msg('Je herstelcode', { id: 'recovery.heading' })}</h1>
        <p>
          ${msg('Er is hier geen herstelcode meer te zien. Die laten we maar één keer zien.', {
            id: 'recovery.gone',
          })}
        </p>
        <a class="button" href=${paths.maps}
          >${msg('Naar mijn kaarten', { id: 'recovery.toMaps' })}</a
        >
      `;
    }
    return html`
      <h1 class="no-print" tabindex="-1">${msg('Je herstelcode', { id: 'recovery.heading' })}</h1>
      ${recovery.replaced === true ? this.renderReplaced() : nothing}
      <p class="lead no-print">
        ${msg(
          'Ben je je wachtwoordzin vergeten? Dan kom je met deze code weer bij je kaarten. Niemand anders kan dat voor je doen, ook wij niet.',
          { id: 'recovery.lead' },
        )}
      </p>

      <section class="sheet card" aria-labelledby="sheet-title">
        <h2 id="sheet-title">${msg('Netwerkkaart: herstelcode', { id: 'recovery.sheetTitle' })}</h2>
        <dl>
          <dt>${msg('Gebruikersnaam', { id: 'recovery.username' })}</dt>
          <dd>${recovery.username}</dd>
          <dt>${msg('Gemaakt op', { id: 'recovery.date' })}</dt>
          <dd>${formatDate(this.createdAt)}</dd>
        </dl>
        <p class="code" data-testid="recovery-code">
          ${this.groups(recovery.code).map((group) => html`<span>${group}</span>`)}
        </p>
        <p>
          ${msg(
            'Bewaar dit papier op een veilige plek, bijvoorbeeld bij je paspoort. Deel de code met niemand.',
            { id: 'recovery.keepSafe' },
          )}
        </p>
      </section>

      ${
        this.shared
          ? html`<p class="no-print" data-testid="recovery-shared">
              ${msg(
                'Schrijf de code over op papier, of print hem. Dit apparaat is niet van jou: bewaar de code er niet op.',
                { id: 'recovery.sharedDevice' },
              )}
            </p>`
          : nothing
      }
      <div class="buttons no-print">
        <button type="button" class="secondary" @click=${this.onPrint}>
          ${msg('Printen', { id: 'recovery.print' })}
        </button>
        ${
          this.shared
            ? nothing
            : html`<button
                type="button"
                class="secondary"
                @click=${() => this.onDownload(recovery.code, recovery.username)}
              >
                ${msg('Opslaan als bestand', { id: 'recovery.download' })}
              </button>`
        }
      </div>

      <div class="confirm no-print">
        <label class="choice">
          <input
            id="saved"
            type="checkbox"
            .checked=${this.saved}
            aria-describedby=${this.showNeedsTick ? 'needs-tick' : nothing}
            @change=${this.onTick}
          />
          <span>${msg('Ik heb mijn herstelcode bewaard', { id: 'recovery.confirm' })}</span>
        </label>
        ${
          this.showNeedsTick
            ? html`<p class="field-error" id="needs-tick" role="alert">
                ${msg('Bewaar eerst je herstelcode en zet dan een vinkje.', {
                  id: 'recovery.needsTick',
                })}
              </p>`
            : nothing
        }
        <div class="buttons">
          <button type="button" @click=${this.onContinue}>
            ${msg('Verder', { id: 'recovery.continue' })}
          </button>
        </div>
      </div>
    `;
  }

  /** After a recovery: the new passphrase is set, and this code replaces the one she used. */
  private renderReplaced() {
    return html`<div class="replaced no-print" data-testid="recovery-replaced">
      <p>
        <strong
          >${msg('Je nieuwe wachtwoordzin is opgeslagen.', { id: 'recovery.replacedSaved' })}</strong
        >
      </p>
      <p>
        ${msg(
          'Hieronder staat je nieuwe herstelcode. Je oude herstelcode werkt niet meer. Gooi het oude papier weg en bewaar dit nieuwe.',
          { id: 'recovery.replacedCode' },
        )}
      </p>
      <p>
        ${msg('Op je andere apparaten log je opnieuw in, met je nieuwe wachtwoordzin.', {
          id: 'recovery.replacedDevices',
        })}
      </p>
    </div>`;
  }

  /** The code in groups of four, however the crypto layer spaced it. */
  private groups(code: string): string[] {
    const compact = code.replace(/[\s-]+/g, '');
    return compact.match(/.{1,4}/g) ?? [compact];
  }

  private onTick(event: Event): void {
    this.saved = event.target instanceof HTMLInputElement && event.target.checked;
    if (this.saved) this.showNeedsTick = false;
  }

  private onPrint(): void {
    window.print();
  }

  private onDownload(code: string, username: string): void {
    if (this.shared) return;
    const text = [
      msg('Netwerkkaart: herstelcode', { id: 'recovery.sheetTitle' }),
      '',
      `${msg('Gebruikersnaam', { id: 'recovery.username' })}: ${username}`,
      `${msg('Herstelcode', { id: 'recovery.codeLabel' })}: ${this.groups(code).join(' ')}`,
      `${msg('Gemaakt op', { id: 'recovery.date' })}: ${formatDate(this.createdAt)}`,
      '',
      msg(
        'Ben je je wachtwoordzin vergeten? Dan kom je met deze code weer bij je kaarten. Niemand anders kan dat voor je doen, ook wij niet.',
        { id: 'recovery.lead' },
      ),
      msg(
        'Bewaar dit papier op een veilige plek, bijvoorbeeld bij je paspoort. Deel de code met niemand.',
        { id: 'recovery.keepSafe' },
      ),
      '',
    ].join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = msg(str`netwerkkaart-herstelcode-${username}.txt`, { id: 'recovery.fileName' });
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Give the download a moment to start before the URL is revoked.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.store.value.announce(msg('Het bestand is opgeslagen.', { id: 'recovery.downloaded' }));
  }

  private onContinue(): void {
    if (!this.saved) {
      this.showNeedsTick = true;
      this.savedCheckbox.focus();
      return;
    }
    // Leave first, so this screen does not flash its "code is gone" text.
    this.store.value.router.navigate(
      this.store.value.signedIn ? this.store.value.takeReturnTo(paths.maps) : paths.login,
    );
    this.store.value.recoverySaved();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-recovery-sheet': NkRecoverySheet;
  }
}
