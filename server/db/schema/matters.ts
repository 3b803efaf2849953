import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MATTER_ENTRY_KINDS, MATTER_ESCALATION_LEVELS, MATTER_PRIORITIES, MATTER_SOURCES, MATTER_STATUSES } from '../../../common/enums';
import { timestamps, versioned } from './columns';
import { regions, units, users } from './organisation';
import { projects } from './projects';
import { progressReports } from './reports';

/**
 * A matter (问题 / 事项): a project's problem, a leader's instruction (批示), a 12345 hotline item or an inspection
 * finding (督查), assigned to one lead unit with optional co-units and a deadline, going round the closed loop of
 * common/domain/matters.ts until it is closed (销号). Past its deadline it escalates one level at a time.
 */
export const matters = pgTable(
  'matters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district the matter belongs to. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    source: text('source', { enum: MATTER_SOURCES }).notNull(),
    /** The project it is about, when it is about one (a project problem always is). */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    /** The monthly report whose problems it was raised from (转为问题协调), when it was; a deleted report leaves it unset. */
    sourceReportId: uuid('source_report_id').references(() => progressReports.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** A code of the problem_category dictionary (用地, 资金, 审批 …). */
    category: text('category').notNull(),
    priority: text('priority', { enum: MATTER_PRIORITIES }).notNull().default('normal'),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit that raised and assigned it (the project office, the leaders' office, a unit raising its project's problem). */
    raisingUnitId: uuid('raising_unit_id')
      .notNull()
      .references(() => units.id),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    /** The last China Standard Time calendar day it is on time. */
    deadline: date('deadline').notNull(),
    status: text('status', { enum: MATTER_STATUSES }).notNull().default('assigned'),
    escalationLevel: text('escalation_level', { enum: MATTER_ESCALATION_LEVELS }).notNull().default('none'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** Whom the last escalation went to (a unit, users, a region), as recorded by the escalation job. */
    escalationTarget: jsonb('escalation_target').$type<EscalationTarget>(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The deadline its lead unit was last reminded of (a moved deadline is reminded of again). */
    deadlineRemindedFor: date('deadline_reminded_for'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('matters_region_status_idx').on(t.regionCode, t.status, t.deadline),
    index('matters_project_idx').on(t.projectId),
    // The matters raised from one report (the report's page lists them).
    index('matters_source_report_idx').on(t.sourceReportId),
    index('matters_lead_unit_idx').on(t.leadUnitId),
    index('matters_raising_unit_idx').on(t.raisingUnitId),
    // The matters a reader of the `own` scope raised (a leader's 批示): one of the ways to the matters he sees.
    index('matters_raised_by_idx').on(t.raisedBy),
  ],
);

/** Whom an escalation was addressed to. */
export type EscalationTarget = { unitId?: string; userIds?: string[]; regionCode?: string };

/** A matter's co-units (配合单位): they see it and add their input. */
export const matterCoUnits = pgTable(
  'matter_co_units',
  {
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.matterId, t.unitId] }), index('matter_co_units_unit_idx').on(t.unitId)],
);

/**
 * One step of a matter's timeline, timestamped with its author and text: assigned, accepted, started, a co-unit's
 * input, the answer, submitted for review, closed, sent back with the reason, escalated (no author: the job).
 * The statistics are computed from these entries.
 */
export const matterEntries = pgTable(
  'matter_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MATTER_ENTRY_KINDS }).notNull(),
    /** Null for an escalation made by the scheduled job. */
    authorId: uuid('author_id').references(() => users.id),
    /** The unit the author acted for (his own unit). */
    unitId: uuid('unit_id').references(() => units.id),
    text: text('text'),
    /** The state after the step. */
    status: text('status', { enum: MATTER_STATUSES }).notNull(),
    /** For an escalation: the level reached and its target. */
    escalationLevel: text('escalation_level', { enum: MATTER_ESCALATION_LEVELS }),
    escalationTarget: jsonb('escalation_target').$type<EscalationTarget>(),
    /** Attachments come with the attachments part of issue 14: their ids will be listed here. */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Order within a matter when two entries share a timestamp. */
    seq: integer('seq').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('matter_entries_matter_idx').on(t.matterId, t.seq)],
);
