/** Plain (structured-clone safe) views of membership data that the crypto worker hands to the page. */

import type { MemberRole } from '../../shared/crypto/membership.js';
import type { Section } from '../../shared/crypto/sections.js';

// The page uses the protocol's own names for roles and sections (type-only: no crypto code loads here).
export type SectionName = Section;
export type MemberRoleView = MemberRole;

export interface JoinProfileView {
  name: string;
  profession: string;
  organisation: string;
  contact: string;
  availability: string;
}

export interface MemberView {
  readonly slotId: string;
  readonly role: MemberRoleView;
  readonly sections: readonly SectionName[];
  readonly name: string;
  readonly profession: string;
  readonly organisation: string;
  readonly addedAt: number;
  /** Her last day of access (`YYYY-MM-DD`), from the signed log; absent: open-ended (decision 0030). */
  readonly until?: string;
}

/** One log entry as a line of history. */
export interface HistoryEntryView {
  readonly seq: number;
  readonly type: 'INIT' | 'ADD' | 'ROLE' | 'GRANT' | 'REMOVE' | 'ROTATE' | 'UNTIL';
  readonly at: number;
  readonly slotId: string | null;
  readonly role: MemberRoleView | null;
  readonly sections: readonly SectionName[] | null;
  /** UNTIL only: the new last day, or null for open-ended. */
  readonly until?: string | null;
}

export interface MembershipView {
  readonly mapId: string;
  /** The slot of this device's account. */
  readonly mySlotId: string;
  readonly epoch: number;
  readonly members: readonly MemberView[];
  /** Removed members, to name them in the history. */
  readonly former: readonly MemberView[];
  readonly history: readonly HistoryEntryView[];
}

/** Warm handover: someone a member suggests the parent could invite next (a reminder only). */
export interface SuggestionView {
  name: string;
  role: string;
  organisation?: string;
  note?: string;
}

export interface CardWire {
  readonly slotId: string;
  readonly cardVersion: number;
  readonly updatedAt: number;
  readonly card: {
    whatIDo: string;
    howToReach: string;
    when: string;
    role: string;
    name: string;
    organisation: string;
    suggestions?: SuggestionView[];
    /** Her own yes or no to being the borger; absent: not answered (every card before format 2). */
    borger?: 'yes' | 'no';
  };
}
