import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RankingGroup } from '../../../common/domain/ranking-groups';
import { regions, units, users } from './organisation';

/**
 * A district's scoring rule (考核评分办法) for a year, one row per version: the formula text of the scoring language
 * (common/domain/formula, docs/formulas.md). Versions are never changed or deleted; the year's current rule is its
 * highest version. Saving a new version is audited.
 */
export const scoringRules = pgTable(
  'scoring_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district whose rule it is. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    formula: text('formula').notNull(),
    /**
     * Who is assessed and in which rankings (考核分组, common/domain/ranking-groups.ts): each group a name and members
     * by unit kind and/or explicit units, minus explicit exclusions; units in no group are not assessed. Null: every
     * unit of the district in one ranking (rules saved before groups existed keep that meaning).
     */
    groups: jsonb('groups').$type<RankingGroup[] | null>(),
    note: text('note'),
    /** Who saved it (null for the seed or a removed account); the name as it was then. */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scoring_rules_region_year_version_uq').on(t.regionCode, t.year, t.version),
    check('scoring_rules_version_ck', sql`${t.version} >= 1`),
    check('scoring_rules_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * The scores of a district's units for a month, taken once with the rule current then (its id and version kept):
 * a past month's snapshot never changes; the current month's may be taken again, replacing it.
 */
export const scoreSnapshots = pgTable(
  'score_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => scoringRules.id),
    ruleVersion: integer('rule_version').notNull(),
    /** Who took it (null: the monthly job); the name as it was then. */
    computedById: uuid('computed_by_id').references(() => users.id, { onDelete: 'set null' }),
    computedByName: text('computed_by_name'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('score_snapshots_region_month_uq').on(t.regionCode, t.year, t.month),
    check('score_snapshots_month_ck', sql`${t.month} between 1 and 12`),
  ],
);

/**
 * One unit's line of a month's snapshot: its score, its rank (ties share a rank), and the explanation — each term of
 * the formula with its inputs and signed points (jsonb, as `evaluateFormula` gives them) and the unit's variables.
 * A unit the formula could not be evaluated for (a division by zero) has no score or rank and its error's message.
 */
export const scoreSnapshotItems = pgTable(
  'score_snapshot_items',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => scoreSnapshots.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit's name when the snapshot was taken. */
    unitName: text('unit_name').notNull(),
    score: doublePrecision('score'),
    /** The rank within the line's group (or the whole ranking when the rule has no groups). */
    rank: integer('rank'),
    /** The ranking group the unit was assessed in (its name then); null when the rule had no groups. */
    groupName: text('group_name'),
    /** The order of the line in the snapshot (1 = first; groups in the rule's order, ties by name): deterministic. */
    position: integer('position').notNull(),
    /** The formula error (code, offset in the rule's text, params) when the unit could not be scored; worded on reading. */
    error: jsonb('error').$type<{ code: string; offset: number; params: Record<string, string | number> } | null>(),
    terms: jsonb('terms')
      .$type<
        { text: string; sign: number; value: number; inputs: { kind: 'variable' | 'aggregate'; name: string; value: number | boolean }[] }[]
      >()
      .notNull(),
    variables: jsonb('variables').$type<Record<string, number>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.unitId] }), index('score_snapshot_items_unit_idx').on(t.unitId)],
);
