/**
 * The timeline's sentences, worded for the one looking (audience.ts): the parent reads about "je
 * netwerk", a member about "het netwerk van" the family. Counts use the language's plural rules.
 */
import { msg, str } from '@lit/localize';
import type { BaseEntry, Phase } from '../../../shared/map/types.js';
import { dateOfDay } from '../../../shared/map/dates.js';
import { formatDate } from '../../ui/format.js';
import { plural } from '../../ui/plural.js';
import type { Audience } from '../audience.js';

function family(audience: Audience): string {
  return audience.kind === 'member' && audience.parent !== ''
    ? audience.parent
    : msg('dit gezin', { id: 'audience.family' });
}

export function timelineHeading(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('Je netwerk door de tijd', { id: 'timeline.heading' })
    : msg(str`Het netwerk van ${family(audience)} door de tijd`, { id: 'timeline.headingMember' });
}

export function timelineLead(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg(
        'Kies een moment en zie je netwerk zoals het toen was. Zet twee momenten naast elkaar en zie wie erbij kwam.',
        { id: 'timeline.lead' },
      )
    : msg(
        str`Kies een moment en zie het netwerk van ${family(audience)} zoals het toen was. Zet twee momenten naast elkaar en zie wie erbij kwam.`,
        { id: 'timeline.leadMember' },
      );
}

/** "je zwangerschap" (parent) or "de zwangerschap" (member): what "sinds" points back to. */
function phaseSince(audience: Audience, phase: Phase): string {
  const own = audience.kind === 'owner';
  switch (phase) {
    case 'kinderwens':
      return own
        ? msg('je kinderwens', { id: 'timeline.sinceWish' })
        : msg('de kinderwens', { id: 'timeline.sinceWishMember' });
    case 'zwangerschap':
      return own
        ? msg('je zwangerschap', { id: 'timeline.sincePregnancy' })
        : msg('de zwangerschap', { id: 'timeline.sincePregnancyMember' });
    case 'kraamtijd':
      return msg('de kraamtijd', { id: 'timeline.sinceKraam' });
    case 'baby-0-2':
      return msg('de eerste twee jaar', { id: 'timeline.sinceBaby' });
  }
}

/** What the earlier side is called after "sinds": its phase, or its date. */
export function sinceWhat(
  audience: Audience,
  side: { phase: Phase | null; savedAt: number },
): string {
  return side.phase === null ? formatDate(side.savedAt) : phaseSince(audience, side.phase);
}

/** "3 mensen erbij sinds je zwangerschap": who joined, as a strength. */
export function joinedLine(audience: Audience, count: number, since: string): string {
  if (audience.kind === 'owner') {
    return plural(count, {
      one: msg(str`1 persoon erbij sinds ${since}`, { id: 'timeline.joinedOne' }),
      other: msg(str`${count} mensen erbij sinds ${since}`, { id: 'timeline.joined' }),
    });
  }
  const who = family(audience);
  return plural(count, {
    one: msg(str`1 persoon erbij in het netwerk van ${who} sinds ${since}`, {
      id: 'timeline.joinedOneMember',
    }),
    other: msg(str`${count} mensen erbij in het netwerk van ${who} sinds ${since}`, {
      id: 'timeline.joinedMember',
    }),
  });
}

/** Who stopped helping between the two (often because their part was done). */
export function leftLine(count: number): string {
  return plural(count, {
    one: msg('1 persoon is gestopt met helpen.', { id: 'timeline.leftOne' }),
    other: msg(str`${count} mensen zijn gestopt met helpen.`, { id: 'timeline.left' }),
  });
}

export function noChangeLine(): string {
  return msg('Tussen deze twee momenten kwam niemand erbij en stopte niemand.', {
    id: 'timeline.noChange',
  });
}

/** "Helpt sinds 3 december 2026", "Hielp van … tot …": an entry's days, or '' without any. */
export function entryDates(entry: BaseEntry): string {
  const since = entry.since === undefined ? '' : formatDate(dateOfDay(entry.since));
  const until = entry.until === undefined ? '' : formatDate(dateOfDay(entry.until));
  if (since !== '' && until !== '')
    return msg(str`Hielp van ${since} tot ${until}`, { id: 'timeline.fromTo' });
  if (until !== '') return msg(str`Hielp tot ${until}`, { id: 'timeline.until' });
  if (since !== '') return msg(str`Helpt sinds ${since}`, { id: 'timeline.since' });
  return '';
}
