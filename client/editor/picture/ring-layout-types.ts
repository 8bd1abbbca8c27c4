/**
 * What the ring layout takes and gives: the sectors, an entry as the layout sees it, the words it
 * shows, and the placed picture. Units are SVG user units; angles are radians clockwise from 12.
 */
import type { Category, Ring } from '../../../shared/map/types.js';
import type { Box, TextBlock } from './ring-geometry.js';

/** Sectors of the picture, clockwise from the top: the parent's own people, places, professionals. */
export const SECTOR_GROUPS = [
  'family',
  'friends',
  'parents',
  'community',
  'places',
  'social',
  'public-health',
  'medical',
] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

/** The sector of each category (work and study sit with friends, volunteers with the community). */
export const SECTOR_OF: Readonly<Record<Category, SectorGroup>> = {
  family: 'family',
  friends: 'friends',
  'work-study': 'friends',
  'other-parents': 'parents',
  community: 'community',
  volunteers: 'community',
  'places-services': 'places',
  'childcare-school': 'social',
  'pro-social': 'social',
  'pro-public-health': 'public-health',
  'pro-medical': 'medical',
};

/** What the layout needs to know of an entry. */
export interface LayoutEntry {
  readonly id: string;
  readonly label: string;
  readonly category: Category;
  readonly ring: Ring;
  readonly trusted: boolean;
  /** The agreed borger (shown with a diamond and the `borger` text). */
  readonly borger?: boolean;
  /** No longer involved (shown greyed, with the `ended` text). */
  readonly ended: boolean;
}

/** The words the picture shows, in the current language. */
export interface LayoutText {
  readonly sectorNames: Readonly<Record<SectorGroup, string>>;
  readonly ringNames: Readonly<Record<Ring, string>>;
  /** Under a trusted person's label, after a star, e.g. "vertrouwd". */
  readonly trusted: string;
  /** Under the borger's label, after a diamond, e.g. "borger". */
  readonly borger?: string;
  /** Under an ended entry's label, e.g. "gestopt". */
  readonly ended: string;
  /** Lines in the centre circle; the first is bold. */
  readonly centre: readonly string[];
}

export interface LayoutOptions {
  /** Right-to-left: the picture is mirrored, sectors run counter-clockwise. */
  readonly mirror?: boolean;
  /** The empty sheet for paper: equal sectors and wide rings to write in. */
  readonly blank?: boolean;
  /**
   * The frame the picture is shown in, in CSS pixels. When the labels would be drawn smaller than
   * READABLE_PX there, entries show their number instead (the list below gives the full text),
   * and on very small frames the sector and ring names leave the picture too (compact). Without
   * it every label is written out (print, where the list sits beside the picture).
   */
  readonly fit?: { readonly width: number; readonly height: number };
}

/** Labels are written out only when they come out at least this large on the screen (CSS px). */
export const READABLE_PX = 10.5;

export interface PlacedEntry {
  readonly id: string;
  readonly sector: SectorGroup;
  readonly ring: Ring;
  /** Of the node's centre. */
  readonly angle: number;
  readonly radius: number;
  readonly x: number;
  readonly y: number;
  readonly nodeRadius: number;
  /** 1, 2, 3 … in reading order (sector by sector, inside out); the list below uses it too. */
  readonly number: number;
  /** The label is replaced by the number, drawn in the node (the full text is in the list). */
  readonly numbered: boolean;
  /** The label, or the number in the node when `numbered`. */
  readonly label: TextBlock;
  /** The "★ vertrouwd", "◆ borger" or "gestopt" line, if any. */
  readonly mark: TextBlock | null;
  /** Everything the entry draws: node, star, label and mark. */
  readonly box: Box;
}

export interface PlacedSector {
  readonly group: SectorGroup;
  /** Angles in radians, `start` < `end`; `start` may be negative. */
  readonly start: number;
  readonly end: number;
  readonly label: TextBlock;
}

export interface RingLayout {
  readonly viewBox: Box;
  readonly centreRadius: number;
  readonly centre: TextBlock;
  /** Outer radius of rings 1, 2 and 3. */
  readonly radii: readonly [number, number, number];
  readonly sectors: readonly PlacedSector[];
  readonly ringLabels: readonly { readonly ring: Ring; readonly text: TextBlock }[];
  readonly entries: readonly PlacedEntry[];
  /** The labels' font size (the largest that fitted). */
  readonly fontSize: number;
  readonly mirrored: boolean;
  /** Sector and ring names are left out of the picture (the list below names the sectors). */
  readonly compact: boolean;
}

/** Label font sizes tried, largest first; the last is the floor. */
export const FONT_SIZES = [13, 12, 11, 10] as const;
export const FONT_FLOOR = 10;
/** Free space kept around every box. */
export const GAP = 4;
