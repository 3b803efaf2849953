/** The contract of assessment (考核): checking a scoring formula and previewing it on a month's data. */
import { z } from 'zod';
import { UNIT_KINDS } from '../enums';

/**
 * A ranking group of a rule (考核分组, common/domain/ranking-groups.ts): a name, members by unit kind and/or explicit
 * units, minus explicit exclusions. Units of the district in no group are not assessed.
 */
export const rankingGroupSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  kinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
  unitIds: z.array(z.string().uuid()).max(2_000).default([]),
  excludedUnitIds: z.array(z.string().uuid()).max(2_000).default([]),
});
/** A rule's groups: absent or null — every unit of the district in one ranking. */
const rankingGroups = z.array(rankingGroupSchema).max(20).nullable().optional();
const groupsAnswer = z
  .array(
    z.object({ name: z.string(), kinds: z.array(z.enum(UNIT_KINDS)), unitIds: z.array(z.string()), excludedUnitIds: z.array(z.string()) }),
  )
  .nullable();

const formula = z.string().max(20_000);
export const formulaCheckBody = z.strictObject({ formula });
export const formulaPreviewBody = z.strictObject({
  formula,
  /** The groups being edited: the preview ranks within them and leaves out the units they do not assess. */
  groups: rankingGroups,
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
});

const variableSchema = z.object({
  name: z.string(),
  zh: z.string(),
  label: z.string(),
  meaning: z.string(),
  kind: z.enum(['ratio', 'count']),
});
export const formulaCheckResponse = z.object({
  ok: z.literal(true),
  /** The catalogue variables the formula names, in order of first use. */
  variables: z.array(variableSchema),
});

/** A formula refused: the message under the caret, with its 1-based line and column (a refused group: path and message only). */
export const formulaErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() })),
  }),
});

const inputSchema = z.object({
  kind: z.enum(['variable', 'aggregate']),
  name: z.string(),
  value: z.union([z.number(), z.boolean(), z.string()]),
});
export const formulaPreviewResponse = z.object({
  year: z.number(),
  month: z.number(),
  items: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      /** The unit's ranking group; null when the rule has no groups. */
      group: z.string().nullable(),
      /** null when the formula could not be evaluated for the unit (the error says why). */
      value: z.number().nullable(),
      /** The rank within the group (ties share one); null when the formula failed for the unit. */
      rank: z.number().nullable(),
      error: z.string().nullable(),
      terms: z.array(z.object({ text: z.string(), sign: z.number(), value: z.number(), inputs: z.array(inputSchema) })),
      variables: z.record(z.string(), z.number()),
    }),
  ),
  /** Which variables read 0 for want of data (no source, no plan, no target), in the reader's language. */
  notes: z.array(z.string()),
});

const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);

/** A version of a district's scoring rule for a year. */
export const scoringRuleSchema = z.object({
  id: z.string(),
  year: z.number(),
  version: z.number(),
  formula: z.string(),
  /** Who is assessed and in which rankings; null: every unit of the district in one ranking. */
  groups: groupsAnswer,
  note: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export const scoringRulesQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
/**
 * Whose rules and rankings: a district's (its units ranked) or a city's or province's (the districts under it ranked,
 * each on the sums over its units; issue 15 "Regions above districts").
 */
export const scoringLevel = z.enum(['district', 'city', 'province']);
/** The year's rules of the reader's district (or city or province): the current (highest) version and every version, newest first. */
export const scoringRulesResponse = z.object({
  year: z.number(),
  /** The region whose rule it is (the reader's district, city or province) and its level. */
  regionName: z.string(),
  level: scoringLevel,
  current: scoringRuleSchema.nullable(),
  versions: z.array(scoringRuleSchema),
  /** The units of the district (its own and its streets'), which groups choose from; none above district level (no groups there). */
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export const scoringRuleBody = z.strictObject({
  year,
  formula: z.string().min(1).max(20_000),
  groups: rankingGroups,
  note: z.string().trim().max(500).optional(),
});

export const scoreMonthBody = z.strictObject({ year, month });
export const scoreMonthQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});

const termSchema = z.object({ text: z.string(), sign: z.number(), value: z.number(), inputs: z.array(inputSchema) });
/** A month's ranking of the reader's district as snapshotted; `snapshot` null (and no items) when not taken yet. */
export const scoreMonthResponse = z.object({
  year: z.number(),
  month: z.number(),
  snapshot: z
    .object({
      id: z.string(),
      ruleVersion: z.number(),
      formula: z.string(),
      computedAt: z.string(),
      computedByName: z.string().nullable(),
    })
    .nullable(),
  /** Whose ranking: a district's units, or (city, province) the districts under it — a line then names a district. */
  level: scoringLevel,
  /** Whether the region has a scoring rule for the year at all (without one no month can be taken). */
  ruleExists: z.boolean(),
  /** Whether the snapshot may be taken (again): the current month always, a past month only once; never without a rule. */
  mayCompute: z.boolean(),
  /** The ranking groups in the rule's order (each with its lines below); empty when the rule had no groups. */
  groups: z.array(z.string()),
  items: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      /** The group the unit was ranked in; null when the rule had no groups (one ranking). */
      group: z.string().nullable(),
      /** null when the formula could not be evaluated for the unit (the error says why); such lines come last. */
      score: z.number().nullable(),
      /** The rank within the line's group; ties share a rank (1, 1, 3): scores equal to two decimals tie. */
      rank: z.number().nullable(),
      error: z.string().nullable(),
      terms: z.array(termSchema),
      variables: z.record(z.string(), z.number()),
    }),
  ),
  /** Which variables the rule uses read 0 for want of data (no source then, no plan, no target), in the reader's language. */
  notes: z.array(z.string()),
});

export const unitHistoryParams = z.strictObject({ unitId: z.string().uuid() });
export const unitHistoryQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
/**
 * A unit's score and rank over a year's months: one entry per month the district has a snapshot of, in month order;
 * `line` null when the unit was not assessed that month (not in the rule's groups, or not a unit of the district then).
 */
/** A month of a unit's history: its line, null when the unit was not assessed that month. */
const unitHistoryMonth = z.object({
  month: z.number(),
  ruleVersion: z.number(),
  line: z
    .object({
      /** The group the unit was ranked in that month; null when the rule had no groups (one ranking). */
      group: z.string().nullable(),
      /** null when the formula could not be evaluated for the unit that month. */
      score: z.number().nullable(),
      /** The rank within the group (ties share one); null when the unit could not be scored. */
      rank: z.number().nullable(),
      /** How many units the group held that month (those that could not be scored included). */
      groupSize: z.number(),
    })
    .nullable(),
});
export const unitHistoryResponse = z.object({
  year: z.number(),
  unit: z.object({ id: z.string(), name: z.string() }),
  months: z.array(unitHistoryMonth),
  /** December of the year before, which January is compared with; null when the district has no snapshot of it. */
  previousDecember: unitHistoryMonth.nullable(),
});
