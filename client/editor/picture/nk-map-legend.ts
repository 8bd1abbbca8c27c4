import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CATEGORIES } from '../../../shared/map/types.js';
import { categorySvg, diamondSvg, starSvg } from '../../taxonomy/pictograms.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { categoryShortName, ringName } from '../../taxonomy/vocabulary.js';

/**
 * What the signs in the ring picture mean: pictograms, the star, the borger's diamond, the dashed
 * circle, the rings.
 */
@customElement('nk-map-legend')
@localized()
export class NkMapLegend extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h3 {
        font-size: 1rem;
        margin-bottom: 0.4rem;
      }

      ul {
        list-style: none;
        margin: 0 0 0.75rem;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.2rem 0.75rem;
      }

      li {
        display: flex;
        align-items: center;
        gap: 0.45rem;
        font-size: 0.95rem;
      }

      .pictogram,
      .star,
      .diamond,
      .sign {
        width: 1.35rem;
        height: 1.35rem;
        flex: none;
        color: var(--nk-primary-dark);
      }

      :host([compact]) h3 {
        font-size: 9pt;
        margin-bottom: 1mm;
      }

      :host([compact]) ul {
        grid-template-columns: repeat(3, 1fr);
        gap: 0.3mm 2mm;
        margin-bottom: 1.2mm;
      }

      :host([compact]) ul.signs {
        grid-template-columns: repeat(2, 1fr);
      }

      :host([compact]) li {
        font-size: 6.4pt;
        line-height: 1.15;
        gap: 1mm;
      }

      :host([compact]) .pictogram,
      :host([compact]) .star,
      :host([compact]) .diamond,
      :host([compact]) .sign {
        width: 3.2mm;
        height: 3.2mm;
      }
    `,
  ];

  /** Small type, for print. */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    return html`
      <h3>${msg('Wat betekenen de tekens?', { id: 'legend.heading' })}</h3>
      <ul class="signs">
        <li>${starSvg()} ${msg('vertrouwde persoon', { id: 'picture.trustedName' })}</li>
        <li>${diamondSvg()} ${msg('borger', { id: 'picture.borgerName' })}</li>
        <li>
          ${svg`<svg class="sign" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="9" fill="#fff" stroke="#7a8587" stroke-width="2" stroke-dasharray="3 2.5"/></svg>`}
          ${msg('helpt nu niet meer', { id: 'picture.endedName' })}
        </li>
        <li>
          ${msg('Binnenste ring:', { id: 'legend.innerRing' })} ${ringName(1).toLocaleLowerCase()}
        </li>
        <li>
          ${msg('Buitenste ring:', { id: 'legend.outerRing' })} ${ringName(3).toLocaleLowerCase()}
        </li>
      </ul>
      <ul>
        ${CATEGORIES.map((category) => html`<li>${categorySvg(category)} ${categoryShortName(category)}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-map-legend': NkMapLegend;
  }
}
