// Membership routes under /api/maps/:mapId: the log, slots and rights, member cards, leave and remove, events.
import { Type, type Static } from 'typebox';
import { AccessDay, BytesBetween, Id, Timestamp } from './encoding.js';
import { limits } from './limits.js';
import { KeyBundle, LogRecord, MapBody, Rights, Version } from './maps.js';

const closed = { additionalProperties: false } as const;

/** Log sequence numbers start at 1 (INIT). */
export const Seq = Type.Integer({ minimum: 1, maximum: 2 ** 32 - 1 });

export const LogRecords = Type.Array(LogRecord, {
  minItems: 1,
  maxItems: limits.logRecordsPerRequestMax,
});

/** `after` = the last seq the client has; records after it come back (all when absent). */
export const LogQuery = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 32 - 1 })) },
  closed,
);
export type LogQuery = Static<typeof LogQuery>;

export const LogResponse = Type.Object(
  {
    /** Records in seq order, as stored; at most `limits.logPageMax` per answer. */
    records: Type.Array(Type.Object({ seq: Seq, record: LogRecord, createdAt: Timestamp }, closed)),
    /** The seq of the newest record (0 for an empty log). */
    headSeq: Type.Integer({ minimum: 0 }),
  },
  closed,
);
export type LogResponse = Static<typeof LogResponse>;

/** Appends records; the first must carry seq = head + 1 in its header, the rest follow on. */
export const AppendLogRequest = Type.Object({ records: LogRecords }, closed);
export type AppendLogRequest = Static<typeof AppendLogRequest>;

export const AppendLogResponse = Type.Object({ headSeq: Seq }, closed);
export type AppendLogResponse = Static<typeof AppendLogResponse>;

export const SlotParams = Type.Object({ mapId: Id, slotId: Id }, closed);
export type SlotParams = Static<typeof SlotParams>;

export const SlotSummary = Type.Object(
  { slotId: Id, rights: Rights, createdAt: Timestamp, creator: Type.Boolean() },
  closed,
);
export type SlotSummary = Static<typeof SlotSummary>;

export const SlotsResponse = Type.Object({ slots: Type.Array(SlotSummary) }, closed);
export type SlotsResponse = Static<typeof SlotsResponse>;

/**
 * A grant change: new rights and the slot's new key ring; `logRecords` (ROLE/GRANT) appended with it.
 * `headSeq` (optional): the log head the writer verified; another head is 409 log_conflict, so a ring
 * re-signed from an older log never replaces one written since (0: the map has no log yet).
 */
export const UpdateSlotRequest = Type.Object(
  {
    rights: Rights,
    keyBundle: KeyBundle,
    logRecords: Type.Optional(LogRecords),
    headSeq: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 32 - 1 })),
    /** The last day the capability works (UTC), null to make it open-ended; absent leaves it. */
    accessUntil: Type.Optional(Type.Union([AccessDay, Type.Null()])),
  },
  closed,
);
export type UpdateSlotRequest = Static<typeof UpdateSlotRequest>;

export const UpdateSlotResponse = Type.Object({ slotId: Id, rights: Rights }, closed);
export type UpdateSlotResponse = Static<typeof UpdateSlotResponse>;

export const CardBody = BytesBetween(limits.cardMinBytes, limits.cardMaxBytes);
/** Card versions start at 1; 0 as base means "I have no card yet". */
export const CardVersion = Type.Integer({ minimum: 1, maximum: 2 ** 32 - 1 });

/** The body's header must carry cardVersion = baseCardVersion + 1 (bytes 5–8). */
export const PutCardRequest = Type.Object(
  { baseCardVersion: Type.Integer({ minimum: 0, maximum: 2 ** 32 - 2 }), body: CardBody },
  closed,
);
export type PutCardRequest = Static<typeof PutCardRequest>;

export const PutCardResponse = Type.Object({ cardVersion: CardVersion }, closed);
export type PutCardResponse = Static<typeof PutCardResponse>;

export const CardSummary = Type.Object(
  { slotId: Id, cardVersion: CardVersion, body: CardBody, updatedAt: Timestamp },
  closed,
);
export type CardSummary = Static<typeof CardSummary>;

export const CardsResponse = Type.Object({ cards: Type.Array(CardSummary) }, closed);
export type CardsResponse = Static<typeof CardsResponse>;

/**
 * One atomic removal and rotation: delete `removeSlotIds`, append `logRecords` (REMOVE…, ROTATE) after
 * the head, store `body` as baseVersion + 1 and replace the key ring of every remaining slot.
 */
export const RemoveMembersRequest = Type.Object(
  {
    removeSlotIds: Type.Array(Id, { maxItems: limits.slotsPerMapMax, uniqueItems: true }),
    logRecords: LogRecords,
    baseVersion: Version,
    body: MapBody,
    keyBundles: Type.Record(Id, KeyBundle, { maxProperties: limits.slotsPerMapMax }),
  },
  closed,
);
export type RemoveMembersRequest = Static<typeof RemoveMembersRequest>;

export const RemoveMembersResponse = Type.Object({ version: Version, headSeq: Seq }, closed);
export type RemoveMembersResponse = Static<typeof RemoveMembersResponse>;

/**
 * Server-Sent Event names on GET /api/maps/:mapId/events; data is `{"mapId":"…"}`, never content.
 * `resync`: events may have been missed (the server's LISTEN connection was cut); fetch it all again.
 */
export const MAP_EVENT_TYPES = ['version', 'log', 'card', 'slots', 'removed', 'resync'] as const;
export type MapEventType = (typeof MAP_EVENT_TYPES)[number];
