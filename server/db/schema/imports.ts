import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioned } from './columns';
import { IMPORT_KINDS } from '../../../common/import-kinds';
import { regions, users } from './organisation';

export const IMPORT_STATUSES = ['validating', 'invalid', 'ready', 'committing', 'committed', 'failed'] as const;

/**
 * One uploaded spreadsheet on its way in: validated as a whole in the background (progress counted in rows),
 * then committed in one transaction only when clean. The file itself lives in the data folder under a random name.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('validating'),
    /** The name the user's file had (shown, never used as a path). */
    fileName: text('file_name').notNull(),
    /** The random name the file is stored under in the uploads folder. */
    storedName: text('stored_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** Every problem found: `[{ row, column, field, code, params }]`, translated when read. */
    problems: jsonb('problems').notNull().default([]),
    /** What a commit does or did: `{ create, update }`. */
    summary: jsonb('summary'),
    /** Why the job failed (not a data problem: an unreadable file, a crash). */
    failure: text('failure'),
    /**
     * The mapping the job is read with (the mapping step): `{ shape, source: 'chosen' | 'saved', fields: { [column]:
     * field | null } }`; null while the reading's own finding stands. A commit reads the file with the same mapping.
     */
    mapping: jsonb('mapping'),
    createdBy: uuid('created_by').references(() => users.id),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    ...versioned,
    ...timestamps,
  },
  (t) => [index('import_jobs_region_created_idx').on(t.regionCode, t.createdAt)],
);

/**
 * A district's saved mapping for files of one shape (the same header texts in the same places): the field each
 * column is read as, or null for 不导入. Saved by the mapping step; offered to the next file of that shape.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    shape: text('shape').notNull(),
    /** `{ [column number]: field key | null }`. */
    fields: jsonb('fields').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.kind, t.shape] })],
);
