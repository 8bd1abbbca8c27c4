/** The plain sentences of access for a time (decision 0030), shared by the screens that say them. */
import { msg, str } from '@lit/localize';
import { formatDay } from './days.js';

/** In place of the map once her access ended; `day` '' when the server did not say which. */
export function accessEndedMessage(day: string): string {
  if (day === '') {
    return msg(
      'Je toegang tot deze kaart is gestopt. Wil je weer meedoen? Vraag dan om een nieuwe uitnodiging.',
      { id: 'access.endedNoDay' },
    );
  }
  const date = formatDay(day);
  return msg(
    str`Je toegang tot deze kaart is gestopt op ${date}. Wil je weer meedoen? Vraag dan om een nieuwe uitnodiging.`,
    { id: 'access.ended' },
  );
}

/** On "Mijn kaarten", once: the map left her list because her access ended. */
export function endedSentence(title: string, day: string): string {
  const name = title || msg('Kaart zonder naam', { id: 'maps.untitled' });
  const date = day === '' ? '' : formatDay(day);
  return day === ''
    ? msg(str`${name}: je toegang is gestopt. Daarom staat de kaart niet meer bij je kaarten.`, {
        id: 'access.endedListNoDay',
      })
    : msg(
        str`${name}: je toegang is gestopt op ${date}. Daarom staat de kaart niet meer bij je kaarten.`,
        { id: 'access.endedList' },
      );
}

/** The member's own line: until when she sees the map. */
export function youUntil(day: string): string {
  const date = formatDay(day);
  return msg(str`Je kunt deze kaart zien tot ${date}.`, { id: 'access.youUntil' });
}

/** A line of the parent's history for an UNTIL record. */
export function untilHistory(name: string, day: string | null, when: string): string {
  if (day === null) {
    return msg(str`${name} doet mee zonder einddatum (sinds ${when}).`, {
      id: 'access.historyOpen',
    });
  }
  const date = formatDay(day);
  return msg(str`${name} doet mee tot ${date} (sinds ${when}).`, { id: 'access.historyUntil' });
}
