import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COMMITMENT_KINDS,
  TARGET_COMPUTATIONS,
  TARGET_DIRECTIONS,
  TARGET_KINDS,
  TARGET_MEASURES,
  TARGET_QUALIFIERS,
  TARGET_SOURCES,
} from '../../../common/enums';
import { timestamps, versioned } from './columns';
import { matters } from './matters';
import { regions, units, users } from './organisation';

/** An exact decimal (targets, actuals): 14 digits before the point, 4 after, read as a string (common/domain/decimal.ts). */
const decimal = (name: string) => numeric(name, { precision: 18, scale: 4 });

/**
 * An indicator (目标指标) of a district's year: GDP growth, key projects, investment completed … Its target has a unit
 * of measure, a published qualifier (左右, 以上, 以内), a kind (a level or a growth rate in %) and a direction (≥ or ≤).
 * Its actual is computed by a named computation over Lantu's data, or entered monthly by its owner unit.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district whose target it is. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    measure: text('measure', { enum: TARGET_MEASURES }).notNull(),
    kind: text('kind', { enum: TARGET_KINDS }).notNull().default('level'),
    targetValue: decimal('target_value').notNull(),
    qualifier: text('qualifier', { enum: TARGET_QUALIFIERS }).notNull().default('exact'),
    direction: text('direction', { enum: TARGET_DIRECTIONS }).notNull().default('at_least'),
    /** The unit answerable for it, which enters its actuals when it is entered. */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    source: text('source', { enum: TARGET_SOURCES }).notNull(),
    /** For a computed indicator: the named computation (common/domain/targets.ts, server/modules/targets/computations.ts). */
    computation: text('computation', { enum: TARGET_COMPUTATIONS }),
    note: text('note'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('indicators_region_year_name_uq').on(t.regionCode, t.year, t.name),
    index('indicators_owner_unit_idx').on(t.ownerUnitId),
    check('indicators_source_ck', sql`(${t.source} = 'computed') = (${t.computation} is not null)`),
    check('indicators_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * An entered indicator's actual for a month: the year-to-date figure as of the month's end (1–N月累计, as the
 * statistics bureau publishes it), with the owner unit's note. Entering a month again replaces it (audited).
 */
export const indicatorActuals = pgTable(
  'indicator_actuals',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    value: decimal('value').notNull(),
    note: text('note'),
    enteredBy: uuid('entered_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.month] }), check('indicator_actuals_month_ck', sql`${t.month} between 1 and 12`)],
);

/** An indicator broken down to units (分解到单位): each unit's share, summing back to the indicator's target. */
export const indicatorBreakdowns = pgTable(
  'indicator_breakdowns',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    targetValue: decimal('target_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.unitId] }), index('indicator_breakdowns_unit_idx').on(t.unitId)],
);

/**
 * A unit's pledge (军令状 / 目标责任书) or one of the year's 民生实事: a quantified task with a deadline, tracked monthly
 * with evidence, done or not; a 民生实事 also has the wording published to residents. Late, it can raise a matter.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    kind: text('kind', { enum: COMMITMENT_KINDS }).notNull(),
    /** The unit that pledged it (for a 民生实事, the lead unit). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    targetValue: decimal('target_value').notNull(),
    measure: text('measure', { enum: TARGET_MEASURES }).notNull(),
    deadline: date('deadline').notNull(),
    /** For a 民生实事: the sentence published to residents. */
    publicWording: text('public_wording'),
    done: boolean('done').notNull().default(false),
    doneOn: date('done_on'),
    /** The matter raised when it ran late (问题协调), if one was. */
    matterId: uuid('matter_id').references(() => matters.id, { onDelete: 'set null' }),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('commitments_region_year_kind_idx').on(t.regionCode, t.year, t.kind),
    index('commitments_unit_idx').on(t.unitId),
    check('commitments_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * A month's progress on a pledge or 民生实事: the quantity reached so far (cumulative) and the evidence in words or a
 * link (attachments are not built yet). Entering a month again replaces it (audited).
 */
export const commitmentProgress = pgTable(
  'commitment_progress',
  {
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    value: decimal('value').notNull(),
    evidence: text('evidence').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.month] }), check('commitment_progress_month_ck', sql`${t.month} between 1 and 12`)],
);
