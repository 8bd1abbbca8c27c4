import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { BaseEntry } from '../../shared/map/types.js';
import { strengths } from './session/view.js';
import { starSvg } from '../taxonomy/pictograms.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { joinList, listSeparator, supportName } from '../taxonomy/vocabulary.js';
import { OWNER, helpWith, helpers, ownCircle, trustedLead, type Audience } from './audience.js';

/** What goes well, in a few short sentences: always shown before anything that could grow. */
@customElement('nk-strengths')
@localized()
export class NkStrengths extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        background: var(--nk-primary-soft);
        border-radius: var(--nk-radius);
        padding: 1rem 1.25rem;
      }

      h2 {
        font-size: 1.15rem;
      }

      p {
        margin: 0 0 0.4rem;
      }

      p:last-child {
        margin: 0;
      }

      .star {
        width: 1.1rem;
        height: 1.1rem;
        vertical-align: -0.15rem;
      }
    `,
  ];

  /** Every entry of the map (ended ones are not counted as helping now). */
  @property({ attribute: false }) entries: readonly BaseEntry[] = [];
  /** Whose map it is to the one looking (editor/audience.ts). */
  @property({ attribute: false }) audience: Audience = OWNER;

  override render() {
    const found = strengths(this.entries);
    if (found.helpers === 0) return nothing;
    return html`<section aria-labelledby="strengths-heading">
      <h2 id="strengths-heading">${msg('Wat gaat goed', { id: 'strengths.heading' })}</h2>
      <p>
        <strong> ${helpers(this.audience, found.helpers)} </strong>
        ${
          found.close === 0
            ? nothing
            : found.close === 1
              ? msg('1 persoon staat heel dichtbij.', { id: 'strengths.closeOne' })
              : msg(str`${found.close} mensen staan heel dichtbij.`, { id: 'strengths.closeMany' })
        }
      </p>
      ${
        found.own > 0 && found.own < found.helpers
          ? html`<p>${ownCircle(this.audience, found.own)}</p>`
          : nothing
      }
      ${
        found.trusted.length > 0
          ? html`<p>
              ${starSvg()} ${trustedLead(this.audience)}
              ${found.trusted.map((entry, i) => html`${i > 0 ? listSeparator() : ''}<bdi>${entry.label}</bdi>`)}
            </p>`
          : nothing
      }
      ${
        found.kinds.length > 0
          ? html`<p>
              ${helpWith(this.audience)}
              ${joinList(found.kinds.map((kind) => supportName(kind).toLocaleLowerCase()))}.
            </p>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-strengths': NkStrengths;
  }
}
