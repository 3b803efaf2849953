import Ajv from 'ajv';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import fastJson from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import { exactJsonSchema } from './response-json-schema';

/**
 * The response serializer of every route. What it guarantees is zod's (fastify-type-provider-zod's `serializerCompiler`,
 * used before): only the fields the route's response schema declares are sent, and an answer that breaks its schema is
 * refused (FST_ERR_RESPONSE_SERIALIZATION → 500 `internal`, logged) rather than sent. It gets there faster: a schema
 * whose JSON Schema says exactly what zod checks (`exactJsonSchema`) is compiled once, on first use, into a validator
 * (Ajv) and a writer (fast-json-stringify, which writes declared properties only); other schemas (transforms,
 * refinements, …) and any answer the compiled pair does not accept go through zod's `safeEncode` as before, so an
 * answer is never refused that zod would have sent, and the refusal carries zod's issues.
 */
export const serializerCompiler: FastifySerializerCompiler<ZodType | { properties: ZodType }> = ({ schema: declared, method, url }) => {
  // The provider's shape: the zod schema itself, or wrapped as `{ properties }` by a schema transform.
  const schema = declared instanceof z.ZodType ? declared : declared.properties;
  let compiled: CompiledResponse | null | undefined;
  return (data) => {
    compiled ??= compiledResponse(schema);
    if (compiled?.validate(data)) {
      try {
        return compiled.write(data);
      } catch {
        // fast-json-stringify refused what the validator passed: zod decides below.
      }
    }
    return encodeWithZod(schema, data, method, url);
  };
};

function encodeWithZod(schema: ZodType, data: unknown, method: string, url: string) {
  const result = z.safeEncode(schema, data);
  if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
  return JSON.stringify(result.data);
}

type CompiledResponse = { validate: (data: unknown) => boolean; write: (data: unknown) => string };

// One validator for the process: its compiled functions are plain code, shared by every app built in it (tests build
// many). Numbers as zod checks them (no NaN or Infinity), strings' lengths and patterns as JavaScript counts them.
const ajv = new Ajv({ strict: false, strictNumbers: true, unicodeRegExp: false, validateFormats: false, allErrors: false });
const compiledBySchema = new WeakMap<ZodType, CompiledResponse | null>();

/** The compiled validator and writer of a response schema, or null when only zod can check it exactly. */
function compiledResponse(schema: ZodType): CompiledResponse | null {
  const known = compiledBySchema.get(schema);
  if (known !== undefined) return known;
  const json = exactJsonSchema(schema);
  const compiled = json ? { validate: ajv.compile(json), write: fastJson(json as unknown as Parameters<typeof fastJson>[0]) } : null;
  compiledBySchema.set(schema, compiled);
  return compiled;
}
