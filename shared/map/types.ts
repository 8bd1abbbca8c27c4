// The plaintext map document: one object per section, each encrypted under its own key.

/** Who a person or place is to the family (ids are stable; labels are translated in the client). */
export const CATEGORIES = [
  'family',
  'friends',
  'other-parents',
  'community',
  'childcare-school',
  'work-study',
  'pro-medical',
  'pro-public-health',
  'pro-social',
  'volunteers',
  'places-services',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Kinds of support an entry gives. */
export const SUPPORT_KINDS = [
  'practical',
  'emotional',
  'advice',
  'childcare',
  'medical',
  'money-housing-papers',
  'talk',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** Phases of the first 1000 days in which an entry helps. */
export const PHASES = ['kinderwens', 'zwangerschap', 'kraamtijd', 'baby-0-2'] as const;
export type Phase = (typeof PHASES)[number];

/** Distance from the centre: 1 closest, 3 furthest. */
export const RINGS = [1, 2, 3] as const;
export type Ring = (typeof RINGS)[number];

/** Size limits in Unicode code points (strings) or items (lists). */
export const LIMITS = {
  title: 80,
  label: 80,
  supportNote: 280,
  name: 120,
  contact: 280,
  note: 2000,
  wishes: 5000,
  place: 80,
  centreNames: 12,
  entries: 500,
  forgotten: 2000,
} as const;

/** One person, group or place on the map, as every member sees it. */
export type BaseEntry = {
  id: string; // 16 bytes base64url
  label: string; // initials or role, 1…80 characters
  category: Category;
  ring: Ring;
  support: SupportKind[];
  supportNote: string; // 0…280 characters
  phases: Phase[];
  active: boolean;
  trusted: boolean;
  /** Day she started helping ("YYYY-MM-DD"); absent on entries from before dates were kept. */
  since?: string;
  /** Day she stopped helping, kept when she "helpt nu niet meer"; absent while she helps. */
  until?: string;
};

/** Section `base`: what every member sees. */
export type BaseSection = {
  v: 1;
  title: string;
  centre: { parents: string[]; children: string[] };
  entries: BaseEntry[];
  /**
   * Ids of entries deleted as a mistake: the timeline hides them in earlier versions too, so a
   * deleted person is gone from every moment the app shows from then on. Absent when empty.
   */
  forgotten?: string[];
};

/** Names, contact details and notes of one entry. */
export type DetailFields = { name?: string; contact?: string; note?: string };

/** Section `detail`: per entry id, only for members granted it. */
export type DetailSection = { v: 1; entries: Record<string, DetailFields> };

/** Section `private`: the parent's own. */
/** `place`: the parent's municipality or postcode, so "Mist er iets?" need not ask again. */
/** `birth`: the expected or actual birth date, so phases and end dates follow (decision 0030). */
export type PrivateSection = {
  v: 1;
  wishes: string;
  place?: string;
  birth?: { day: string; kind: 'expected' | 'actual' };
};

/** A whole map document; a reader without a section's key gets it undefined. */
export type MapDocument = { base: BaseSection; detail?: DetailSection; private?: PrivateSection };
