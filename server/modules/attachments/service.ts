import { Readable } from 'node:stream';
import { ATTACHMENT_CONTENT_TYPES, type AttachmentRecordType, MAX_ATTACHMENTS_PER_RECORD } from '../../../common/schemas/attachments';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound } from '../../lib/errors';
import { removeUpload, saveUpload, uploadPath } from '../../lib/uploads';
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

const FOLDER = 'attachments';

/** A file the upload streamed into the data folder, not yet an attachment. */
export type StoredFile = { storedName: string; sizeBytes: number; fileName: string };

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
 * Makes a stored upload an attachment of a record the reader may add to: its type found by content (anything else
 * refused on `file`), a thumbnail made for a photo, the record's count checked under a lock, the row and its audit
 * event written together. On any refusal the stored files are removed and nothing is written.
 */
export async function attachFile({
  db,
  ctx,
  dataDir,
  input,
}: {
  db: Db;
  ctx: RequestContext;
  dataDir: string;
  input: { recordType: AttachmentRecordType; recordId: string; file: StoredFile };
}): Promise<AttachmentRecord> {
  const { file } = input;
  let thumbnailName: string | null = null;
  try {
    const access = await recordAccess(db, ctx.actor, input.recordType, input.recordId);
    // Out of scope looks like not found, on the field that named the record.
    if (!access)
      throw new AppError(404, 'not_found', 'error.not_found', {}, [{ path: 'recordId', messageKey: 'attachment.record_not_found' }]);
    if (!access.add)
      throw new AppError(403, 'forbidden', 'attachment.not_editable', {}, [{ path: 'recordId', messageKey: 'attachment.not_editable' }]);
    const path = uploadPath(dataDir, file.storedName, FOLDER);
    const format = await detectFormat(path, file.fileName);
    if (!format) throw invalidField('file', 'attachment.file_type');
    if (isImage(format)) {
      const thumbnail = await makeThumbnail(path, format);
      if (!thumbnail) throw invalidField('file', 'attachment.image_unreadable');
      thumbnailName = (await saveUpload(dataDir, Readable.from([thumbnail]), FOLDER)).storedName;
    }
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
    await removeUpload(dataDir, file.storedName, FOLDER);
    if (thumbnailName) await removeUpload(dataDir, thumbnailName, FOLDER);
    throw error;
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

/** Removes an attachment (the uploader while the record is editable, or the office), audited; then its files. */
export async function removeAttachment({ db, ctx, dataDir, id }: { db: Db; ctx: RequestContext; dataDir: string; id: string }) {
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
  // The files go once the row is gone for good (a failed transaction leaves both).
  await removeUpload(dataDir, removed.storedName, FOLDER);
  if (removed.thumbnailName) await removeUpload(dataDir, removed.thumbnailName, FOLDER);
}
