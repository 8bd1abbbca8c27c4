/**
 * Events the server sends for a change this device made itself and already shows (the map's stream
 * carries names only, so they cannot be told apart from others' by content): each expected name is
 * counted off once, within a short time, and causes no reload. Any other event still reloads.
 */
import type { MapEventType } from '../../../shared/api/membership.js';

/** Long enough for the stream to deliver the server's events; after that they reload as any other. */
const ECHO_MS = 10_000;

export class Echoes {
  #expected: { name: MapEventType; until: number; id: number }[] = [];
  #nextId = 1;

  /** Expects one event of each name; `cancel` forgets them (the change failed). */
  expect(names: MapEventType[]): { cancel(): void } {
    const id = this.#nextId++;
    const until = Date.now() + ECHO_MS;
    for (const name of names) this.#expected.push({ name, until, id });
    return { cancel: () => (this.#expected = this.#expected.filter((e) => e.id !== id)) };
  }

  /** True (and counted off) when `name` is an expected echo; 'resync' never is. */
  take(name: MapEventType): boolean {
    const now = Date.now();
    this.#expected = this.#expected.filter((e) => e.until > now);
    const at = this.#expected.findIndex((e) => e.name === name);
    if (at < 0) return false;
    this.#expected.splice(at, 1);
    return true;
  }
}
