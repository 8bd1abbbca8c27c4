// The verified membership log as plain, structured-clone safe views for the page.
import type { LogState, Member } from '../../../shared/crypto/index.js';
import type { MembershipView, MemberView, SectionName } from '../../membership/types.js';

function memberView(member: Member): MemberView {
  return {
    slotId: member.slotId,
    role: member.role,
    sections: [...member.sections],
    name: member.profile.name,
    profession: member.profile.profession,
    organisation: member.profile.organisation,
    addedAt: member.addedAt,
    ...(member.until === undefined ? {} : { until: member.until }),
  };
}

export function membershipView(log: LogState, mySlotId: string): MembershipView {
  return {
    mapId: log.mapId,
    mySlotId,
    epoch: log.epoch,
    members: Object.values(log.members).map(memberView),
    former: Object.values(log.former).map(memberView),
    history: log.entries.map((entry) => {
      const data = entry.data as unknown as Record<string, unknown>;
      return {
        seq: entry.seq,
        type: entry.type,
        at: entry.at,
        slotId: typeof data['slotId'] === 'string' ? data['slotId'] : null,
        role: typeof data['role'] === 'string' ? (data['role'] as MemberView['role']) : null,
        sections: Array.isArray(data['sections']) ? (data['sections'] as SectionName[]) : null,
        ...(entry.type === 'UNTIL' ? { until: (data['until'] as string | null) ?? null } : {}),
      };
    }),
  };
}
