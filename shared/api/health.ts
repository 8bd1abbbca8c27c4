import { Type, type Static } from 'typebox';

export const DatabaseEngine = Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]);
export type DatabaseEngine = Static<typeof DatabaseEngine>;

/**
 * Why an instance is degraded; stable codes for monitoring. `live_events_down`: its LISTEN
 * connection is lost, so live events of other instances do not reach its streams until it is back.
 */
export const DegradedReason = Type.Union([Type.Literal('live_events_down')]);
export type DegradedReason = Static<typeof DegradedReason>;

/** Always HTTP 200 while the database answers: a degraded instance still serves every request. */
export const HealthResponse = Type.Union([
  Type.Object(
    { status: Type.Literal('ok'), database: DatabaseEngine },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      status: Type.Literal('degraded'),
      database: DatabaseEngine,
      reasons: Type.Array(DegradedReason, { minItems: 1 }),
    },
    { additionalProperties: false },
  ),
]);
export type HealthResponse = Static<typeof HealthResponse>;
