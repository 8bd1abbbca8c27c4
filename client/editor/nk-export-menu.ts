import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { MapDocument } from '../../shared/map/types.js';
import { download, today } from '../ui/download.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { menuStyles } from '../ui/menu-styles.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

/** A passphrase for a backup: long enough to hold against guessing (Argon2id slows each guess). */
const MIN_PASSPHRASE = 10;

/**
 * "Opslaan als bestand": exports made on this device (FHIR CareTeam, vCard, the map as JSON, an
 * encrypted backup). Files are made here and saved here; nothing readable goes to the server.
 */
@customElement('nk-export-menu')
@localized()
export class NkExportMenu extends LitElement {
  static override styles = [
    sharedStyles,
    menuStyles,
    css`
      .panel {
        margin: 0.5rem 0 0;
        padding: 0.75rem;
        background: var(--nk-surface);
        border: 1px solid var(--nk-border);
        border-radius: var(--nk-radius);
        box-shadow: var(--nk-shadow);
        width: min(26rem, 90vw);
      }

      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }

      li button,
      li a {
        width: 100%;
        justify-content: flex-start;
        text-align: start;
        flex-direction: column;
        align-items: flex-start;
        border-radius: var(--nk-radius-small);
      }

      li a {
        display: flex;
        padding: 0.5rem 1.1rem;
        font-weight: 600;
      }

      .sub {
        display: block;
        font-weight: 400;
        font-size: 0.92rem;
      }

      form {
        margin-top: 0.75rem;
        border-top: 1px solid var(--nk-border);
        padding-top: 0.75rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  /** The document to export, as this member sees it. */
  @property({ attribute: false }) document: MapDocument | null = null;

  @state() private backupOpen = false;
  private readonly action = new BusyController(this);
  @state() private passphrase = '';
  @state() private repeat = '';

  override render() {
    // A session without a cookie of its own is on someone else's device (Samen aan tafel): no files there.
    if (!this.store.value.api.remember) return nothing;
    return html`<details>
      <summary>
        <span aria-hidden="true">⤓</span>
        ${msg('Opslaan als bestand', { id: 'export.menu' })}
      </summary>
      <div class="panel">
        <p class="hint">
          ${msg(
            'Het bestand wordt op dit apparaat gemaakt en bewaard. Er gaat niets naar de server.',
            {
              id: 'export.lead',
            },
          )}
        </p>
        <ul>
          <li>
            <button
              type="button"
              class="secondary"
              ?disabled=${this.action.busy}
              @click=${this.onCareTeam}
            >
              ${msg('Zorgteam voor een zorgsysteem', { id: 'export.careTeam' })}
              <span class="sub"
                >${msg('De hulpverleners op je kaart (FHIR CareTeam, .json)', {
                  id: 'export.careTeamHint',
                })}</span
              >
            </button>
          </li>
          <li>
            <button
              type="button"
              class="secondary"
              ?disabled=${this.action.busy}
              @click=${this.onVCards}
            >
              ${msg('Contacten', { id: 'export.vcard' })}
              <span class="sub"
                >${msg('Voor je telefoon of e-mail (vCard, .vcf)', { id: 'export.vcardHint' })}</span
              >
            </button>
          </li>
          <li>
            <button
              type="button"
              class="secondary"
              ?disabled=${this.action.busy}
              @click=${this.onJson}
            >
              ${msg('De hele kaart', { id: 'export.json' })}
              <span class="sub"
                >${msg('Leesbaar bestand, niet op slot (.json)', { id: 'export.jsonHint' })}</span
              >
            </button>
          </li>
          <li>
            <button
              type="button"
              class="secondary"
              aria-expanded=${this.backupOpen ? 'true' : 'false'}
              ?disabled=${this.action.busy}
              @click=${() => (this.backupOpen = !this.backupOpen)}
            >
              ${msg('Back-up op slot', { id: 'export.backup' })}
              <span class="sub"
                >${msg('Met een wachtwoordzin. Zo kun je de kaart later terugzetten.', {
                  id: 'export.backupHint',
                })}</span
              >
            </button>
          </li>
          <li>
            <a class="button secondary" href=${paths.restore}>
              ${msg('Kaart terugzetten uit back-up', { id: 'restore.heading' })}
            </a>
          </li>
        </ul>
        ${this.backupOpen ? this.renderBackupForm() : nothing}
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
      </div>
    </details>`;
  }

  private renderBackupForm() {
    return html`<form @submit=${this.onBackup}>
      <div class="field">
        <label for="ex-pass"
          >${msg('Wachtwoordzin voor de back-up', { id: 'export.passphrase' })}</label
        >
        <input
          id="ex-pass"
          type="password"
          autocomplete="new-password"
          aria-describedby="ex-pass-hint"
          .value=${this.passphrase}
          @input=${(event: Event) => (this.passphrase = (event.target as HTMLInputElement).value)}
        />
        <p id="ex-pass-hint" class="hint">
          ${msg(
            'Kies een zin van een paar woorden. Schrijf hem op. Zonder deze zin kan niemand de back-up openen, ook wij niet.',
            { id: 'export.passphraseHint' },
          )}
        </p>
      </div>
      <div class="field">
        <label for="ex-repeat">${msg('Wachtwoordzin nog een keer', { id: 'export.repeat' })}</label>
        <input
          id="ex-repeat"
          type="password"
          autocomplete="new-password"
          .value=${this.repeat}
          @input=${(event: Event) => (this.repeat = (event.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" ?disabled=${this.action.busy}>
        ${
          this.action.busy
            ? msg('Even geduld…', { id: 'export.busy' })
            : msg('Back-up maken', { id: 'export.backupMake' })
        }
      </button>
    </form>`;
  }

  private name(kind: string, extension: string): string {
    return `netwerkkaart-${kind}-${today()}.${extension}`;
  }

  private async onCareTeam(): Promise<void> {
    const document = this.document;
    if (document === null) return;
    const { toFhirCareTeam } = await import('../../shared/export/careteam.js');
    const careTeam = toFhirCareTeam(document);
    download(
      this.name('zorgteam', 'json'),
      'application/fhir+json',
      JSON.stringify(careTeam, null, 2),
    );
    this.store.value.announce(msg('Het zorgteam is opgeslagen.', { id: 'export.careTeamDone' }));
  }

  private async onVCards(): Promise<void> {
    const document = this.document;
    if (document === null) return;
    const { toVCards } = await import('../../shared/export/vcard.js');
    const cards = toVCards(document);
    if (cards === '') {
      this.action.fail(
        msg('Er staan nog geen contactgegevens op je kaart.', { id: 'export.noContacts' }),
      );
      return;
    }
    this.action.clear();
    download(this.name('contacten', 'vcf'), 'text/vcard', cards);
    this.store.value.announce(msg('De contacten zijn opgeslagen.', { id: 'export.vcardDone' }));
  }

  private async onJson(): Promise<void> {
    const document = this.document;
    if (document === null) return;
    await this.action.run(async () => {
      const { text } = await this.store.value.crypto.call('exportMapJson', { document });
      download(this.name('kaart', 'json'), 'application/json', text);
      this.store.value.announce(msg('De kaart is opgeslagen.', { id: 'export.jsonDone' }));
    });
  }

  private async onBackup(event: Event): Promise<void> {
    event.preventDefault();
    const document = this.document;
    if (document === null) return;
    if ([...this.passphrase].length < MIN_PASSPHRASE) {
      this.action.fail(
        msg('Kies een wachtwoordzin van minstens 10 tekens.', { id: 'export.passphraseShort' }),
      );
      return;
    }
    if (this.passphrase !== this.repeat) {
      this.action.fail(
        msg('De twee wachtwoordzinnen zijn niet hetzelfde.', { id: 'export.passphraseDiffers' }),
      );
      return;
    }
    const passphrase = this.passphrase;
    await this.action.run(async () => {
      const { file } = await this.store.value.crypto.call('exportBackup', { document, passphrase });
      download(this.name('backup', 'nkbackup'), 'application/octet-stream', new Uint8Array(file));
      this.passphrase = '';
      this.repeat = '';
      this.backupOpen = false;
      this.store.value.announce(msg('De back-up is opgeslagen.', { id: 'export.backupDone' }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-export-menu': NkExportMenu;
  }
}
