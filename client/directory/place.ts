/**
 * The place (municipality or PC4) typed this session for searching the sociale kaart: in this page's
 * memory only, never sent except as the `place` of a search. An owner's place is also kept,
 * encrypted, in her map's private section (nk-map-editor saves it; nk-find-help starts from it).
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
