// The timeline under the people, with phases from the birth date in her private section (decision 0030).
import { html, type TemplateResult } from 'lit';
import type { MapDocument } from '../../../shared/map/types.js';
import { phaseAt } from '../../../shared/time/phases.js';
import type { Audience } from '../audience.js';
import type { MapSession } from '../session/map-session.js';
import './nk-timeline.js';

export function renderTimeline(
  session: MapSession | null,
  audience: Audience,
  document: MapDocument,
): TemplateResult {
  return html`<nk-timeline
    .session=${session}
    .audience=${audience}
    .latest=${document}
    .phaseOfDay=${(day: string) => phaseAt(day, document.private?.birth)}
  ></nk-timeline>`;
}
