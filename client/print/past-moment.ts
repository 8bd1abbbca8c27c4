// A stored version of a map to print: decrypted on the device, without people deleted as a mistake.
import { entriesAt, forgottenIn } from '../../shared/map/timeline.js';
import type { MapDocument } from '../../shared/map/types.js';
import type { MapSession } from '../editor/session/map-session.js';

/** The document of `version` as the timeline shows it, and when it was saved. */
export async function pastMoment(
  session: MapSession,
  version: number,
): Promise<{ document: MapDocument; savedAt: number }> {
  const moments = await session.history.moments();
  const moment = moments.find((item) => item.version === version);
  const [opened] = await session.history.open([version]);
  if (moment === undefined || opened === undefined || !opened.readable) {
    throw new Error('moment-unreadable');
  }
  const forgotten = forgottenIn(session.document);
  const document = opened.document;
  return {
    document: { ...document, base: { ...document.base, entries: entriesAt(document, forgotten) } },
    savedAt: moment.savedAt,
  };
}
