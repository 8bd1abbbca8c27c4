/**
 * The parent's place (municipality or PC4) for searching the sociale kaart. Kept in this page's
 * memory only: never in storage, never sent except as the `place` of a search. The map's private
 * section and the keyring have closed schemas (shared/), so it cannot be kept encrypted there yet.
 */
let remembered = '';

export function rememberedPlace(): string {
  return remembered;
}

export function rememberPlace(place: string): void {
  remembered = place.trim();
}

/** Forgets the place (on signing out). */
export function forgetPlace(): void {
  remembered = '';
}
