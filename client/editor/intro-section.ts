/**
 * The top of the map screen: for a member, whose network it is and a way to look for help for the
 * family; then what goes well and the parent's wishes (once there is someone to start from).
 */
import { html, nothing } from 'lit';
import type { MapDocument } from '../../shared/map/types.js';
import { memberLead, searchForFamily, type Audience } from './audience.js';
import './nk-strengths.js';
import './nk-wishes.js';
import '../birth/nk-birth-date.js';
import type { BirthDate } from '../../shared/time/phases.js';

/** What the intro reads and calls: nk-map-editor.ts provides it. */
export interface IntroScreen {
  readonly audience: Audience;
  readonly readonly: boolean;
  readonly saving: { readonly busy: boolean };
  onWishes(event: CustomEvent<{ wishes: string }>): void;
  onBirth(event: CustomEvent<{ birth: BirthDate | null }>): void;
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
  return html`${renderBirth(screen, document)}${
    !helping && !showWishes ? nothing : renderStrengths(screen, document, helping, showWishes)
  }`;
}

/** The owner's birth date field (her private section), so phases and end dates follow. */
function renderBirth(screen: IntroScreen, document: MapDocument) {
  if (document.private === undefined || screen.readonly) return nothing;
  return html`<nk-birth-date
    .birth=${document.private.birth ?? null}
    ?busy=${screen.saving.busy}
    @nk-birth-save=${(event: CustomEvent<{ birth: BirthDate | null }>) => screen.onBirth(event)}
  ></nk-birth-date>`;
}

function renderStrengths(
  screen: IntroScreen,
  document: MapDocument,
  helping: boolean,
  showWishes: boolean,
) {
  const entries = document.base.entries;
  const wishes = document.private;
  return html`<div class="intro ${helping && showWishes ? 'two' : ''}">
    ${
      helping
        ? html`<nk-strengths .entries=${entries} .audience=${screen.audience}></nk-strengths>`
        : nothing
    }
    ${
      showWishes && wishes
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
