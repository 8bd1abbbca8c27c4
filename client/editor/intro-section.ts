/**
 * The top of the map screen: for a member, whose network it is and a way to look for help for the
 * family; then what goes well and the parent's wishes (once there is someone to start from).
 */
import { html, nothing } from 'lit';
import type { MapDocument } from '../../shared/map/types.js';
import { memberLead, searchForFamily, type Audience } from './audience.js';
import './nk-strengths.js';
import './nk-wishes.js';

/** What the intro reads and calls: nk-map-editor.ts provides it. */
export interface IntroScreen {
  readonly audience: Audience;
  readonly readonly: boolean;
  readonly saving: { readonly busy: boolean };
  onWishes(event: CustomEvent<{ wishes: string }>): void;
}

export function renderMemberLead(audience: Audience, onSearch: () => void) {
  const lead = memberLead(audience);
  if (lead === null) return nothing;
  return html`<div class="member-lead" data-testid="member-lead">
    <p><strong>${lead.network}</strong></p>
    <p>${lead.lead}</p>
    <button type="button" class="secondary" data-testid="search-for-family" @click=${onSearch}>
      ${searchForFamily(audience)}
    </button>
  </div>`;
}

export function renderIntro(screen: IntroScreen, document: MapDocument) {
  const entries = document.base.entries;
  const helping = entries.some((entry) => entry.active);
  const wishes = document.private;
  const showWishes = wishes !== undefined && (entries.length > 0 || wishes.wishes.trim() !== '');
  if (!helping && !showWishes) return nothing;
  return html`<div class="intro ${helping && showWishes ? 'two' : ''}">
    ${
      helping
        ? html`<nk-strengths .entries=${entries} .audience=${screen.audience}></nk-strengths>`
        : nothing
    }
    ${
      showWishes
        ? html`<nk-wishes
            .wishes=${wishes.wishes}
            ?readonly=${screen.readonly}
            ?busy=${screen.saving.busy}
            @nk-wishes-save=${(event: CustomEvent<{ wishes: string }>) => screen.onWishes(event)}
          ></nk-wishes>`
        : nothing
    }
  </div>`;
}
