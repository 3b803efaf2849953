import { type ZodType, z } from 'zod';

// The JSON Schema (draft 7, which both Ajv and fast-json-stringify read) of a response schema, when it checks exactly
// what zod checks — otherwise null, and the serializer keeps to zod. zod's `toJSONSchema` silently drops refinements,
// regex flags and checks done in code, and cannot express transforms, codecs, defaults or dates; so the schema is
// first walked, and only the kinds and checks below, whose JSON form zod's own check is, are let through.

/** Zod kinds whose JSON Schema is exact; the wrappers and containers are walked into. */
const EXACT_KINDS = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'any',
  'unknown',
  'enum',
  'literal',
  'object',
  'array',
  'record',
  'union',
  'tuple',
  'nullable',
  'optional',
  'readonly',
  // A strict object's catchall: `additionalProperties: false`.
  'never',
]);

/** Checks zod makes that JSON Schema states exactly (lengths, bounds, integer formats, patterns). */
const EXACT_CHECKS = new Set(['less_than', 'greater_than', 'number_format', 'min_length', 'max_length', 'length_equals']);

/** String formats zod checks with nothing but the pattern it also writes into the JSON Schema. */
const EXACT_STRING_FORMATS = new Set([
  'uuid',
  'guid',
  'email',
  'date',
  'time',
  'datetime',
  'starts_with',
  'ends_with',
  'includes',
  'lowercase',
  'uppercase',
]);

type Def = {
  type: string;
  check?: string;
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: Def } }[];
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  options?: ZodType[];
  items?: ZodType[];
  rest?: ZodType | null;
  innerType?: ZodType;
  values?: unknown[];
};

const defOf = (schema: { _zod: { def: unknown } }) => schema._zod.def as Def;

function exactCheck(def: Def): boolean {
  if (def.check === undefined) return true;
  if (EXACT_CHECKS.has(def.check)) return true;
  if (def.check !== 'string_format' || !def.format) return false;
  if (def.format === 'regex') return def.pattern?.flags === '';
  return EXACT_STRING_FORMATS.has(def.format);
}

/** True when every part of the schema is a kind and check whose JSON Schema is what zod checks. */
export function isExactlyRepresentable(schema: ZodType): boolean {
  const def = defOf(schema);
  if (!EXACT_KINDS.has(def.type) || !exactCheck(def)) return false;
  if (!(def.checks ?? []).every((c) => exactCheck(c._zod.def))) return false;
  const parts: (ZodType | null | undefined)[] = [
    ...Object.values(def.shape ?? {}),
    def.catchall,
    def.element,
    def.keyType,
    def.valueType,
    ...(def.options ?? []),
    ...(def.items ?? []),
    def.rest,
    def.innerType,
  ];
  if (def.type === 'literal' && !(def.values ?? []).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
    return false;
  }
  return parts.every((part) => !part || isExactlyRepresentable(part));
}

type Json = Record<string, unknown>;

/**
 * The response schema as JSON Schema for the compiled serializer, or null (see above). Objects without a catchall
 * strip unknown keys in zod, so they lose the `additionalProperties: false` zod writes for the OpenAPI document: the
 * validator then lets extra keys through, as zod does, and fast-json-stringify leaves them out, as zod's output does.
 */
export function exactJsonSchema(schema: ZodType): Json | null {
  if (!isExactlyRepresentable(schema)) return null;
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'throw',
    cycles: 'throw',
    reused: 'inline',
    metadata: z.registry(),
    override: ({ zodSchema, jsonSchema }) => {
      const def = defOf(zodSchema);
      if (def.type === 'object' && def.catchall === undefined) delete jsonSchema.additionalProperties;
    },
  }) as Json;
  delete json.$schema;
  return collapseNullable(json) as Json;
}

/**
 * `anyOf: [X, { type: 'null' }]` (zod's `.nullable()`) as `type: [X's type, 'null']`: the same set of values, but
 * fast-json-stringify then tests `=== null` instead of running a validator per branch for every row.
 */
function collapseNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(collapseNullable);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = collapseNullable(value);
  const anyOf = out.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2 || Object.keys(out).length !== 1) return out;
  const nullAt = anyOf.findIndex((branch: Json) => branch.type === 'null' && Object.keys(branch).length === 1);
  const other = anyOf[1 - nullAt] as Json | undefined;
  if (nullAt < 0 || !other || typeof other.type !== 'string') return out;
  if (['anyOf', 'oneOf', 'allOf', 'not', 'const', '$ref'].some((k) => k in other)) return out;
  const merged: Json = { ...other, type: [other.type, 'null'] };
  if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
  return merged;
}
