// Request validation with TypeBox: bodies as sent, path and query strings turned into integers strictly.
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

const INTEGER_TEXT = /^(0|-?[1-9][0-9]{0,15})$/;

/**
 * Unlike TypeBox's Value.Convert (which reads "1.5" or "0x1f" as integers), a path or query value becomes
 * a number only when it is written as a plain decimal integer; anything else stays a string and fails.
 */
function convertIntegers(schema: TSchema, value: unknown): unknown {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  if (!properties || typeof value !== 'object' || value === null) return value;
  const converted: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, property] of Object.entries(properties)) {
    const text = converted[key];
    if (property.type === 'integer' && typeof text === 'string' && INTEGER_TEXT.test(text)) {
      converted[key] = Number(text);
    }
  }
  return converted;
}

/** Validator compiler for every route; extra fields fail (Ajv's default would silently strip them). */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  const convert = httpPart === 'body' || httpPart === 'headers' ? undefined : schema;
  return (input: unknown) => {
    const value = convert ? convertIntegers(convert, input) : input;
    if (check.Check(value)) return { value };
    return { error: [...check.Errors(value)] as unknown as Error };
  };
};
