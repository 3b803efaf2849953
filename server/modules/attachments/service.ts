import { ATTACHMENT_CONTENT_TYPES, type AttachmentRecordType, MAX_ATTACHMENTS_PER_RECORD } from '../../../common/schemas/attachments';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound } from '../../lib/errors';
import { type ObjectStore, ObjectStoreError } from '../../lib/object-store';
import { newStoredName, removeUpload, uploadPath } from '../../lib/uploads';
import { detectFormat, isImage, makeThumbnail } from './content';
import { recordAccess } from './records';
import {
  type AttachmentRecord,
  type AttachmentRow,
  deleteAttachment,
  findAttachment,
  insertAttachment,
  lockAndCountAttachments,
} from './repository';

/** A file the upload streamed into the data folder's `uploads/` (staged), not yet an attachment. */
export type StoredFile = { storedName: string; sizeBytes: number; fileName: string };

/** What a log line needs (the request's logger, or the scheduler's). */
type WarnLog = { warn: (details: object, message: string) => void };

/**
 * Runs one call to the object store; the store unreachable or refusing becomes a 503 in the user's words (the
 * cause is logged, never shown: it names the store's address).
 */
export async function storeCall<T>(call: () => Promise<T>, log: WarnLog, upload = false): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ObjectStoreError)) throw error;
    log.warn({ err: error }, 'attachment store failed');
    throw new AppError(
      503,
      'attachment_store_unavailable',
      upload ? 'attachment.store_unavailable_upload' : 'attachment.store_unavailable',
      {},
      [],
      {
        'retry-after': '30',
      },
    );
  }
}

const auditable = (row: AttachmentRecord) => ({
  recordType: row.recordType,
  recordId: row.recordId,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
});

/** May the reader remove this file now: the uploader while he may still add to the record, or the record's office. */
export const mayDelete = (ctx: RequestContext, row: AttachmentRecord, access: { add: boolean; office: boolean }) =>
  access.office || (access.add && row.uploadedBy === ctx.actor.userId);

/**
 * Makes a staged upload an attachment of a record the reader may add to: its type found by content (anything else
 * refused on `file`), a thumbnail made for a photo, both put into the object store, then the record's count checked
 * under a lock and the row and its audit event written together. The objects are written before the row, so a row
 * never names a missing object; on any refusal or failure the objects written are deleted again and nothing is kept —
 * should that deletion fail too (the store down), the row-less objects are removed by the daily purge
 * (server/jobs/purge-orphan-attachments.ts). The staged file is removed whatever happens.
 */
export async function attachFile({
  db,
  ctx,
  store,
  dataDir,
  log,
  input,
}: {
  db: Db;
  ctx: RequestContext;
  store: ObjectStore;
  dataDir: string;
  log: WarnLog;
  input: { recordType: AttachmentRecordType; recordId: string; file: StoredFile };
}): Promise<AttachmentRecord> {
  const { file } = input;
  const staged = uploadPath(dataDir, file.storedName);
  let thumbnailName: string | null = null;
  // Named before each put: a put that failed on our side may still have landed in the store.
  const written: string[] = [];
  try {
    const access = await recordAccess(db, ctx.actor, input.recordType, input.recordId);
    // Out of scope looks like not found, on the field that named the record.
    if (!access)
      throw new AppError(404, 'not_found', 'error.not_found', {}, [{ path: 'recordId', messageKey: 'attachment.record_not_found' }]);
    if (!access.add)
      throw new AppError(403, 'forbidden', 'attachment.not_editable', {}, [{ path: 'recordId', messageKey: 'attachment.not_editable' }]);
    const format = await detectFormat(staged, file.fileName);
    if (!format) throw invalidField('file', 'attachment.file_type');
    const thumbnail = isImage(format) ? await makeThumbnail(staged, format) : null;
    if (isImage(format) && !thumbnail) throw invalidField('file', 'attachment.image_unreadable');
    if (thumbnail) {
      const name = newStoredName();
      written.push(name);
      await storeCall(() => store.put(name, { bytes: thumbnail }), log, true);
      thumbnailName = name;
    }
    written.push(file.storedName);
    await storeCall(() => store.put(file.storedName, { file: staged }), log, true);
    return await db.transaction(async (tx) => {
      const count = await lockAndCountAttachments(tx, input.recordType, input.recordId);
      if (count >= MAX_ATTACHMENTS_PER_RECORD) {
        throw new AppError(409, 'too_many_attachments', 'attachment.too_many', { limit: MAX_ATTACHMENTS_PER_RECORD }, [
          { path: 'file', messageKey: 'attachment.too_many', params: { limit: MAX_ATTACHMENTS_PER_RECORD } },
        ]);
      }
      const row = await insertAttachment(tx, {
        regionCode: access.regionCode,
        recordType: input.recordType,
        recordId: input.recordId,
        fileName: file.fileName,
        contentType: ATTACHMENT_CONTENT_TYPES[format],
        sizeBytes: file.sizeBytes,
        storedName: file.storedName,
        thumbnailName,
        uploadedBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'attachments.create',
        recordType: 'attachment',
        recordId: row.id,
        regionCode: access.regionCode,
        after: auditable(row),
      });
      return row;
    });
  } catch (error) {
    for (const name of written) {
      await store.delete(name).catch((cause: unknown) => log.warn({ err: cause, name }, 'attachment object left for the purge'));
    }
    throw error;
  } finally {
    await removeUpload(dataDir, file.storedName);
  }
}

/** One attachment whose record the reader may see, with his access to that record; null when he may not see it. */
export async function findVisibleAttachment(
  db: Db,
  ctx: RequestContext,
  id: string,
): Promise<{ row: AttachmentRow; access: { add: boolean; office: boolean } } | null> {
  const row = await findAttachment(db, id);
  if (!row) return null;
  const access = await recordAccess(db, ctx.actor, row.recordType, row.recordId);
  return access ? { row, access } : null;
}

/**
 * Removes an attachment (the uploader while the record is editable, or the office), audited; then its objects. The
 * row goes first: should the store fail then, the attachment is gone for every reader and its row-less objects are
 * removed by the daily purge.
 */
export async function removeAttachment({
  db,
  ctx,
  store,
  log,
  id,
}: {
  db: Db;
  ctx: RequestContext;
  store: ObjectStore;
  log: WarnLog;
  id: string;
}) {
  const found = await findVisibleAttachment(db, ctx, id);
  if (!found) throw notFound();
  if (!mayDelete(ctx, found.row, found.access)) throw new AppError(403, 'forbidden', 'attachment.not_deletable');
  const removed = await db.transaction(async (tx) => {
    const row = await deleteAttachment(tx, id);
    if (!row) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'attachments.delete',
      recordType: 'attachment',
      recordId: row.id,
      regionCode: row.regionCode,
      before: auditable(row),
    });
    return row;
  });
  // The objects go once the row is gone for good (a failed transaction leaves both).
  await removeObjects(store, [removed.storedName, removed.thumbnailName], log);
}

/** Deletes an attachment's objects; one the store would not delete is logged and left for the purge. */
export async function removeObjects(store: ObjectStore, names: (string | null)[], log: WarnLog): Promise<number> {
  let left = 0;
  for (const name of names) {
    if (!name) continue;
    try {
      await store.delete(name);
    } catch (error) {
      left += 1;
      log.warn({ err: error, name }, 'attachment object left for the purge');
    }
  }
  return left;
}
