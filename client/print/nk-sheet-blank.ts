import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../ui/shared-styles.js';
import { sheetStyles } from './sheet-styles.js';
import '../editor/picture/nk-ring-picture.js';

/** The A4 sheet with empty rings, to fill in on paper together. */
@customElement('nk-sheet-blank')
@localized()
export class NkSheetBlank extends LitElement {
  static override styles = [
    sharedStyles,
    sheetStyles,
    css`
      .sheet {
        width: 210mm;
        min-height: 297mm;
        padding: 10mm;
        font-size: 10pt;
      }

      h2 {
        font-size: 18pt;
      }

      ol {
        margin: 2mm 0 3mm;
        padding-inline-start: 5mm;
      }

      nk-ring-picture {
        width: 190mm;
        margin-inline: auto;
        --nk-picture-max-height: 200mm;
        --nk-picture-print-height: 200mm;
      }

      .write {
        margin-top: 4mm;
      }

      .line {
        border-bottom: 0.3mm solid #8a8f90;
        height: 8mm;
      }
    `,
  ];

  override render() {
    return html`<article class="sheet">
      <h2>${msg('Mijn netwerkkaart', { id: 'blank.heading' })}</h2>
      <ol>
        <li>
          ${msg('Schrijf in het midden je eigen naam en die van je kind.', { id: 'blank.step1' })}
        </li>
        <li>
          ${msg(
            'Schrijf in de ringen wie je helpt. Wie heel dichtbij staat, komt in de binnenste ring.',
            {
              id: 'blank.step2',
            },
          )}
        </li>
        <li>
          ${msg('Schrijf erbij waarmee iemand helpt. Zet een ster bij je vertrouwde persoon.', { id: 'blank.step3' })}
        </li>
      </ol>
      <nk-ring-picture blank></nk-ring-picture>
      <div class="write">
        <strong>${msg('Wat wil je versterken?', { id: 'wishes.heading' })}</strong>
        <div class="line"></div>
        <div class="line"></div>
        <div class="line"></div>
        <div class="line"></div>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-sheet-blank': NkSheetBlank;
  }
}
