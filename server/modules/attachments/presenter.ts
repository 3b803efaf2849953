import type { Attachment } from '../../../common/schemas/attachments';
import type { RequestContext } from '../../lib/actor';
import type { AttachmentRow } from './repository';
import { mayDelete } from './service';

/** An attachment as the API answers it, with whether the reader may delete it. */
export const presentAttachment = (ctx: RequestContext, row: AttachmentRow, access: { add: boolean; office: boolean }): Attachment => ({
  id: row.id,
  recordType: row.recordType,
  recordId: row.recordId,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  hasThumbnail: row.thumbnailName !== null,
  uploadedBy: row.uploadedBy,
  uploaderName: row.uploaderName,
  createdAt: row.createdAt.toISOString(),
  abilities: { delete: mayDelete(ctx, row, access) },
});
