import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ATTACHMENT_RECORD_TYPES } from '../../../common/schemas/attachments';
import { regions, users } from './organisation';

/**
 * A photo or document attached to a record (a progress report, a matter, a project). The file lives in the data folder
 * under `stored_name`, a random name the server chose (server/lib/uploads.ts); `file_name` is the uploader's, only
 * shown. Who sees it is who sees the record: the attachments module asks the record's own module.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district of the record (for the audit log). */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    recordType: text('record_type', { enum: ATTACHMENT_RECORD_TYPES }).notNull(),
    /** The report's, matter's or project's id (no foreign key: one column serves three tables). */
    recordId: uuid('record_id').notNull(),
    fileName: text('file_name').notNull(),
    /** Found in the content at upload (magic bytes), never the uploader's declared type. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storedName: text('stored_name').notNull(),
    /** An image's thumbnail (JPEG, at most 320 px), made at upload. */
    thumbnailName: text('thumbnail_name'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_record_idx').on(t.recordType, t.recordId, t.createdAt),
    uniqueIndex('attachments_stored_name_uq').on(t.storedName),
  ],
);
