/** What the members screen's render files read and call: nk-members.ts provides it. */
import type { JoinRequestView } from '../flows/invite.js';
import type { MembershipSession } from '../session/membership-session.js';
import type { MemberRoleView, MemberView } from '../types.js';

export interface RequestChoice {
  readonly role: MemberRoleView;
  readonly detail: boolean;
  /** Her last day of access, null for open-ended (decision 0030). */
  readonly until: string | null;
}

export interface MembersScreen {
  readonly session: MembershipSession;
  readonly busy: boolean;
  /** The member whose removal waits for a second yes ('' for none). */
  readonly confirmRemove: string;
  /** Prefilled on the invite panel from a suggestion. */
  readonly inviteFor: string;
  choiceFor(requestId: string): RequestChoice;
  setChoice(requestId: string, choice: RequestChoice): void;
  askRemove(slotId: string): void;
  onApprove(request: JoinRequestView, choice: RequestChoice): void;
  onDecline(request: Pick<JoinRequestView, 'inviteId' | 'requestId'>): void;
  onWithdraw(inviteId: string): void;
  onDetail(member: MemberView, on: boolean): void;
  onRole(member: MemberView, borger: boolean): void;
  onRemove(member: MemberView): void;
  onTrusted(member: MemberView): void;
  onBorgerAnswer(yes: boolean): void;
  onLeave(): void;
  onInviteSuggested(name: string): void;
  /** Sets, moves (extends) or clears a member's last day. */
  onUntil(member: MemberView, until: string | null): void;
}
