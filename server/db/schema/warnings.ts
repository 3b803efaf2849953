import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WarningReason, WarningSettings } from '../../../common/domain/warnings';
import { WARNING_COLOURS } from '../../../common/enums';
import { timestamps, versioned } from './columns';
import { regions } from './organisation';
import { projects } from './projects';

// The warnings (红黄绿灯, DOMAIN.md "Warnings"; docs/adr/0006-warning-colour-on-the-project.md). The colour itself is also
// kept on the project (`projects.warning_level`) so the list filters and sorts by it through the project's own index.

/** A project's current colour with the rules that fired, as of the day it was last computed. */
export const projectWarnings = pgTable('project_warnings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  colour: text('colour', { enum: WARNING_COLOURS }).notNull(),
  reasons: jsonb('reasons').$type<WarningReason[]>().notNull().default(sql`'[]'::jsonb`),
  /** The China Standard Time day the colour holds for. */
  asOf: date('as_of').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A project's colour at the end of a calendar month, kept for its history and for the assessment (考核); taken once
 * after the month ends and never changed, and the recovery rule reads last month's.
 */
export const warningSnapshots = pgTable(
  'warning_snapshots',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    colour: text('colour', { enum: WARNING_COLOURS }).notNull(),
    reasons: jsonb('reasons').$type<WarningReason[]>().notNull().default(sql`'[]'::jsonb`),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year, t.month] }),
    // A month's colours across projects (the assessment, and whether the month's snapshot was taken).
    index('warning_snapshots_month_idx').on(t.year, t.month),
  ],
);

/** A district's warning thresholds (common/schemas/warnings.ts); a district without a row uses DEFAULT_WARNING_SETTINGS. */
export const warningSettings = pgTable('warning_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  thresholds: jsonb('thresholds').$type<WarningSettings>().notNull(),
  updatedBy: uuid('updated_by'),
  ...versioned,
  ...timestamps,
});
