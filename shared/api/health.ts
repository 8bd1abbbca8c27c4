import { Type, type Static } from 'typebox';

export const DatabaseEngine = Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]);
export type DatabaseEngine = Static<typeof DatabaseEngine>;

export const HealthResponse = Type.Object(
  { status: Type.Literal('ok'), database: DatabaseEngine },
  { additionalProperties: false },
);
export type HealthResponse = Static<typeof HealthResponse>;
