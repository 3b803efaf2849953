import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AttachmentRecordType } from '../../../common/schemas/attachments';
import type { Executor } from '../../db/client';
import { attachments, users } from '../../db/schema';

// The attachments table holds no rule of who sees a file: every query here is asked for one record the caller has
// already found in the reader's scope through the record's module (records.ts), or for one file whose record is then
// checked the same way before anything of it is answered.

export type AttachmentRecord = typeof attachments.$inferSelect;
export type AttachmentRow = AttachmentRecord & { uploaderName: string | null };

const selection = { ...getTableColumns(attachments), uploaderName: users.displayName };

/** The files of one record, oldest first. */
export async function listAttachments(db: Executor, recordType: AttachmentRecordType, recordId: string): Promise<AttachmentRow[]> {
  return db
    .select(selection)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.recordType, recordType), eq(attachments.recordId, recordId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** One file by id, whoever may see it (the caller checks its record). */
export async function findAttachment(db: Executor, id: string): Promise<AttachmentRow | null> {
  const [row] = await db
    .select(selection)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.id, id));
  return row ?? null;
}

/** How many files a record has, with the record's uploads queued behind each other until the transaction ends. */
export async function lockAndCountAttachments(tx: Executor, recordType: AttachmentRecordType, recordId: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`attachments:${recordType}:${recordId}`}))`);
  const [row] = await tx
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.recordType, recordType), eq(attachments.recordId, recordId)));
  return row?.n ?? 0;
}

export async function insertAttachment(tx: Executor, values: typeof attachments.$inferInsert): Promise<AttachmentRecord> {
  const [row] = await tx.insert(attachments).values(values).returning();
  if (!row) throw new Error('attachment not inserted');
  return row;
}

/** Removes the row; answers it, or null when another request removed it first. */
export async function deleteAttachment(tx: Executor, id: string): Promise<AttachmentRecord | null> {
  const [row] = await tx.delete(attachments).where(eq(attachments.id, id)).returning();
  return row ?? null;
}
