import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { emit } from '../ui/events.js';
import { followMap } from './session/map-events.js';

/**
 * The map editor's way into "Wie doet mee?". It is also where the editor hears the map's events
 * (the one shared stream, session/map-events.ts): when this account's slot is removed it says so
 * plainly, and on a new version of the map (saved elsewhere) it fires `nk-map-version`, so the
 * open editor refreshes without reloading; after a `resync` (events may have been missed) too.
 *
 * @fires nk-map-version - the map has a new version on the server, or may have (`resync`)
 */
@customElement('nk-members-entry')
@localized()
export class NkMembersEntry extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  @property() mapId = '';

  private readonly store = new StoreController(this);
  @state() private removed = false;
  private abort: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => this.watch());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = null;
  }

  private watch(): void {
    const store = this.store.value;
    if (store.mapSummary(this.mapId) === undefined || this.abort !== null || !this.isConnected)
      return;
    const abort = new AbortController();
    this.abort = abort;
    followMap(
      store,
      this.mapId,
      {
        removed: () => {
          this.removed = true;
          // the map leaves her list, and the editor stops showing its copy (no summary)
          void store.lost(this.mapId);
        },
        event: (name) => {
          if (name === 'version') emit(this, 'nk-map-version', { resync: false });
          // the stream reconnected or the server missed events: read it all again
          if (name === 'resync') emit(this, 'nk-map-version', { resync: true });
        },
      },
      abort.signal,
    );
  }

  override render() {
    return this.removed
      ? html`<p class="error" role="alert">
          ${msg(
            'Je hebt geen toegang meer tot deze kaart. Daarom staat ze niet meer bij je kaarten.',
            { id: 'members.noAccess' },
          )}
        </p>`
      : html`<a href=${paths.members(this.mapId)}
          >${msg('Wie doet mee?', { id: 'members.heading' })}</a
        >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-members-entry': NkMembersEntry;
  }
}
