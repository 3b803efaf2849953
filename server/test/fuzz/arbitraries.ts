import fc from 'fast-check';

/** A JSON Schema as @fastify/swagger emits it for our zod schemas (the subset the fuzzer reads). */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
};

/**
 * Strings uniform generators almost never produce but real input does: NUL, lone surrogates, bidi controls,
 * full-width digits, SQL and script fragments, path traversal, huge and empty strings.
 */
export const ODD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200f\u200e',
  '１２３４５６',
  '３７０１０５',
  '２０２４－３７０１０５－３６－０３－１２３４５６',
  "' OR 1=1 --",
  "'; drop table users; --",
  '" OR ""="',
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '\\',
  '',
  ' ',
  '\t\n\r',
  '😀👨‍👩‍👧',
  '天桥区',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '9999-99-99',
  '2024-02-30',
  '1970-01-01T00:00:00Z',
] as const;

export const ODD_NUMBERS = [-1, 0, 1, -0.5, 0.5, 2 ** 31, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, 1e15, 1e308, -1e308, Number.MIN_VALUE] as const;

const oddString = () =>
  fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.constant('x'.repeat(10_001)), fc.string({ unit: 'binary', maxLength: 40 }));
const oddNumber = () => fc.constantFrom(...ODD_NUMBERS);
/** Any JSON value of the wrong kind: the mutations that test the validator rather than the business rules. */
export const oddValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: oddString() },
    { weight: 2, arbitrary: oddNumber() },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
    { weight: 1, arbitrary: fc.array(oddString(), { minLength: 0, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 5000 }, () => 'a')) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), oddString(), { maxKeys: 3 }) },
  );

/** Values that fit the schema's type and bounds, with their edges (min, max, just past them). */
function fitting(schema: JsonSchema, pools: IdPools): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => fitting(s, pools)));
  if (schema.allOf?.[0]) return fitting(schema.allOf[0], pools);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000_000;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000;
      const edges = [min, max, min - 1, max + 1];
      const lo = Math.ceil(Math.max(min, -(2 ** 31)));
      const hi = Math.floor(Math.min(max, 2 ** 31));
      if (lo > hi) return fc.constantFrom(...edges);
      const inRange = type === 'integer' ? fc.integer({ min: lo, max: hi }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
    }
    case 'array': {
      const item = schema.items ? fitting(schema.items, pools) : fc.anything();
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 5, 5)) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, sub] of Object.entries(props)) record[name] = fitting(sub, pools);
      const requiredKeys = Object.keys(props).filter((k) => required.has(k));
      return fc.record(record, { requiredKeys });
    }
    default:
      return stringFor(schema, pools);
  }
}

export type IdPools = { uuids: string[]; regionCodes: string[] };

function stringFor(schema: JsonSchema, pools: IdPools): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid')
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.uuids) }, { weight: 1, arbitrary: fc.uuid() });
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern?.includes('\\d{6}')) return fc.constantFrom(...pools.regionCodes);
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { size: 'xsmall' });
    } catch {
      // Patterns JavaScript cannot compile (none today) fall through to plain strings.
    }
  }
  const maxLength = Math.min(schema.maxLength ?? 50, 60);
  return fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength, unit: 'grapheme' });
}

/** A value for one schema: mostly fitting, sometimes deliberately wrong, with odd values favoured over uniform ones. */
export const valueFor = (schema: JsonSchema, pools: IdPools): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: fitting(schema, pools) }, { weight: 1, arbitrary: oddValue() });

/** A request body: the object with some fields mutated, some removed, and sometimes an unknown field added. */
export function bodyFor(schema: JsonSchema, pools: IdPools): fc.Arbitrary<unknown> {
  if (!schema.properties) return valueFor(schema, pools);
  const props = schema.properties;
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) record[name] = valueFor(sub, pools);
  const requiredKeys = (schema.required ?? []).filter((k) => k in props);
  const object = fc.record(record, { requiredKeys });
  return fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 1, arbitrary: object.chain((o) => oddString().map((v) => ({ ...(o as object), unexpectedField: v }))) },
    { weight: 1, arbitrary: oddValue() },
  );
}

/** Query strings are text: every value is sent as the string a browser would send. */
export const asQueryValue = (value: unknown): string | undefined =>
  value === undefined
    ? undefined
    : typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(String).join(',')
        : JSON.stringify(value);
