// Sociale kaart: the public directory of services, professionals' opt-in profiles and administration.
// Nothing here carries a map or family identifier: a search names only place, category, language and text.
import { Type, type Static } from 'typebox';
import { CATEGORIES } from '../map/types.js';
import { Timestamp } from './encoding.js';

const closed = { additionalProperties: false } as const;

/** Limits of the directory API (characters unless said otherwise). */
export const directoryLimits = {
  query: 200,
  place: 100,
  pageSizeDefault: 20,
  pageSizeMax: 50,
  /** Pages beyond this answer empty: deep paging is a scraping pattern, not a person searching. */
  pageMax: 500,
  importBodyBytes: 8 * 1024 * 1024,
  sourceName: 64,
  profileName: 120,
  profileProfession: 120,
  profileOrganisation: 120,
  profileArea: 200,
  profileHowToReach: 280,
  adminLogPageMax: 200,
} as const;

export const DirectoryCategory = Type.Enum(CATEGORIES);

/** ISO 639-1 or 639-3 language code, lower case ("nl", "en", "ar", "tir"). */
export const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$' });

const Page = Type.Integer({ minimum: 1, maximum: directoryLimits.pageMax });
const PageSize = Type.Integer({ minimum: 1, maximum: directoryLimits.pageSizeMax });
const Place = Type.String({ minLength: 1, maxLength: directoryLimits.place });
const Query = Type.String({ minLength: 1, maxLength: directoryLimits.query });

export const ServiceSearchQuery = Type.Object(
  {
    /** A municipality ("Rotterdam", "'s-Hertogenbosch") or a postcode ("3011", "3011 AB"). */
    place: Type.Optional(Place),
    category: Type.Optional(DirectoryCategory),
    language: Type.Optional(LanguageCode),
    q: Type.Optional(Query),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  closed,
);
export type ServiceSearchQuery = Static<typeof ServiceSearchQuery>;

const Text = Type.Union([Type.String(), Type.Null()]);

export const DirectoryService = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    name: Type.String(),
    description: Type.String(),
    organisation: Text,
    category: DirectoryCategory,
    roles: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
    municipalities: Type.Array(Type.String()),
    /** PC4 ranges served, "3011-3019" or "3011". */
    postcodes: Type.Array(Type.String()),
    address: Text,
    postcode: Text,
    city: Text,
    phone: Text,
    website: Text,
    email: Text,
    openingHours: Text,
  },
  closed,
);
export type DirectoryService = Static<typeof DirectoryService>;

export const ServiceSearchResponse = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    results: Type.Array(DirectoryService),
  },
  closed,
);
export type ServiceSearchResponse = Static<typeof ServiceSearchResponse>;

// --- professionals -------------------------------------------------------------------------------

export const ProfessionalProfileRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: directoryLimits.profileName }),
    profession: Type.String({ minLength: 1, maxLength: directoryLimits.profileProfession }),
    organisation: Type.String({ maxLength: directoryLimits.profileOrganisation }),
    /** Municipalities and/or PC4 postcodes or ranges, comma-separated ("Delft, 2611-2629"). */
    area: Type.String({ minLength: 1, maxLength: directoryLimits.profileArea }),
    howToReach: Type.String({ minLength: 1, maxLength: directoryLimits.profileHowToReach }),
  },
  closed,
);
export type ProfessionalProfileRequest = Static<typeof ProfessionalProfileRequest>;

export const PublishedProfessional = Type.Object(
  {
    /** A random id of the profile, not the account id. */
    profileId: Type.String(),
    name: Type.String(),
    profession: Type.String(),
    organisation: Type.String(),
    area: Type.String(),
    howToReach: Type.String(),
    publishedAt: Timestamp,
  },
  closed,
);
export type PublishedProfessional = Static<typeof PublishedProfessional>;

export const ProfessionalSearchQuery = Type.Object(
  {
    place: Type.Optional(Place),
    q: Type.Optional(Query),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  closed,
);
export type ProfessionalSearchQuery = Static<typeof ProfessionalSearchQuery>;

export const ProfessionalSearchResponse = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    results: Type.Array(PublishedProfessional),
  },
  closed,
);
export type ProfessionalSearchResponse = Static<typeof ProfessionalSearchResponse>;

// --- administration --------------------------------------------------------------------------------

export const IMPORT_FORMATS = ['hsds', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Names the data set; services are upserted by (source, source id), so re-imports are idempotent. */
export const SourceName = Type.String({
  minLength: 1,
  maxLength: directoryLimits.sourceName,
  pattern: '^[a-z0-9][a-z0-9._-]*$',
});

export const ImportRequest = Type.Object(
  {
    format: Type.Enum(IMPORT_FORMATS),
    source: SourceName,
    dryRun: Type.Optional(Type.Boolean()),
    /** HSDS 3.0 JSON (an object) or CSV text (a string). */
    data: Type.Union([Type.String(), Type.Object({}), Type.Array(Type.Unknown())]),
  },
  closed,
);
export type ImportRequest = Static<typeof ImportRequest>;

export const RejectedRecord = Type.Object(
  {
    /** 0-based position in the file's list of services (CSV: data row, header excluded). */
    index: Type.Integer({ minimum: 0 }),
    sourceId: Type.Union([Type.String(), Type.Null()]),
    reason: Type.String(),
  },
  closed,
);
export type RejectedRecord = Static<typeof RejectedRecord>;

const Counts = Type.Object(
  {
    created: Type.Integer({ minimum: 0 }),
    updated: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0 }),
  },
  closed,
);

export const ImportReport = Type.Object(
  {
    source: Type.String(),
    format: Type.String(),
    dryRun: Type.Boolean(),
    received: Type.Integer({ minimum: 0 }),
    services: Counts,
    organisations: Counts,
    rejected: Type.Array(RejectedRecord),
  },
  closed,
);
export type ImportReport = Static<typeof ImportReport>;

export const AdminLogQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: directoryLimits.adminLogPageMax })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  closed,
);
export type AdminLogQuery = Static<typeof AdminLogQuery>;

export const AdminLogEntry = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    admin: Type.String(),
    action: Type.String(),
    details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    at: Timestamp,
  },
  closed,
);
export type AdminLogEntry = Static<typeof AdminLogEntry>;

export const AdminLogResponse = Type.Object({ entries: Type.Array(AdminLogEntry) }, closed);
export type AdminLogResponse = Static<typeof AdminLogResponse>;
