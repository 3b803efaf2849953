import { and, asc, count, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { AttachmentRecordType } from '../../../common/schemas/attachments';
import type { Executor } from '../../db/client';
import { attachments, auditEvents, matters, progressReports, projects, users } from '../../db/schema';

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

// The audit log's name of each kind of record (what `recordAudit` is given as `recordType` by its module).
const AUDITED_AS: Record<AttachmentRecordType, string> = { report: 'progress_report', matter: 'matter', project: 'project' };

/**
 * Files whose record no longer exists and has been quiet for the grace period: no audit event about the record (its
 * deletion included, when Lantu deleted it) and no upload to it since `quietSince`. Oldest first, `limit` at a time.
 */
export async function findOrphanedAttachments(db: Executor, quietSince: Date, limit: number): Promise<AttachmentRecord[]> {
  const since = quietSince.toISOString();
  const gone = sql`case ${attachments.recordType}
      when 'report' then not exists (select 1 from ${progressReports} r where r.id = ${attachments.recordId})
      when 'matter' then not exists (select 1 from ${matters} m where m.id = ${attachments.recordId})
      when 'project' then not exists (select 1 from ${projects} p where p.id = ${attachments.recordId})
      else false end`;
  const auditedAs = sql`case ${attachments.recordType} ${sql.join(
    Object.entries(AUDITED_AS).map(([type, audited]) => sql`when ${type} then ${audited}`),
    sql` `,
  )} end`;
  return db
    .select(getTableColumns(attachments))
    .from(attachments)
    .where(
      and(
        gone,
        sql`not exists (select 1 from ${attachments} newer where newer.record_type = ${attachments.recordType}
          and newer.record_id = ${attachments.recordId} and newer.created_at >= ${since}::timestamptz)`,
        sql`not exists (select 1 from ${auditEvents} e where e.record_type = ${auditedAs}
          and e.record_id = ${attachments.recordId}::text and e.at >= ${since}::timestamptz)`,
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .limit(limit);
}

/** Which of these object names a file row still refers to (as its file or its thumbnail). */
export async function referencedObjectNames(db: Executor, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .select({ storedName: attachments.storedName, thumbnailName: attachments.thumbnailName })
    .from(attachments)
    .where(or(inArray(attachments.storedName, names), inArray(attachments.thumbnailName, names)));
  return new Set(rows.flatMap((row) => [row.storedName, row.thumbnailName]).filter((name): name is string => name !== null));
}
