// The map at a moment and what changed between two moments: pure functions the timeline shows.
import { dayOf, type DayString } from './dates.js';
import type { BaseEntry, MapDocument, Phase } from './types.js';

/** What one side of a comparison shows: a stored version's document, at most one phase. */
export interface MomentView {
  readonly document: MapDocument;
  /** When the version was saved (ms since the Unix epoch). */
  readonly savedAt: number;
  /** Only the people who help in this phase (the phase stored on each entry); null: everyone. */
  readonly phase: Phase | null;
}

/**
 * The entries of a version as the timeline shows them: without people deleted as a mistake (the
 * newest version's `forgotten`), and with a phase, only those who help in it. Ended people stay.
 */
export function entriesAt(
  document: MapDocument,
  forgotten: ReadonlySet<string>,
  phase: Phase | null = null,
): BaseEntry[] {
  return document.base.entries.filter(
    (entry) => !forgotten.has(entry.id) && (phase === null || entry.phases.includes(phase)),
  );
}

/** Whether the entry helped as this version saved her on `day`: marked as helping, and started. */
export function helpingIn(entry: BaseEntry, day: DayString): boolean {
  return entry.active && (entry.since === undefined || entry.since <= day);
}

/** The entries who helped at a moment (its phase and the forgotten ones applied). */
export function helpersAt(view: MomentView, forgotten: ReadonlySet<string>): BaseEntry[] {
  const day = dayOf(view.savedAt);
  return entriesAt(view.document, forgotten, view.phase).filter((entry) => helpingIn(entry, day));
}

/** Who helps at the later moment and did not at the earlier one, and the other way round. */
export interface PeopleChange {
  readonly joined: BaseEntry[];
  readonly left: BaseEntry[];
}

/**
 * The change from `from` to `to`, by entry id: joined are helping at `to` only (as `to` has them),
 * left are helping at `from` only (as `to` has them when she is still there, ended; else as `from`).
 */
export function peopleChange(
  from: MomentView,
  to: MomentView,
  forgotten: ReadonlySet<string> = new Set(),
): PeopleChange {
  const before = new Map(helpersAt(from, forgotten).map((entry) => [entry.id, entry]));
  const after = new Map(helpersAt(to, forgotten).map((entry) => [entry.id, entry]));
  const later = new Map(to.document.base.entries.map((entry) => [entry.id, entry]));
  return {
    joined: [...after.values()].filter((entry) => !before.has(entry.id)),
    left: [...before.values()]
      .filter((entry) => !after.has(entry.id))
      .map((entry) => later.get(entry.id) ?? entry),
  };
}

/** The ids the newest version says were deleted as a mistake. */
export function forgottenIn(latest: MapDocument): Set<string> {
  const present = new Set(latest.base.entries.map((entry) => entry.id));
  return new Set((latest.base.forgotten ?? []).filter((id) => !present.has(id)));
}

/**
 * The index of the last moment whose day falls in `phase` by `phaseOfDay` (the hook of decision
 * 0030's birth date), or -1 when none does (then the phase filters people by their own phases).
 */
export function lastMomentIn(
  moments: readonly { readonly savedAt: number }[],
  phase: Phase,
  phaseOfDay: (day: DayString) => Phase | null,
): number {
  return moments.findLastIndex((moment) => phaseOfDay(dayOf(moment.savedAt)) === phase);
}
