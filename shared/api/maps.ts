import { Type, type Static } from 'typebox';
import { Bytes, BytesBetween, Id, Timestamp } from './encoding.js';
import { limits } from './limits.js';

const closed = { additionalProperties: false } as const;

/** Name of the header that carries a map capability (base64url of 32 bytes); never put it in a URL. */
export const CAPABILITY_HEADER = 'nk-capability';

export const Rights = Type.Union([
  Type.Literal('read'),
  Type.Literal('write'),
  Type.Literal('admin'),
]);
export type Rights = Static<typeof Rights>;

export const Capability = Bytes(limits.capabilityBytes);
export const CapabilityHash = Bytes(limits.capabilityHashBytes, 'base64url of sha256(capability)');
export const KeyBundle = BytesBetween(limits.keyBundleMinBytes, limits.keyBundleMaxBytes);
export const MapBody = BytesBetween(limits.mapBodyMinBytes, limits.mapBodyMaxBytes);
/** Version numbers start at 1; the bound keeps version + 1 exact in JavaScript and in a bigint column. */
export const Version = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 2 });

/** Headers of every map route except create (other headers are allowed). */
export const CapabilityHeaders = Type.Object({ [CAPABILITY_HEADER]: Capability });

export const MapParams = Type.Object({ mapId: Id }, closed);
export type MapParams = Static<typeof MapParams>;

export const MapVersionParams = Type.Object({ mapId: Id, version: Version }, closed);
export type MapVersionParams = Static<typeof MapVersionParams>;

/** One membership log record (shared/crypto format: `[0x01][seq u32][epoch u32][envelope]`). */
export const LogRecord = BytesBetween(limits.logRecordMinBytes, limits.logRecordMaxBytes);

/**
 * `slotId` (client-chosen, so the INIT record can name it) and `logRecord` (the INIT record, seq 1) are
 * optional for now; a map made without them gets a server-chosen slot id and starts its log later.
 */
export const CreateMapRequest = Type.Object(
  {
    mapId: Id,
    capabilityHash: CapabilityHash,
    keyBundle: KeyBundle,
    body: MapBody,
    slotId: Type.Optional(Id),
    logRecord: Type.Optional(LogRecord),
  },
  closed,
);
export type CreateMapRequest = Static<typeof CreateMapRequest>;

export const CreateMapResponse = Type.Object({ mapId: Id, version: Version }, closed);
export type CreateMapResponse = Static<typeof CreateMapResponse>;

// map versions on the wire (bytes and headers): kept apart so the page loads them without TypeBox
export * from './map-wire.js';

/** Versions newest first; `before` excludes that version and newer. */
export const VersionsQuery = Type.Object(
  {
    before: Type.Optional(Version),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.versionsPageMax })),
  },
  closed,
);
export type VersionsQuery = Static<typeof VersionsQuery>;

export const VersionSummary = Type.Object(
  { version: Version, size: Type.Integer({ minimum: 0 }), createdAt: Timestamp },
  closed,
);
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionsResponse = Type.Object({ versions: Type.Array(VersionSummary) }, closed);
export type VersionsResponse = Static<typeof VersionsResponse>;

/** Accesses are counted per slot per minute; `at` is the start of the minute. */
export const SlotAccess = Type.Object(
  { at: Timestamp, count: Type.Integer({ minimum: 1 }) },
  closed,
);
export type SlotAccess = Static<typeof SlotAccess>;

/** Membership events of a slot: joined (with rights), rights changed (new rights), removed, left. */
export const SlotEvent = Type.Object(
  {
    type: Type.Union([
      Type.Literal('joined'),
      Type.Literal('rights'),
      Type.Literal('removed'),
      Type.Literal('left'),
    ]),
    rights: Type.Union([Rights, Type.Null()]),
    at: Timestamp,
  },
  closed,
);
export type SlotEvent = Static<typeof SlotEvent>;

export const SlotAccessLog = Type.Object(
  {
    slotId: Id,
    rights: Rights,
    createdAt: Timestamp,
    lastSeenAt: Type.Union([Timestamp, Type.Null()]),
    accesses: Type.Array(SlotAccess),
    /** Oldest first. */
    events: Type.Array(SlotEvent),
  },
  closed,
);
export type SlotAccessLog = Static<typeof SlotAccessLog>;

/** A slot that was removed or left: its events and its views (of the last 90 days) stay. */
export const FormerSlotLog = Type.Object(
  { slotId: Id, accesses: Type.Array(SlotAccess), events: Type.Array(SlotEvent) },
  closed,
);
export type FormerSlotLog = Static<typeof FormerSlotLog>;

export const AccessLogResponse = Type.Object(
  { slots: Type.Array(SlotAccessLog), formerSlots: Type.Array(FormerSlotLog) },
  closed,
);
export type AccessLogResponse = Static<typeof AccessLogResponse>;
