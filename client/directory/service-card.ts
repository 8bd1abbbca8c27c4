/** One service found on the sociale kaart: what it offers, how to reach it, and "Zet op mijn kaart". */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { DirectoryService } from '../../shared/api/directory.js';
import { categoryName } from '../taxonomy/vocabulary.js';
import { languageName } from './languages.js';

/** What the card needs to know of the map and the screen around it. */
export interface ServiceCardContext {
  /** The service is already an entry on the map. */
  readonly added: boolean;
  /** This member may only read the map. */
  readonly readonly: boolean;
  /** The map saves. */
  readonly busy: boolean;
  /** "Staat op je kaart" / "Zet op mijn kaart", worded for whoever is looking (editor/audience.ts). */
  readonly words: { readonly onMap: string; readonly add: string };
  onAdd(service: DirectoryService): void;
}

export function renderService(service: DirectoryService, context: ServiceCardContext) {
  const address = [service.address, [service.postcode, service.city].filter(Boolean).join(' ')]
    .filter((part) => part !== null && part !== '')
    .join(', ');
  return html`<article class="card" data-service=${service.id}>
    <h4 id="fh-service-${service.id}">${service.name}</h4>
    ${service.organisation ? html`<p class="org">${service.organisation}</p>` : nothing}
    <p>${service.description}</p>
    <dl>
      <dt>${msg('Soort hulp', { id: 'findHelp.kind' })}</dt>
      <dd>${categoryName(service.category)}</dd>
      ${
        address
          ? html`<dt>${msg('Adres', { id: 'findHelp.address' })}</dt>
              <dd>${address}</dd>`
          : nothing
      }
      ${
        service.phone
          ? html`<dt>${msg('Telefoon', { id: 'findHelp.phone' })}</dt>
              <dd>
                <a href="tel:${service.phone.replace(/[^0-9+]/g, '')}">${service.phone}</a>
              </dd>`
          : nothing
      }
      ${
        service.email
          ? html`<dt>${msg('E-mail', { id: 'findHelp.email' })}</dt>
              <dd><a href="mailto:${service.email}">${service.email}</a></dd>`
          : nothing
      }
      ${
        service.website && /^https?:\/\//i.test(service.website)
          ? html`<dt>${msg('Website', { id: 'findHelp.website' })}</dt>
              <dd>
                <a href=${service.website} target="_blank" rel="noopener noreferrer"
                  >${service.website.replace(/^https?:\/\//i, '')}</a
                >
              </dd>`
          : nothing
      }
      ${
        service.languages.length > 0
          ? html`<dt>${msg('Talen', { id: 'findHelp.languages' })}</dt>
              <dd>${service.languages.map(languageName).join(', ')}</dd>`
          : nothing
      }
      ${
        service.openingHours
          ? html`<dt>${msg('Open', { id: 'findHelp.hours' })}</dt>
              <dd>${service.openingHours}</dd>`
          : nothing
      }
    </dl>
    ${
      context.added
        ? html`<p class="added">✓ ${context.words.onMap}</p>`
        : context.readonly
          ? nothing
          : html`<button
              type="button"
              ?disabled=${context.busy}
              aria-describedby="fh-service-${service.id}"
              @click=${() => context.onAdd(service)}
            >
              + ${context.words.add}
            </button>`
    }
  </article>`;
}
