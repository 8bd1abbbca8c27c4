// The professionals on a map as a FHIR R4 CareTeam resource (JSON), built on the device.
import { PHASES, type MapDocument, type Phase } from '../map/types.js';
import { CATEGORY_NAMES, entryViews, PROFESSIONAL_CATEGORIES } from './common.js';

/** Our own code system for the map's categories (FHIR allows local systems with a URI). */
export const CATEGORY_SYSTEM = 'https://netwerkkaart.nl/fhir/CodeSystem/category';

const PHASE_NAMES: Record<Phase, string> = {
  kinderwens: 'kinderwens',
  zwangerschap: 'zwangerschap',
  kraamtijd: 'kraamtijd',
  'baby-0-2': 'baby 0–2 jaar',
};

export interface FhirCareTeam {
  resourceType: 'CareTeam';
  id: string;
  status: 'active';
  name: string;
  category: { coding: { system: string; code: string; display: string }[]; text: string }[];
  /** Absent when the map has no professionals: FHIR allows no empty arrays. */
  participant?: FhirParticipant[];
}

export interface FhirParticipant {
  role: { coding: { system: string; code: string; display: string }[]; text: string }[];
  member: { display: string };
  period?: { start?: string; end?: string };
}

export interface CareTeamOptions {
  /** The FHIR resource id ([A-Za-z0-9\-.]{1,64}); defaults to "netwerkkaart". */
  id?: string;
  /** When the export is made; the `period.end` of people no longer involved (FHIR date, YYYY-MM-DD). */
  now?: Date;
}

/**
 * One participant per professional entry (categories pro-medical, pro-public-health, pro-social),
 * the role coded by category with the entry's label and phases as text; `period.start` is her since day
 * when kept, and an entry marked as ended gets `period.end` = her until day (the export date for an
 * entry from before dates were kept: it has ended by then). Status is
 * "active"; the team's category is our own coding, since no standard code fits a family's network.
 */
export function toFhirCareTeam(doc: MapDocument, options: CareTeamOptions = {}): FhirCareTeam {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const participant = entryViews(doc)
    .filter(({ entry }) => PROFESSIONAL_CATEGORIES.includes(entry.category))
    .map(({ entry, displayName }): FhirParticipant => {
      const phases = PHASES.filter((p) => entry.phases.includes(p)).map((p) => PHASE_NAMES[p]);
      const text = [entry.label, phases.length > 0 ? `(${phases.join(', ')})` : '']
        .filter(Boolean)
        .join(' ');
      const participant: FhirParticipant = {
        role: [
          {
            coding: [
              {
                system: CATEGORY_SYSTEM,
                code: entry.category,
                display: CATEGORY_NAMES[entry.category],
              },
            ],
            text,
          },
        ],
        member: { display: displayName },
      };
      const start = entry.since === undefined ? {} : { start: entry.since };
      if (!entry.active) participant.period = { ...start, end: entry.until ?? today };
      else if (entry.since !== undefined) participant.period = start;
      return participant;
    });
  return {
    resourceType: 'CareTeam',
    id: options.id ?? 'netwerkkaart',
    status: 'active',
    name: doc.base.title,
    category: [
      {
        coding: [{ system: CATEGORY_SYSTEM, code: 'netwerkkaart', display: 'Netwerkkaart' }],
        text: 'Netwerk rond het gezin (netwerkkaart)',
      },
    ],
    ...(participant.length > 0 ? { participant } : {}),
  };
}
