/**
 * Three-way merge of map documents, per entry. Used after a 409 on save: `base` is the version
 * the edit started from, `mine` the local edit, `theirs` the newer version on the server.
 * Rule per entry: a side that did not change it takes the other side's; when both changed it,
 * mine wins; an edit beats a removal (so nobody's work silently disappears).
 */
import type {
  BaseEntry,
  DetailFields,
  DetailSection,
  MapDocument,
  PrivateSection,
} from '../../../shared/map/types.js';

/** Structural equality for the plain JSON values of a document (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = new Map(Object.entries(b).filter(([, value]) => value !== undefined));
  return (
    left.length === right.size &&
    left.every(([key, value]) => right.has(key) && sameValue(value, right.get(key)))
  );
}

/** Mine if I changed it, else theirs. */
function pick<T>(base: T, mine: T, theirs: T): T {
  return sameValue(mine, base) ? theirs : mine;
}

/** Merges keyed records (entries by id) with the rule above; the order follows theirs, then mine. */
function mergeById<T>(
  base: ReadonlyMap<string, T>,
  mine: ReadonlyMap<string, T>,
  theirs: ReadonlyMap<string, T>,
): Map<string, T> {
  const out = new Map<string, T>();
  const ids = [...theirs.keys(), ...[...mine.keys()].filter((id) => !theirs.has(id))];
  for (const id of ids) {
    const b = base.get(id);
    const m = mine.get(id);
    const t = theirs.get(id);
    let merged: T | undefined;
    if (b === undefined) {
      // Added on one side or both (ids are random, so "both" means the same entry).
      merged = m ?? t;
    } else if (m === undefined) {
      // I removed it: keep it only if they changed it meanwhile.
      merged = t !== undefined && !sameValue(t, b) ? t : undefined;
    } else if (t === undefined) {
      // They removed it: keep it only if I changed it.
      merged = !sameValue(m, b) ? m : undefined;
    } else {
      merged = pick(b, m, t);
    }
    if (merged !== undefined) out.set(id, merged);
  }
  return out;
}

function byId(entries: readonly BaseEntry[]): Map<string, BaseEntry> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

function detailMap(section: DetailSection | undefined): Map<string, DetailFields> {
  return new Map(Object.entries(section?.entries ?? {}));
}

/** The merged document; sections a side cannot read are taken from the side that can. */
export function mergeDocuments(
  base: MapDocument,
  mine: MapDocument,
  theirs: MapDocument,
): MapDocument {
  const entries = mergeById(
    byId(base.base.entries),
    byId(mine.base.entries),
    byId(theirs.base.entries),
  );
  const merged: MapDocument = {
    base: {
      v: 1,
      title: pick(base.base.title, mine.base.title, theirs.base.title),
      centre: pick(base.base.centre, mine.base.centre, theirs.base.centre),
      entries: [...entries.values()],
    },
  };
  // a deletion on either side stays remembered, unless the other side's edit kept her
  const forgotten = [
    ...new Set([...(theirs.base.forgotten ?? []), ...(mine.base.forgotten ?? [])]),
  ].filter((id) => !entries.has(id));
  if (forgotten.length > 0) merged.base.forgotten = forgotten;
  if (mine.detail !== undefined || theirs.detail !== undefined) {
    const details = mergeById(
      detailMap(base.detail),
      detailMap(mine.detail),
      detailMap(theirs.detail),
    );
    // Details of entries that are gone go with them.
    for (const id of details.keys()) if (!entries.has(id)) details.delete(id);
    merged.detail = { v: 1, entries: Object.fromEntries(details) };
  }
  const privateSection: PrivateSection | undefined =
    mine.private === undefined || theirs.private === undefined
      ? (mine.private ?? theirs.private)
      : {
          v: 1,
          wishes: pick(base.private?.wishes ?? '', mine.private.wishes, theirs.private.wishes),
          ...privateExtras(base.private, mine.private, theirs.private),
        };
  if (privateSection !== undefined) merged.private = privateSection;
  return merged;
}

/** The place and birth date of a merged private section, each by the rule above. */
function privateExtras(
  base: PrivateSection | undefined,
  mine: PrivateSection,
  theirs: PrivateSection,
): Pick<PrivateSection, 'place' | 'birth'> {
  const place = pick(base?.place, mine.place, theirs.place);
  const birth = pick(base?.birth, mine.birth, theirs.birth);
  return { ...(place === undefined ? {} : { place }), ...(birth === undefined ? {} : { birth }) };
}
