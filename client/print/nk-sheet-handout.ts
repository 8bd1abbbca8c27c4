import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { SUPPORT_KINDS, type BaseEntry, type MapDocument } from '../../shared/map/types.js';
import { visibleEntries } from '../editor/session/view.js';
import { getLocale } from '../localization.js';
import { starSvg } from '../taxonomy/pictograms.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { sheetStyles } from './sheet-styles.js';
import { supportName } from '../taxonomy/vocabulary.js';

/** At most this many phone numbers and addresses on the handout (the closest people first). */
const CONTACTS = 8;
/** Above this many people the handout uses smaller type. */
const DENSE = 30;
/** The wishes are cut to this many characters on the handout. */
const WISHES = 300;

/** The A5 handout to take home: who helps with what, in short, and a few numbers. */
@customElement('nk-sheet-handout')
@localized()
export class NkSheetHandout extends LitElement {
  static override styles = [
    sharedStyles,
    sheetStyles,
    css`
      .sheet {
        width: 148mm;
        min-height: 210mm;
        padding: 9mm;
        font-size: 9pt;
        line-height: 1.3;
      }

      h2 {
        font-size: 14pt;
      }

      .meta {
        font-size: 7.5pt;
        margin-bottom: 3mm !important;
      }

      .trusted {
        display: flex;
        align-items: center;
        gap: 2mm;
        background: #fdf3d3;
        border-radius: 2mm;
        padding: 1.5mm 2.5mm;
        margin: 0 0 3mm;
      }

      .star {
        width: 4mm;
        height: 4mm;
        flex: none;
      }

      h3 {
        font-size: 10.5pt;
        margin: 3mm 0 1mm;
        color: #14524c;
      }

      dl {
        margin: 0;
      }

      dt {
        font-weight: 700;
        margin-top: 1.8mm;
      }

      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }

      ul {
        margin: 0;
        padding-inline-start: 4mm;
      }

      .wishes {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }

      /* A full map still fits one A5 page. */
      .dense {
        font-size: 7.6pt;
        line-height: 1.25;
      }

      .dense dt {
        margin-top: 1.2mm;
      }

      .dense h3 {
        font-size: 9.5pt;
        margin: 2mm 0 0.8mm;
      }
    `,
  ];

  /** The map to print. */
  @property({ attribute: false }) document!: MapDocument;

  /** Labels one after the other, each in its own writing direction. */
  private names(entries: readonly BaseEntry[]) {
    return entries.map((entry, i) => html`${i > 0 ? ' · ' : ''}<bdi>${entry.label}</bdi>`);
  }

  override render() {
    const doc = this.document;
    const entries = visibleEntries(doc.base.entries, { phase: 'all', showEnded: false });
    const trusted = entries.filter((entry) => entry.trusted);
    const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long' }).format(new Date());
    const others = entries.filter((entry) => entry.support.length === 0);
    const contacts = [...entries]
      .sort((a, b) => a.ring - b.ring)
      .flatMap((entry) => {
        const contact = doc.detail?.entries[entry.id]?.contact;
        return contact ? [{ label: entry.label, contact }] : [];
      });
    const wishes = doc.private?.wishes.trim() ?? '';
    return html`<article class="sheet ${entries.length > DENSE ? 'dense' : ''}">
      <h2>${msg('Wie helpt mij?', { id: 'handout.heading' })}</h2>
      <p class="meta">${doc.base.title} · ${date}</p>
      ${
        trusted.length > 0
          ? html`<p class="trusted">
              ${starSvg()}
              <span>
                <strong>${msg('Mijn vertrouwde persoon:', { id: 'handout.trusted' })}</strong>
                ${this.names(trusted)}
              </span>
            </p>`
          : nothing
      }
      <dl>
        ${SUPPORT_KINDS.map((kind) => {
          const helpers = entries.filter((entry) => entry.support.includes(kind));
          if (helpers.length === 0) return nothing;
          return html`<dt>${supportName(kind)}</dt>
            <dd>${this.names(helpers)}</dd>`;
        })}
        ${
          others.length > 0
            ? html`<dt>${msg('Ook om je heen', { id: 'handout.others' })}</dt>
                <dd>${this.names(others)}</dd>`
            : nothing
        }
      </dl>
      ${
        contacts.length > 0
          ? html`<h3>${msg('Belangrijke nummers', { id: 'handout.contacts' })}</h3>
              <ul>
                ${contacts
                  .slice(0, CONTACTS)
                  .map(
                    (item) => html`<li><bdi>${item.label}</bdi>: <bdi>${item.contact}</bdi></li>`,
                  )}
              </ul>`
          : nothing
      }
      ${
        wishes === ''
          ? nothing
          : html`<h3>${msg('Wat wil ik versterken?', { id: 'handout.wishes' })}</h3>
              <p class="wishes">
                ${wishes.length > WISHES ? `${wishes.slice(0, WISHES)}…` : wishes}
              </p>`
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-sheet-handout': NkSheetHandout;
  }
}
