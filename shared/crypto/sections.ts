// The three sections of a map; each has its own key per epoch so rights can differ.

/** Section names in body order: what every member sees, names and notes, the parent's own. */
export const SECTIONS = ['base', 'detail', 'private'] as const;

export type Section = (typeof SECTIONS)[number];

/** The one-byte section id written in a version body. */
export const SECTION_IDS = { base: 1, detail: 2, private: 3 } as const satisfies Record<
  Section,
  number
>;

/** The section with this body id, or undefined. */
export function sectionOfId(id: number): Section | undefined {
  return SECTIONS.find((section) => SECTION_IDS[section] === id);
}

/** True for 'base' | 'detail' | 'private'. */
export function isSection(value: unknown): value is Section {
  return SECTIONS.some((section) => section === value);
}
