// Fills an open map quickly through the app's own editor: its save path (worker encryption,
// signing, the real API) is the one every change takes; only the typing is skipped.
import type { Page } from 'playwright-core';
import type { BaseEntry, DetailFields, MapDocument } from '../../../shared/map/types.js';

export interface Seed {
  entries: BaseEntry[];
  details?: Record<string, DetailFields>;
  wishes?: string;
  centre?: { parents: string[]; children: string[] };
}

/** Replaces the entries (and optionally details, wishes, centre) of the map open in the editor. */
export async function seedMap(page: Page, seed: Seed): Promise<void> {
  await page.locator('nk-map-editor').waitFor();
  const saved = await page.evaluate(async (input: Seed) => {
    type Editor = HTMLElement & {
      apply(edit: (document: MapDocument) => MapDocument, done: string): Promise<boolean>;
    };
    // The editor may sit inside another screen's shadow root (Samen aan tafel's parent seat).
    const find = (root: Document | ShadowRoot): Editor | null => {
      const hit = root.querySelector<Editor>('nk-map-editor');
      if (hit !== null) return hit;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot === null ? null : find(element.shadowRoot);
        if (inner !== null) return inner;
      }
      return null;
    };
    const editor = find(document);
    if (editor === null) return false;
    return editor.apply(
      (doc) => ({
        base: { ...doc.base, entries: input.entries, centre: input.centre ?? doc.base.centre },
        ...(doc.detail ? { detail: { ...doc.detail, entries: input.details ?? {} } } : {}),
        ...(doc.private ? { private: { ...doc.private, wishes: input.wishes ?? '' } } : {}),
      }),
      'De kaart is gevuld.',
    );
  }, seed);
  if (!saved) throw new Error('seeding the map failed');
  await page.getByRole('status').filter({ hasText: 'De kaart is gevuld.' }).waitFor();
}
