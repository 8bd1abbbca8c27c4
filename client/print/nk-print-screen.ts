import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg } from '@lit/localize';
import type { MapDocument } from '../../shared/map/types.js';
import { describeError } from '../ui/errors.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { pastMoment } from './past-moment.js';
import './nk-sheet-blank.js';
import './nk-sheet-handout.js';
import './nk-sheet-map.js';

/** The three printable sheets. */
export type SheetKind = 'map' | 'handout' | 'blank';

/** Page size of each sheet: a named @page in styles/global.css. */
const PAGE: Readonly<Record<SheetKind, string>> = {
  map: 'a4-landscape',
  handout: 'a5',
  blank: 'a4-portrait',
};

/**
 * A print preview: what the paper will look like, with a Print button and a way back. Only the
 * sheet itself is printed. Everything is rendered here in the browser; nothing on the server.
 */
@customElement('nk-print-screen')
@localized()
export class NkPrintScreen extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .preview:focus-visible {
        outline: 3px solid var(--nk-focus);
        outline-offset: 2px;
      }

      .preview {
        margin-top: 1.5rem;
        overflow-x: auto;
        padding-bottom: 0.5rem;
      }

      @media print {
        .chrome {
          display: none !important;
        }

        .preview {
          margin: 0;
          overflow: visible;
          padding: 0;
        }
      }
    `,
  ];

  private readonly store = new StoreController(this);

  /** Which sheet. */
  @property() sheet: SheetKind = 'blank';
  /** The map to print (not needed for the blank sheet). */
  @property() mapId = '';
  /** A stored version to print (a moment of the timeline); the current map when absent. */
  @property({ attribute: false }) moment: number | undefined = undefined;
  /** When the printed moment was saved; null for the current map. */
  private savedAt: number | null = null;

  private readonly loadTask = new Task(this, {
    task: async ([sheet, mapId, moment]: readonly [SheetKind, string, number | undefined]) => {
      if (sheet === 'blank') return null;
      const session = await this.store.value.openMap(mapId);
      await session.refresh();
      this.savedAt = null;
      if (moment === undefined) return session.document;
      const past = await pastMoment(session, moment);
      this.savedAt = past.savedAt;
      return past.document;
    },
    args: () => [this.sheet, this.mapId, this.moment] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.dataset['print'] = PAGE[this.sheet];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    delete document.documentElement.dataset['print'];
  }

  protected override willUpdate(): void {
    document.documentElement.dataset['print'] = PAGE[this.sheet];
  }

  override render() {
    return this.loadTask.render({
      pending: () =>
        html`${this.renderChrome(false)}
          <p role="status">
            ${msg('Even geduld. We openen je kaart.', { id: 'editor.loading' })}
          </p>`,
      complete: (document) =>
        html`${this.renderChrome(true)}
          <div
            class="preview"
            role="region"
            tabindex="0"
            aria-label=${msg('Voorbeeld van het papier', { id: 'print.preview' })}
          >
            ${this.renderSheet(document)}
          </div>`,
      error: (error) =>
        html`${this.renderChrome(false)}
          <p class="error" role="alert">
            ${
              error instanceof Error && error.message === 'not-in-keyring'
                ? msg('Deze kaart staat niet bij jouw kaarten.', { id: 'editor.notInKeyring' })
                : error instanceof Error && error.message === 'moment-unreadable'
                  ? msg('Dit moment kun je niet openen.', { id: 'print.momentUnreadable' })
                  : describeError(error)
            }
          </p>`,
    });
  }

  private renderChrome(ready: boolean) {
    const title =
      this.sheet === 'map'
        ? msg('Printen: kaart met lijst', { id: 'print.mapHeading' })
        : this.sheet === 'handout'
          ? msg('Printen: overzicht om mee te nemen', { id: 'print.handoutHeading' })
          : msg('Printen: lege kaart', { id: 'print.blankHeading' });
    const lead =
      this.sheet === 'map'
        ? msg('Zo komt je kaart op papier: de ringen en wie wat doet, op één A4 liggend.', {
            id: 'print.mapLead',
          })
        : this.sheet === 'handout'
          ? msg('Een kort overzicht op A5: wie helpt je waarmee. Handig voor op de koelkast.', {
              id: 'print.handoutLead',
            })
          : msg('Lege ringen om samen op papier in te vullen. Je hebt geen account nodig.', {
              id: 'print.blankLead',
            });
    return html`<div class="chrome">
      ${
        this.sheet === 'blank'
          ? nothing
          : html`<a href=${paths.map(this.mapId)}
              ><span class="arrow" aria-hidden="true">←</span>
              ${msg('Terug naar de kaart', { id: 'print.back' })}</a
            >`
      }
      <h1 tabindex="-1">${title}</h1>
      <p class="lead">${lead}</p>
      <div class="buttons">
        <button type="button" ?disabled=${!ready} @click=${() => window.print()}>
          ${msg('Nu printen', { id: 'print.now' })}
        </button>
      </div>
    </div>`;
  }

  private renderSheet(document: MapDocument | null) {
    if (this.sheet === 'blank' || document === null) return html`<nk-sheet-blank></nk-sheet-blank>`;
    if (this.sheet === 'map') {
      return html`<nk-sheet-map .document=${document} .savedAt=${this.savedAt}></nk-sheet-map>`;
    }
    return html`<nk-sheet-handout .document=${document}></nk-sheet-handout>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-print-screen': NkPrintScreen;
  }
}
