import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { MapSummary } from '../crypto/protocol.js';
import { openVerified } from '../membership/open.js';
import { StoreController } from '../shell/store-controller.js';
import { changesSince, nothingChanged, snapshotOf, type MapChanges } from './changes.js';
import { readCards } from './visits.js';

/**
 * Under a map in "Mijn kaarten": what changed since her last visit (new people, new or changed
 * cards, a new borger). Her device reads the map to know; nothing for a map she never opened.
 */
@customElement('nk-map-changes')
@localized()
export class NkMapChanges extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--nk-text-soft);
      font-size: 0.95rem;
    }
    .new {
      color: var(--nk-primary-dark);
      font-weight: 600;
    }
  `;

  @property({ attribute: false }) summary: MapSummary | null = null;
  @state() private changes: MapChanges | null = null;
  private readonly store = new StoreController(this);
  private loaded = '';

  override updated(): void {
    const summary = this.summary;
    if (summary === null || this.loaded === summary.mapId) return;
    this.loaded = summary.mapId;
    void this.load(summary);
  }

  private async load(summary: MapSummary): Promise<void> {
    const store = this.store.value;
    try {
      const { seen } = await store.crypto.call('seenMaps', {});
      const last = seen[summary.mapId];
      if (last === undefined) return;
      const opened = await openVerified(store, summary);
      // offline her cards cannot be read: say nothing rather than something half true
      if (opened.offlineAt !== null) return;
      const read = await readCards(store.crypto, summary, opened.membership);
      const now = snapshotOf(opened.document, read.cards, read.borgerIds, Date.now());
      this.changes = changesSince(last, now, opened.document);
    } catch {
      // a map she can no longer open leaves her list (open.ts); otherwise: say nothing
    }
  }

  override render() {
    const changes = this.changes;
    if (changes === null) return nothing;
    if (nothingChanged(changes))
      return html`<span data-testid="map-changes"
        >${msg('Niets nieuws sinds je laatste bezoek.', { id: 'day.nothingNew' })}</span
      >`;
    const parts: string[] = [];
    if (changes.people.length === 1) {
      const name = changes.people[0] ?? '';
      parts.push(msg(str`nieuw op de kaart: ${name}`, { id: 'day.onePerson' }));
    } else if (changes.people.length > 1) {
      const count = changes.people.length;
      const names = changes.people.join(', ');
      parts.push(msg(str`${count} nieuwe mensen: ${names}`, { id: 'day.people' }));
    }
    if (changes.cards > 0) {
      const count = changes.cards;
      parts.push(
        count === 1
          ? msg('een nieuw kaartje', { id: 'day.oneCard' })
          : msg(str`${count} nieuwe kaartjes`, { id: 'day.cards' }),
      );
    }
    if (changes.borger) parts.push(msg('een nieuwe borger', { id: 'day.borger' }));
    return html`<span class="new" data-testid="map-changes"
      >${msg(str`Sinds je laatste bezoek: ${parts.join('; ')}.`, { id: 'day.since' })}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-map-changes': NkMapChanges;
  }
}
