import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioned, yuan } from './columns';
import { projects } from './projects';

export const approvalItems = pgTable(
  'approval_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    typeCode: text('type_code').notNull(),
    status: text('status', { enum: ['pending', 'in_progress', 'done', 'not_required'] })
      .notNull()
      .default('pending'),
    appliedOn: date('applied_on'),
    approvedOn: date('approved_on'),
    documentNumber: text('document_number'),
    note: text('note'),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex('approval_items_project_type_uq').on(t.projectId, t.typeCode)],
);

/** The funding plan by source (融资 track), amounts in 元. */
export const fundingLines = pgTable(
  'funding_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sourceCode: text('source_code').notNull(),
    plannedYuan: yuan('planned_yuan').notNull().default(0),
    appliedYuan: yuan('applied_yuan').notNull().default(0),
    approvedYuan: yuan('approved_yuan').notNull().default(0),
    receivedYuan: yuan('received_yuan').notNull().default(0),
    note: text('note'),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex('funding_lines_project_source_uq').on(t.projectId, t.sourceCode)],
);

/** Milestones of the project's plan (一项目一方案); predecessors form a DAG. */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `start` (开工) and `completion` (竣工) are the milestones the pool gates look for. */
    kind: text('kind', { enum: ['start', 'completion', 'other'] })
      .notNull()
      .default('other'),
    durationDays: integer('duration_days').notNull().default(0),
    predecessorIds: uuid('predecessor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    actualStart: date('actual_start'),
    actualFinish: date('actual_finish'),
    /**
     * The approval item type (dictionary `approval_item_type`) the milestone is bound to: when the project has an
     * approval item of that type, the milestone is reached on the day it was approved, and only then.
     */
    approvalTypeCode: text('approval_type_code'),
    /** The day the milestone is planned for; the 开工 and 竣工 milestones' are the project's planned start and completion. */
    plannedFinish: date('planned_finish'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versioned,
    ...timestamps,
  },
  (t) => [index('milestones_project_idx').on(t.projectId, t.sortOrder)],
);

/**
 * The annual planned investment of a project for a year, spread by month. Version 1 frozen is the baseline;
 * adjustments are later versions with a reason; a frozen version is never edited.
 */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    versionNo: integer('version_no').notNull().default(1),
    plannedYuan: yuan('planned_yuan').notNull(),
    monthlyYuan: bigint('monthly_yuan', { mode: 'number' }).array().notNull(),
    reason: text('reason'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: uuid('frozen_by'),
    createdBy: uuid('created_by'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('annual_plans_project_year_version_uq').on(t.projectId, t.year, t.versionNo),
    index('annual_plans_year_idx').on(t.year),
  ],
);

export const planTemplates = pgTable('plan_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  categoryCode: text('category_code'),
  name: text('name').notNull(),
  /** `[{ name, kind, durationDays, predecessors: [index…] }]` */
  items: jsonb('items').notNull(),
  ...versioned,
  ...timestamps,
});

/** Admin-defined custom fields for projects, per category (null = every category). */
