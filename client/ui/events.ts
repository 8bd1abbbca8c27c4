import type { BirthDate } from '../../shared/time/phases.js';
import type { PersonFormValue } from '../editor/nk-person-form.js';
import type { ViewChange } from '../editor/nk-view-controls.js';
import type { Category } from '../../shared/map/types.js';
import type { DirectoryService } from '../../shared/api/directory.js';

/** Every event a component sends to its parent, with what it carries. One list, so names are not re-typed. */
export interface NkEventMap {
  'nk-person-save': PersonFormValue;
  'nk-person-cancel': undefined;
  'nk-person-edit': { id: string };
  'nk-person-open': { id: string };
  'nk-person-remove': { id: string };
  'nk-person-trusted': { id: string; trusted: boolean };
  'nk-wishes-save': { wishes: string };
  'nk-birth-save': { birth: BirthDate | null };
  'nk-category-change': { category: Category };
  'nk-view-change': ViewChange;
  'nk-centre-save': { parents: string[]; children: string[] };
  'nk-place-save': { place: string };
  'nk-service-add': DirectoryService;
  'nk-card-saved': undefined;
  'nk-invites-changed': undefined;
  /** `resync`: events may have been missed, so everything shown is read again. */
  'nk-map-version': { resync: boolean };
  'nk-locale-changed': { locale: string };
  /** A screen inside one route changed (Samen aan tafel's steps): its status messages end. */
  'nk-screen-changed': undefined;
}

export type NkEvent<K extends keyof NkEventMap> = CustomEvent<NkEventMap[K]>;

/** Sends `name` up through shadow roots, as every nk- event does. */
export function emit<K extends keyof NkEventMap>(
  from: EventTarget,
  name: K,
  ...detail: NkEventMap[K] extends undefined ? [] : [NkEventMap[K]]
): void {
  from.dispatchEvent(new CustomEvent(name, { detail: detail[0], bubbles: true, composed: true }));
}

type NkEvents = { [K in keyof NkEventMap]: NkEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends NkEvents {}
}
