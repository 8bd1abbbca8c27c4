/** What the map shows: filtering by phase and by ended entries, and the strengths summary. */
import {
  PHASES,
  SUPPORT_KINDS,
  type BaseEntry,
  type Phase,
  type SupportKind,
} from '../../../shared/map/types.js';
import { isProfessionalCategory } from '../../../shared/map/taxonomy.js';

/** The phase filter: one phase, or all of them. */
export type PhaseFilter = Phase | 'all';

export interface ViewFilter {
  readonly phase: PhaseFilter;
  /** Show entries that are no longer involved (greyed). */
  readonly showEnded: boolean;
}

export const ALL_ENTRIES: ViewFilter = { phase: 'all', showEnded: true };

export function isPhaseFilter(value: string): value is PhaseFilter {
  return value === 'all' || PHASES.some((phase) => phase === value);
}

/**
 * The entries to show. An entry without phases counts for every phase (the parent did not say);
 * ended entries only when asked for.
 */
export function visibleEntries(entries: readonly BaseEntry[], filter: ViewFilter): BaseEntry[] {
  return entries.filter(
    (entry) =>
      (filter.showEnded || entry.active) &&
      (filter.phase === 'all' || entry.phases.length === 0 || entry.phases.includes(filter.phase)),
  );
}

export interface Strengths {
  /** Everyone who helps now. */
  readonly helpers: number;
  /** Of them, in the innermost ring. */
  readonly close: number;
  /** Of them, the parent's own people (not professionals). */
  readonly own: number;
  /** The trusted people who help now, in map order. */
  readonly trusted: readonly BaseEntry[];
  /** Every kind of help given, in the fixed order. */
  readonly kinds: readonly SupportKind[];
  /** Entries that no longer help. */
  readonly ended: number;
}

/** What goes well, counted over the entries that help now. */
export function strengths(entries: readonly BaseEntry[]): Strengths {
  const active = entries.filter((entry) => entry.active);
  const given = new Set(active.flatMap((entry) => entry.support));
  return {
    helpers: active.length,
    close: active.filter((entry) => entry.ring === 1).length,
    own: active.filter((entry) => !isProfessionalCategory(entry.category)).length,
    trusted: active.filter((entry) => entry.trusted),
    kinds: SUPPORT_KINDS.filter((kind) => given.has(kind)),
    ended: entries.length - active.length,
  };
}
