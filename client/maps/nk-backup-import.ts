import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { BackupErrorCode } from '../../shared/export/backup.js';
import type { MapDocument } from '../../shared/map/types.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

/** Bigger files are no backup of a map (500 entries of text stay far below this). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

function backupProblem(code: BackupErrorCode): string {
  switch (code) {
    case 'wrong-passphrase':
      return msg('Deze wachtwoordzin past niet bij de back-up. Probeer het opnieuw.', {
        id: 'restore.wrongPassphrase',
      });
    case 'not-a-backup':
      return msg('Dit bestand is geen back-up van een netwerkkaart.', { id: 'restore.notBackup' });
    case 'truncated':
    case 'tampered':
    case 'malformed':
      return msg('Dit bestand is beschadigd of veranderd. We kunnen het niet openen.', {
        id: 'restore.damaged',
      });
  }
}

/**
 * "Kaart terugzetten uit back-up": opens a backup file on this device with its passphrase
 * (Argon2id in the worker) and makes a NEW map with its content. The old map is not touched.
 */
@customElement('nk-backup-import')
@localized()
export class NkBackupImport extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 34rem;
      }

      input[type='file'] {
        font: inherit;
        padding: 0.5rem 0;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @state() private file: File | null = null;
  @state() private passphrase = '';
  private readonly action = new BusyController(this);

  override render() {
    return html`
      <a class="back" href=${paths.maps}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Mijn kaarten', { id: 'editor.back' })}</a
      >
      <h1 tabindex="-1">${msg('Kaart terugzetten uit back-up', { id: 'restore.heading' })}</h1>
      <p class="lead">
        ${msg(
          'Kies je back-upbestand en vul de wachtwoordzin van de back-up in. We maken er een nieuwe kaart van. Je andere kaarten blijven zoals ze zijn.',
          { id: 'restore.lead' },
        )}
      </p>
      <form @submit=${this.onSubmit}>
        <div class="field">
          <label for="rs-file">${msg('Back-upbestand', { id: 'restore.file' })}</label>
          <input
            id="rs-file"
            type="file"
            accept=".nkbackup,application/octet-stream"
            @change=${(event: Event) =>
              (this.file = (event.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <div class="field">
          <label for="rs-pass"
            >${msg('Wachtwoordzin van de back-up', { id: 'restore.passphrase' })}</label
          >
          <input
            id="rs-pass"
            type="password"
            autocomplete="off"
            .value=${this.passphrase}
            @input=${(event: Event) => (this.passphrase = (event.target as HTMLInputElement).value)}
          />
        </div>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${
              this.action.busy
                ? msg('Even geduld…', { id: 'export.busy' })
                : msg('Terugzetten als nieuwe kaart', { id: 'restore.submit' })
            }
          </button>
        </div>
      </form>
      <p class="hint">
        ${msg(
          'Het bestand wordt op dit apparaat geopend. De server ziet alleen de nieuwe kaart, op slot.',
          {
            id: 'restore.privacy',
          },
        )}
      </p>
    `;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.action.busy) return;
    this.action.clear();
    const file = this.file;
    if (file === null) {
      this.action.fail(msg('Kies eerst een back-upbestand.', { id: 'restore.noFile' }));
      return;
    }
    if (this.passphrase === '') {
      this.action.fail(
        msg('Vul de wachtwoordzin van de back-up in.', { id: 'restore.noPassphrase' }),
      );
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      this.action.fail(
        msg('Dit bestand is geen back-up van een netwerkkaart.', { id: 'restore.notBackup' }),
      );
      return;
    }
    await this.action.run(async () => {
      const store = this.store.value;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const opened = await store.crypto.call('importBackup', {
        file: bytes,
        passphrase: this.passphrase,
      });
      if ('error' in opened) {
        this.action.fail(backupProblem(opened.error));
        return;
      }
      const document: MapDocument = opened.document;
      const map = await store.createMap(document.base.title);
      const session = await store.openMap(map.mapId);
      await session.save((fresh) => ({
        base: { ...document.base, title: fresh.base.title },
        ...(fresh.detail !== undefined ? { detail: document.detail ?? fresh.detail } : {}),
        ...(fresh.private !== undefined ? { private: document.private ?? fresh.private } : {}),
      }));
      this.passphrase = '';
      store.announce(msg('Je kaart is teruggezet.', { id: 'restore.done' }));
      store.router.navigate(paths.map(map.mapId));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-backup-import': NkBackupImport;
  }
}
