/** Words for roles, parts and history lines, in the current language. */
import { msg, str } from '@lit/localize';
import { formatTime, intlLocale } from '../ui/format.js';
import { untilHistory } from './access/sentences.js';
import type { HistoryEntryView, MemberRoleView, MemberView, SectionName } from './types.js';
import type { AccessLogResponse } from '../../shared/api/maps.js';

export function roleLabel(role: MemberRoleView): string {
  switch (role) {
    case 'owner':
      return msg('ouder (beheert de kaart)', { id: 'members.roleOwner' });
    case 'borger':
      return msg('borger', { id: 'members.roleBorger' });
    case 'professional':
      return msg('hulpverlener', { id: 'members.roleProfessional' });
    case 'informal':
      return msg('iemand uit je omgeving', { id: 'members.roleInformal' });
  }
}

/** A role as one of the choices when letting someone in (a label of its own, so it starts with a capital). */
export function roleChoiceLabel(role: MemberRoleView): string {
  switch (role) {
    case 'owner':
      return msg('Tweede ouder (beheert de kaart met jou)', { id: 'members.choiceOwner' });
    case 'borger':
      return msg('Borger (jij vraagt het, de ander zegt ja)', { id: 'members.choiceBorger' });
    case 'professional':
      return msg('Hulpverlener', { id: 'members.choiceProfessional' });
    case 'informal':
      return msg('Iemand uit je omgeving', { id: 'members.choiceInformal' });
  }
}

export function sectionLabel(section: SectionName): string {
  switch (section) {
    case 'base':
      return msg('basis', { id: 'members.sectionBase' });
    case 'detail':
      return msg('namen en contactgegevens', { id: 'members.sectionDetail' });
    case 'private':
      return msg('privé', { id: 'members.sectionPrivate' });
  }
}

/** "3 nov. om 14:02" (in the current language). */
export function formatWhen(at: number): string {
  const locale = intlLocale();
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(at);
  const time = formatTime(at);
  return msg(str`${date} om ${time}`, { id: 'members.when' });
}

/** "Fatima, verloskundige" */
export function who(member: MemberView | undefined): string {
  if (member === undefined) return msg('Iemand', { id: 'members.someone' });
  return member.profession ? `${member.name}, ${member.profession}` : member.name;
}

export interface HistoryLine {
  readonly at: number;
  readonly text: string;
}

/** "Fatima, verloskundige (deed eerder mee)": someone who no longer takes part. */
export function formerWho(member: MemberView | undefined): string {
  const name = who(member);
  return msg(str`${name} (deed eerder mee)`, { id: 'history.former' });
}

/**
 * The decrypted log and the server's access counts, as one list of sentences, newest first. Every
 * line about someone who was removed or left stays, her name marked as a former member.
 */
export function historyLines(
  history: readonly HistoryEntryView[],
  people: ReadonlyMap<string, MemberView>,
  access: AccessLogResponse | null,
  mySlotId: string,
  formerIds: ReadonlySet<string> = new Set(),
): HistoryLine[] {
  const lines: HistoryLine[] = [];
  // a slot that left is former at once, even before an owner's device wrote her REMOVE
  const former = new Set([...formerIds, ...(access?.formerSlots ?? []).map((s) => s.slotId)]);
  const nameOf = (slotId: string | null): string => {
    const person = slotId === null ? undefined : people.get(slotId);
    return slotId !== null && former.has(slotId) ? formerWho(person) : who(person);
  };
  for (const entry of history) {
    const name = nameOf(entry.slotId);
    const when = formatWhen(entry.at);
    switch (entry.type) {
      case 'INIT':
        lines.push({
          at: entry.at,
          text: msg(str`De kaart is gemaakt op ${when}.`, { id: 'history.init' }),
        });
        break;
      case 'ADD': {
        const role = roleLabel(entry.role ?? 'informal');
        lines.push({
          at: entry.at,
          text: msg(str`${name} doet mee als ${role} sinds ${when}.`, { id: 'history.add' }),
        });
        break;
      }
      case 'ROLE': {
        const role = roleLabel(entry.role ?? 'informal');
        lines.push({
          at: entry.at,
          text: msg(str`${name} is ${role} sinds ${when}.`, { id: 'history.role' }),
        });
        break;
      }
      case 'GRANT': {
        const parts = (entry.sections ?? ['base']).map(sectionLabel).join(', ');
        lines.push({
          at: entry.at,
          text: msg(str`${name} ziet ${parts} sinds ${when}.`, { id: 'history.grant' }),
        });
        break;
      }
      case 'REMOVE':
        lines.push({
          at: entry.at,
          text: msg(str`${name} heeft geen toegang meer sinds ${when}.`, { id: 'history.remove' }),
        });
        break;
      case 'UNTIL':
        lines.push({ at: entry.at, text: untilHistory(name, entry.until ?? null, when) });
        break;
      case 'ROTATE':
        break;
    }
  }
  for (const slot of [...(access?.slots ?? []), ...(access?.formerSlots ?? [])]) {
    if (slot.slotId === mySlotId) continue;
    const name = nameOf(slot.slotId);
    for (const view of slot.accesses) {
      const when = formatWhen(view.at);
      lines.push({
        at: view.at,
        text: msg(str`${name} bekeek je kaart op ${when}`, { id: 'history.view' }),
      });
    }
  }
  for (const slot of access?.formerSlots ?? []) {
    const name = nameOf(slot.slotId);
    for (const event of slot.events) {
      if (event.type !== 'left') continue;
      const when = formatWhen(event.at);
      lines.push({
        at: event.at,
        text: msg(str`${name} is gestopt met de kaart op ${when}.`, { id: 'history.left' }),
      });
    }
  }
  return lines.sort((a, b) => b.at - a.at).slice(0, 100);
}
