import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { formatDateTime } from '../ui/format.js';
import { RINGS, type MapDocument } from '../../shared/map/types.js';
import { visibleEntries } from '../editor/session/view.js';
import { getLocale } from '../localization.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { sheetStyles } from './sheet-styles.js';
import { joinParts, ringName, supportShortName } from '../taxonomy/vocabulary.js';
import '../editor/picture/nk-map-legend.js';
import '../editor/picture/nk-ring-picture.js';

/** Above this many entries the printed list uses smaller type, so 60 still fit on one page. */
const DENSE = 30;

/** The A4 landscape sheet: the ring picture beside the list of who does what. */
@customElement('nk-sheet-map')
@localized()
export class NkSheetMap extends LitElement {
  static override styles = [
    sharedStyles,
    sheetStyles,
    css`
      .sheet {
        width: 297mm;
        min-height: 210mm;
        padding: 8mm;
        display: flex;
        flex-direction: column;
        gap: 2mm;
      }

      header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 4mm;
        height: 8mm;
      }

      header h2 {
        font-size: 15pt;
      }

      header .meta {
        font-size: 8pt;
      }

      .body {
        display: flex;
        gap: 5mm;
        align-items: flex-start;
      }

      nk-ring-picture {
        flex: none;
        width: 174mm;
        --nk-picture-max-height: 180mm;
        --nk-picture-print-height: 180mm;
      }

      .side {
        flex: 1;
        min-width: 0;
      }

      h3 {
        font-size: 10pt;
        margin: 0 0 1mm;
      }

      h4 {
        font-size: 8pt;
        margin: 1.5mm 0 0.5mm;
        color: #14524c;
        break-after: avoid;
      }

      .list {
        columns: 2;
        column-gap: 4mm;
        font-size: 8pt;
        line-height: 1.25;
      }

      .dense .list {
        font-size: 6.4pt;
      }

      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      li {
        break-inside: avoid;
        margin-bottom: 0.6mm;
      }

      .kinds {
        color: #4a5759;
      }

      .wishes {
        margin-top: 2mm;
        font-size: 8pt;
        border-top: 0.3mm solid #cfc8bd;
        padding-top: 1.5mm;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The map to print. */
  @property({ attribute: false }) document!: MapDocument;
  /** When the printed moment was saved (a moment of the timeline); null for the map as it is now. */
  @property({ attribute: false }) savedAt: number | null = null;

  override render() {
    const doc = this.document;
    const entries = visibleEntries(doc.base.entries, { phase: 'all', showEnded: false });
    const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long' }).format(new Date());
    const wishes = doc.private?.wishes.trim() ?? '';
    return html`<article class="sheet ${entries.length > DENSE ? 'dense' : ''}">
      <header>
        <h2>${doc.base.title}</h2>
        <p class="meta">
          Netwerkkaart ·
          ${
            this.savedAt === null
              ? date
              : msg(str`zoals op ${formatDateTime(this.savedAt)} (geprint op ${date})`, {
                  id: 'print.momentDate',
                })
          }
        </p>
      </header>
      <div class="body">
        <nk-ring-picture .entries=${entries} .centre=${doc.base.centre}></nk-ring-picture>
        <div class="side">
          <nk-map-legend compact></nk-map-legend>
          <h3>${msg('Wie helpt jou?', { id: 'editor.peopleHeading' })}</h3>
          <div class="list">
            ${RINGS.map((ring) => {
              const inRing = entries.filter((entry) => entry.ring === ring);
              if (inRing.length === 0) return nothing;
              return html`<h4>${ringName(ring)}</h4>
                <ul>
                  ${inRing.map(
                    (entry) =>
                      html`<li>
                        ${entry.trusted ? '★ ' : ''}<strong><bdi>${entry.label}</bdi></strong
                        >${
                          entry.support.length > 0
                            ? html`<span class="kinds"
                                >: ${joinParts(entry.support.map(supportShortName))}</span
                              >`
                            : nothing
                        }
                      </li>`,
                  )}
                </ul>`;
            })}
          </div>
          ${
            wishes === ''
              ? nothing
              : html`<p class="wishes">
                  <strong>${msg('Wat wil je versterken?', { id: 'wishes.heading' })}</strong>
                  ${wishes.length > 300 ? `${wishes.slice(0, 300)}…` : wishes}
                </p>`
          }
        </div>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-sheet-map': NkSheetMap;
  }
}
